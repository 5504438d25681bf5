import type { BackupCandidate, BackupFact, FileStat } from '../types.js';
import type { Host, DirEntry } from '../host/types.js';
import { winBasename, winDirname, winEquals, winIsInside, winKey } from '../host/paths.js';
import { digestOf, fileStat } from './context.js';

/**
 * Backup search (rules.md "Backups"). A candidate is a file with the same content, or a file whose name
 * marks it as a copy; looked for beside the original, in its parent folder, and recursively in every
 * backup folder. A candidate is current when its content equals the original's or its last-write time
 * is not older than the original's.
 */

const SUFFIX_WORD = '(?:bak|backup|old|orig|copy|save)\\d*';
const STAMP = '\\d{2,}(?:[-_.]\\d+)*';
const SUFFIX = new RegExp(`^(?:[._-](?:${SUFFIX_WORD}|${STAMP}))+$`, 'i');
const INFIX = new RegExp(`^(?:[._ -](?:${SUFFIX_WORD}|${STAMP}))+$`, 'i');
const PREFIX = /^\d{4,}(?:[-_.]\d+)*[ _-]$/;
const LOCALIZED_COPY = '(?:Copy|Kopie|Kopia|Copie|Copia|kopia)';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `candidate` is named as a copy of `original` (file or folder name). */
export function isCopyName(original: string, candidate: string): boolean {
  const o = original.toLowerCase();
  const c = candidate.toLowerCase();
  if (c === o) return false;
  if (c.startsWith(o) && SUFFIX.test(c.slice(o.length))) return true;
  // A stamp or word before the extension: "Phonefactor_2026-11-02.pfdata", "web.bak.config", "PhoneFactor 20261102.pfdata".
  const odot = o.lastIndexOf('.');
  if (odot > 0) {
    const oBase = o.slice(0, odot);
    const oExt = o.slice(odot);
    if (c.startsWith(oBase) && c.endsWith(oExt) && c.length > o.length && INFIX.test(c.slice(oBase.length, c.length - oExt.length)))
      return true;
  }
  // A date stamp in front: "2026-11-02_PhoneFactor.pfdata", "20261102-web.config".
  if (c.endsWith(o) && PREFIX.test(c.slice(0, c.length - o.length))) return true;
  // "Copy of NAME", "Copy (2) of NAME"
  if (new RegExp(`^copy(?: \\(\\d+\\))? of ${escapeRe(o)}$`, 'i').test(c)) return true;
  // "NAME - Copy.EXT", "NAME - Copy (2).EXT" (and localized); for names without extension, "NAME - Copy"
  const dot = original.lastIndexOf('.');
  const base = dot > 0 ? original.slice(0, dot) : original;
  const ext = dot > 0 ? original.slice(dot) : '';
  const explorer = new RegExp(`^${escapeRe(base)} - ${LOCALIZED_COPY}(?: \\(\\d+\\))?${escapeRe(ext)}$`, 'i');
  if (explorer.test(candidate)) return true;
  // "web.config - Copy" where Explorer treated ".config" as the extension is covered above; also "NAME.EXT - Copy"
  return new RegExp(`^${escapeRe(original)} - ${LOCALIZED_COPY}(?: \\(\\d+\\))?$`, 'i').test(candidate);
}

/** A UNC path (\\\\server\\share\\...): not a drive of this host, so neither a bundle nor the drive mapping holds it. */
export function isUncPath(p: string): boolean {
  return /^(?:\\\\|\/\/)(?!\?\\)[^\\/]+[\\/][^\\/]+/.test(p.trim());
}

export const UNC_WHY = "a network share: the scan reads this host's own drives only, so whether a copy is there cannot be told";

/** Backup folders split into the ones on this host's drives and the network shares, kept as written (UNC stays UNC). */
function splitBackupDirs(dirs: string[]): { local: string[]; shares: { path: string; why: string }[] } {
  const local: string[] = [];
  const shares: { path: string; why: string }[] = [];
  for (const d of dirs) {
    if (isUncPath(d)) shares.push({ path: d.trim().replace(/\//g, '\\').replace(/\\+$/, ''), why: UNC_WHY });
    else local.push(d);
  }
  return { local, shares };
}

/** Whether a folder name is the name or a copy-name of one of `names`. */
function folderNamed(name: string, names: string[]): boolean {
  return names.some((n) => n.toLowerCase() === name.toLowerCase() || isCopyName(n, name));
}

const MAX_WALK_ENTRIES = 20000;
const MAX_DEPTH = 8;

/** Files under a folder, recursively, bounded. */
export async function walkFiles(target: Host, dir: string, maxDepth = MAX_DEPTH): Promise<DirEntry[]> {
  const out: DirEntry[] = [];
  const seen = new Set<string>();
  async function walk(d: string, depth: number): Promise<void> {
    if (depth > maxDepth || out.length >= MAX_WALK_ENTRIES || seen.has(winKey(d))) return;
    seen.add(winKey(d));
    for (const e of await target.list(d)) {
      if (out.length >= MAX_WALK_ENTRIES) return;
      if (e.isDirectory) await walk(e.path, depth + 1);
      else if (e.isFile) out.push(e);
    }
  }
  await walk(dir, 0);
  return out;
}

interface SearchOptions {
  backupDirs: string[];
  /** Folder names (component folder, virtual directory) that make a name match in a backup folder count. */
  folderNames: string[];
  /** The file's name identifies it wherever it is in a backup folder (PhoneFactor.pfdata: no other product has one). */
  nameIdentifies?: boolean;
  /** Whether a file's content identifies the component (e.g. a web.config's applicationSettings section). */
  identifies?: (data: Buffer) => boolean;
}

async function sameContent(target: Host, original: FileStat, cand: FileStat): Promise<boolean> {
  if (original.size !== null && cand.size !== null && original.size !== cand.size) return false;
  const a = await digestOf(target, original);
  if (!a) return false;
  const b = await digestOf(target, cand);
  return b !== null && a === b;
}

function isCurrent(original: FileStat, cand: FileStat, same: boolean): boolean {
  if (same) return true;
  if (!original.mtime || !cand.mtime) return false;
  return Date.parse(cand.mtime) >= Date.parse(original.mtime);
}

export async function findFileBackups(target: Host, original: FileStat, opts: SearchOptions): Promise<BackupFact> {
  const fact: BackupFact = { original, candidates: [], searched: original.exists };
  if (!original.exists) return fact;
  const { local, shares } = splitBackupDirs(opts.backupDirs);
  opts = { ...opts, backupDirs: local };
  if (shares.length) fact.unsearched = shares;
  const name = winBasename(original.path);
  const dir = winDirname(original.path);
  const parent = winDirname(dir);
  const dirName = winBasename(dir);
  const seen = new Set<string>([winKey(original.path)]);

  const consider = async (p: string, reason: BackupCandidate['reason'] | null): Promise<void> => {
    if (seen.has(winKey(p))) return;
    seen.add(winKey(p));
    const st = await fileStat(target, p);
    if (!st.exists) return;
    const same = await sameContent(target, original, st);
    if (!reason && !same) return;
    fact.candidates.push({
      path: st.path,
      reason: same ? 'same-content' : reason!,
      mtime: st.mtime,
      sha256: st.sha256,
      current: isCurrent(original, st, same),
      source: st.source === 'manifest' ? 'manifest' : 'file',
    });
  };

  // Beside the original and in its parent folder: copy names, or same content (same size first, so a
  // multi-GB data file is hashed only when a same-size file is there).
  for (const d of dir === parent ? [dir] : [dir, parent]) {
    for (const e of await target.list(d)) {
      if (e.isFile) {
        if (isCopyName(name, e.name)) await consider(e.path, 'copy-name');
        else if (original.size !== null) {
          const st = await target.stat(e.path);
          if (st && st.size === original.size) await consider(e.path, null);
        }
      } else if (e.isDirectory && d === parent && isCopyName(dirName, e.name)) {
        // A copy of the whole folder beside it: "PhoneFactor - Copy\web.config", "Data.bak\PhoneFactor.pfdata".
        for (const f of await target.list(e.path)) {
          if (f.isFile && (f.name.toLowerCase() === name.toLowerCase() || isCopyName(name, f.name))) await consider(f.path, 'copy-name');
        }
      }
    }
  }

  // Backup folders, recursively.
  for (const bdir of opts.backupDirs) {
    for (const f of await walkFiles(target, bdir)) {
      const nameMatch = f.name.toLowerCase() === name.toLowerCase() || isCopyName(name, f.name);
      if (nameMatch) {
        const rel = f.path.slice(target.expand(bdir).length).split('\\').filter(Boolean).slice(0, -1);
        // At the top of a backup folder, or anywhere there for a name that identifies the file by itself (the data
        // file), the name is enough; deeper, a folder named like the component or the content must say whose it is.
        let counts = rel.length === 0 || !!opts.nameIdentifies || rel.some((seg) => folderNamed(seg, opts.folderNames));
        if (!counts && opts.identifies) {
          const r = await target.readFile(f.path, 4 * 1024 * 1024);
          counts = r !== null && opts.identifies(r.data);
        }
        await consider(f.path, counts ? 'backup-folder' : null);
      } else if (original.size !== null) {
        const st = await target.stat(f.path);
        if (st && st.size === original.size) await consider(f.path, null);
      }
    }
  }

  // Copies described in manifest.json but not copied into the bundle.
  for (const m of target.manifestEntries()) {
    if (seen.has(winKey(m.path))) continue;
    const mName = winBasename(m.path);
    const inPlace = winEquals(winDirname(m.path), dir) || winEquals(winDirname(m.path), parent);
    const inBackup = opts.backupDirs.some((b) => winIsInside(m.path, target.expand(b)));
    const nameMatch = isCopyName(name, mName) || (inBackup && mName.toLowerCase() === name.toLowerCase());
    const shaMatch = typeof m.sha256 === 'string' && original.sha256 !== null && m.sha256.toLowerCase() === original.sha256;
    if ((inPlace || inBackup) && (nameMatch || shaMatch)) await consider(m.path, inBackup ? 'backup-folder' : 'copy-name');
  }

  fact.candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return fact;
}

/**
 * Backups of a folder (custom themes, the Default theme): a copy-named sibling folder, a copy of the parent
 * folder holding it, or a same-named folder under a backup folder inside a folder named like the component.
 * Current where every file of the original has a counterpart with the same content or a time not older.
 */
export async function findFolderBackups(target: Host, folder: string, opts: SearchOptions): Promise<BackupFact> {
  const st = await target.stat(folder);
  const originals = st?.isDirectory ? await walkFiles(target, folder) : [];
  // A folder's own time changes with every copy; its newest file tells when it was last changed.
  let newestFile: string | null = null;
  for (const f of originals) {
    const fs = await target.stat(f.path);
    if (fs && (!newestFile || fs.mtime > newestFile)) newestFile = fs.mtime;
  }
  const original: FileStat = {
    path: target.expand(folder),
    exists: !!st?.isDirectory,
    source: st ? 'file' : 'none',
    size: null,
    mtime: newestFile,
    sha256: null,
  };
  const fact: BackupFact = { original, candidates: [], searched: original.exists };
  if (!original.exists) return fact;
  const { local, shares } = splitBackupDirs(opts.backupDirs);
  opts = { ...opts, backupDirs: local };
  if (shares.length) fact.unsearched = shares;
  const name = winBasename(folder);
  const parent = winDirname(original.path);
  const grand = winDirname(parent);
  const parentName = winBasename(parent);
  const copies: { path: string; reason: BackupCandidate['reason'] }[] = [];

  for (const e of await target.list(parent)) {
    if (e.isDirectory && isCopyName(name, e.name)) copies.push({ path: e.path, reason: 'copy-name' });
  }
  if (grand !== parent) {
    for (const e of await target.list(grand)) {
      if (e.isDirectory && isCopyName(parentName, e.name)) {
        const inner = (await target.list(e.path)).find((x) => x.isDirectory && x.name.toLowerCase() === name.toLowerCase());
        if (inner) copies.push({ path: inner.path, reason: 'copy-name' });
      }
    }
  }
  for (const bdir of opts.backupDirs) {
    const root = target.expand(bdir);
    const stack: { path: string; depth: number; named: boolean }[] = [{ path: root, depth: 0, named: false }];
    while (stack.length) {
      const cur = stack.pop()!;
      if (cur.depth > MAX_DEPTH) continue;
      for (const e of await target.list(cur.path)) {
        if (!e.isDirectory) continue;
        const named = cur.named || folderNamed(e.name, opts.folderNames);
        if ((e.name.toLowerCase() === name.toLowerCase() || isCopyName(name, e.name)) && cur.named) {
          copies.push({ path: e.path, reason: 'backup-folder' });
        }
        stack.push({ path: e.path, depth: cur.depth + 1, named });
      }
    }
  }

  const seen = new Set<string>();
  for (const c of copies) {
    if (seen.has(winKey(c.path))) continue;
    seen.add(winKey(c.path));
    let allSame = originals.length > 0;
    let current = true;
    let newest: string | null = null;
    for (const f of originals) {
      const rel = f.path.slice(original.path.length);
      const of = await fileStat(target, f.path);
      const cf = await fileStat(target, c.path + rel);
      if (!cf.exists) {
        current = false;
        allSame = false;
        break;
      }
      if (cf.mtime && (!newest || cf.mtime > newest)) newest = cf.mtime;
      const same = await sameContent(target, of, cf);
      if (!same) allSame = false;
      if (!isCurrent(of, cf, same)) current = false;
    }
    fact.candidates.push({
      path: c.path,
      reason: allSame ? 'same-content' : c.reason,
      mtime: newest,
      sha256: null,
      current: current && originals.length > 0,
      source: 'file',
    });
  }
  fact.candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return fact;
}
