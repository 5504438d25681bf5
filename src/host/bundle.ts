import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../types.js';
import { DEFAULT_ENV, expandEnv, normalizeWinPath, splitWinPath, winKey } from './paths.js';
import type { KeyInterest, RegistryReader } from '../registry/types.js';
import { compareRegFileNames, loadRegistryFiles } from '../registry/merge.js';
import { readCapped, sha256File } from './io.js';
import type { BundleJson, DirEntry, ManifestEntry, Host, HostStat } from './types.js';
import { cutMessage } from '../util/cut.js';
import { validateBundleJson, validateManifestJson } from '../util/schema.js';

/** An input error: the scan cannot run at all (exit 2). */
export class InputError extends Error {}

export interface BundleOptions {
  /** Extra registry exports (--registry), in the order given. */
  registry?: string[];
  /** Drive letter -> folder (--drive D=PATH). */
  drives?: Record<string, string>;
  /**
   * Test seam: paths (host-relative real paths under the bundle) that behave as unreadable (EACCES).
   * CI runs as root, where file modes do not make a file unreadable.
   */
  denyRead?: (realPath: string) => boolean;
  /** The name the target goes by in reports and errors where it is not the folder read (the zip a bundle was unpacked from). */
  shownAs?: string;
}

interface Resolved {
  real: string;
  isFile: boolean;
  isDirectory: boolean;
}

const WINDOWS_MARKERS = ['windows', 'program files', 'program files (x86)', 'inetpub'];
const DEFAULT_MAX_READ = 16 * 1024 * 1024;
/** bundle.json and manifest.json are small; a bigger one is not read at all. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** What a non-regular, non-folder entry is, for a problem message. */
function fileKind(st: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
}): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function findChildCI(dir: string, name: string): Promise<string | null> {
  try {
    const entries = await readdir(dir);
    const exact = entries.find((e) => e === name);
    if (exact) return path.join(dir, exact);
    const ci = entries.find((e) => e.toLowerCase() === name.toLowerCase());
    return ci ? path.join(dir, ci) : null;
  } catch {
    return null;
  }
}

/** A name as Windows compares it: trailing dots and spaces dropped. */
function winTrim(name: string): string {
  return name.replace(/[. ]+$/, '');
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? 'error';
}

function describeFsError(e: unknown): string {
  const code = errCode(e);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a link loop';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return (e as Error)?.message?.split('\n')[0] ?? code;
  }
}

/**
 * A bundle folder (docs/bundle-format.md): fs/<drive>/..., registry/*.reg, bundle.json, manifest.json;
 * or a plain folder taken as the C: drive. Read-only: files are opened with flag 'r' only.
 */
export class BundleHost implements Host {
  readonly kind = 'bundle' as const;
  readonly registryComplete = false;
  readonly problems: Problem[] = [];
  bundle: BundleJson | null = null;
  private drives = new Map<string, string>();
  private registryFiles: { path: string; label: string }[] = [];
  private manifest = new Map<string, ManifestEntry>();
  private registryEnv: Record<string, string> = {};
  private readRecords = new Map<string, string>();
  private dirCache = new Map<string, Promise<Dirent[] | null>>();
  private resolveCache = new Map<string, Promise<Resolved | null>>();
  private regSources = 0;
  private reportedProblems = new Set<string>();

  private constructor(
    readonly location: string,
    private readonly root: string,
    private readonly opts: BundleOptions,
  ) {}

  /** Opens and checks a bundle. Throws InputError (exit 2) where it is not a host copy. */
  static async open(location: string, opts: BundleOptions = {}): Promise<BundleHost> {
    const root = path.resolve(location);
    const shown = opts.shownAs ?? location;
    let st;
    try {
      st = await stat(root);
    } catch {
      throw new InputError(`${shown}: target does not exist`);
    }
    if (!st.isDirectory()) throw new InputError(`${shown}: target is not a folder (give a bundle folder or a copy of a C: drive)`);
    const t = new BundleHost(shown, await realpath(root), opts);
    await t.init();
    return t;
  }

  private problem(rawLocation: string, rawMessage: string): void {
    // Locations and messages carry names and text from the bundle: cut, so hostile input stays one short line.
    const location = cutMessage(rawLocation, 1024);
    const message = cutMessage(rawMessage);
    const key = `${location}\u0000${message}`;
    if (this.reportedProblems.has(key)) return;
    this.reportedProblems.add(key);
    this.problems.push({ location, message });
  }

  /**
   * Throws an InputError when two entries of `dir` differ only in case: among `names` (null: one-letter drive
   * folders). Nothing is merged: the user puts the two together, knowing which copy is right.
   */
  private async refuseCaseTwins(dir: string, names: string[] | null, what: (a: string, b: string) => string): Promise<void> {
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch {
      return;
    }
    const seen = new Map<string, string>();
    for (const n of entries.sort()) {
      const k = n.toLowerCase();
      if (names ? !names.includes(k) : !/^[a-z]$/.test(k)) continue;
      const other = seen.get(k);
      if (other !== undefined) {
        throw new InputError(
          `${this.location}: ${what(other, n)} differ only in case: Windows has one folder there, so which copy is the host's cannot be told; merge them into one and scan again`,
        );
      }
      seen.set(k, n);
    }
  }

  private rel(real: string): string {
    return path.relative(this.root, real).split(path.sep).join('/') || '.';
  }

  private async init(): Promise<void> {
    // Windows has one folder per name whatever its case; a copy made on a case-sensitive file system can hold two
    // (fs/c beside fs/C). Reading one of them would silently drop the other's evidence: refused (issue 15).
    await this.refuseCaseTwins(this.root, ['fs', 'registry'], (a, b) => `${a} and ${b}`);
    const fsDir = await findChildCI(this.root, 'fs');
    const regDir = await findChildCI(this.root, 'registry');
    const bundleLayout = (fsDir && (await isDir(fsDir))) || (regDir && (await isDir(regDir)));
    if (bundleLayout) {
      if (fsDir && (await isDir(fsDir))) {
        const fsName = path.basename(fsDir);
        await this.refuseCaseTwins(fsDir, null, (a, b) => `${fsName}/${a} and ${fsName}/${b} (drive ${a.toUpperCase()})`);
        for (const e of await readdir(fsDir, { withFileTypes: true })) {
          if (/^[A-Za-z]$/.test(e.name) && (e.isDirectory() || e.isSymbolicLink())) {
            const real = path.join(fsDir, e.name);
            if (e.isSymbolicLink()) {
              const r = await realpath(real).catch(() => null);
              if (!r || !this.within(r, this.root)) {
                this.problem(this.rel(real), 'drive folder is a link that leads out of the bundle: not followed');
                continue;
              }
            }
            this.drives.set(e.name.toUpperCase(), await realpath(real));
          }
        }
      }
      if (regDir && (await isDir(regDir))) {
        const regs = (await readdir(regDir, { withFileTypes: true })).filter((e) => e.name.toLowerCase().endsWith('.reg'));
        // A pipe, link or folder named .reg is not read (a pipe would block), and is said so.
        for (const e of regs) if (!e.isFile()) this.problem(`registry/${e.name}`, 'is not a regular file: not read');
        const names = regs
          .filter((e) => e.isFile())
          .map((e) => e.name)
          // docs/bundle-format.md: ordinal, case-insensitive name order
          .sort(compareRegFileNames);
        for (const n of names) this.registryFiles.push({ path: path.join(regDir, n), label: `registry/${n}` });
      }
    } else {
      this.drives.set('C', this.root);
    }
    for (const [letter, dir] of Object.entries(this.opts.drives ?? {})) {
      const abs = path.resolve(dir);
      if (!(await isDir(abs))) throw new InputError(`--drive ${letter}=${dir}: folder does not exist`);
      this.drives.set(letter.toUpperCase(), await realpath(abs));
    }
    for (const f of this.opts.registry ?? []) {
      const abs = path.resolve(f);
      try {
        if (!(await stat(abs)).isFile()) throw new Error();
      } catch {
        throw new InputError(`--registry ${f}: file does not exist`);
      }
      this.registryFiles.push({ path: abs, label: f });
    }

    await this.readBundleJson();
    await this.readManifest();

    // A host copy has registry exports or Windows-looking folders on some drive.
    let windowsLike = this.registryFiles.length > 0;
    for (const dir of this.drives.values()) {
      if (windowsLike) break;
      try {
        const names = (await readdir(dir)).map((n) => n.toLowerCase());
        windowsLike = names.some((n) => WINDOWS_MARKERS.includes(n));
      } catch {
        /* unreadable drive folder: not evidence */
      }
    }
    if (!windowsLike) {
      throw new InputError(
        `${this.location}: not a copy of a Windows host (no registry/*.reg export and no Windows, Program Files or inetpub folder on any drive)`,
      );
    }
  }

  private async readJsonFile(name: string): Promise<unknown> {
    const p = await findChildCI(this.root, name);
    if (!p) return undefined;
    try {
      // Only a regular file of sane size: a FIFO named bundle.json would block readFile forever.
      const st = await stat(p);
      if (!st.isFile()) {
        this.problem(name, `is not a regular file (${fileKind(st)}): not read`);
        return undefined;
      }
      if (st.size > MAX_JSON_BYTES) {
        this.problem(name, `file too large (${st.size} bytes), limit ${MAX_JSON_BYTES} bytes: not read`);
        return undefined;
      }
      const text = await readFile(p, 'utf8');
      this.record(`bundle:${name}`, createHash('sha256').update(text).digest('hex'));
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      this.problem(name, `cannot be read as JSON: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
  }

  private async readBundleJson(): Promise<void> {
    const j = await this.readJsonFile('bundle.json');
    if (j === undefined) return;
    if (typeof j !== 'object' || j === null || Array.isArray(j)) {
      this.problem('bundle.json', 'is not a JSON object: ignored');
      return;
    }
    // A field of the wrong type stops the scan with one line naming it (schemas/bundle.schema.json).
    const v = validateBundleJson(j);
    if (!v.ok) throw new InputError(`${path.join(this.location, 'bundle.json')}: ${v.errors[0]}`);
    this.bundle = j;
    const r = this.bundle.roles?.replication;
    if (r !== undefined && !['primary', 'subordinate', 'standalone'].includes(r)) {
      this.problem('bundle.json', `roles.replication "${String(r)}" is not primary, subordinate or standalone: ignored`);
      delete this.bundle.roles!.replication;
    }
  }

  private async readManifest(): Promise<void> {
    const j = (await this.readJsonFile('manifest.json')) as { files?: unknown } | undefined;
    if (j === undefined) return;
    if (!j || !Array.isArray(j.files)) {
      this.problem('manifest.json', 'has no "files" array: ignored');
      return;
    }
    const v = validateManifestJson(j);
    if (!v.ok) throw new InputError(`${path.join(this.location, 'manifest.json')}: ${v.errors[0]}`);
    j.files.forEach((f: unknown, i: number) => {
      const e = f as ManifestEntry;
      if (!e || typeof e.path !== 'string') {
        this.problem('manifest.json', `files[${i}] has no "path": ignored`);
        return;
      }
      this.manifest.set(winKey(this.expand(e.path)), { ...e, path: normalizeWinPath(this.expand(e.path)) });
    });
  }

  private within(real: string, base: string): boolean {
    const rel = path.relative(base, real);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  env(): Record<string, string> {
    return { ...DEFAULT_ENV, ...(this.bundle?.env ?? {}), ...this.registryEnv };
  }

  /** Called by the probes once the registry is loaded: values from the host's own registry win. */
  setRegistryEnv(env: Record<string, string>): void {
    this.registryEnv = env;
    this.resolveCache.clear();
  }

  expand(winPath: string): string {
    return normalizeWinPath(expandEnv(winPath, this.env()), this.env().SystemDrive?.[0] ?? 'C');
  }

  private listDir(real: string): Promise<Dirent[] | null> {
    let p = this.dirCache.get(real);
    if (!p) {
      p = (
        this.denied(real) ? Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })) : readdir(real, { withFileTypes: true })
      ).catch((e) => {
        this.problem(this.rel(real), `folder cannot be read: ${describeFsError(e)}`);
        return null;
      });
      this.dirCache.set(real, p);
    }
    return p;
  }

  /** Case-insensitive, segment by segment; refuses '..' and links out of the drive folder. */
  private resolve(winPath: string): Promise<Resolved | null> {
    const norm = this.expand(winPath);
    const key = winKey(norm);
    let p = this.resolveCache.get(key);
    if (!p) {
      p = this.doResolve(norm);
      this.resolveCache.set(key, p);
    }
    return p;
  }

  /** Windows paths (winKey) that could not be resolved because something on the way could not be read. */
  private unreadableKeys = new Set<string>();

  private unreadableAt(norm: string): null {
    this.unreadableKeys.add(winKey(norm));
    return null;
  }

  /**
   * Whether a path that was looked up could not be told to exist or not: a folder on the way could not
   * be listed, a link was refused, or the entry is not a regular file (a missing path is not unreadable).
   */
  unreadable(winPath: string): boolean {
    return this.unreadableKeys.has(winKey(this.expand(winPath)));
  }

  private async doResolve(norm: string): Promise<Resolved | null> {
    const { drive, segments } = splitWinPath(norm);
    const driveRoot = this.drives.get(drive);
    if (!driveRoot) return null;
    let cur = driveRoot;
    let isDirectory = true;
    let isFile = false;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      if (seg === '..') {
        this.problem(norm, 'path has a ".." segment: refused, not followed');
        return this.unreadableAt(norm);
      }
      if (!isDirectory) return null;
      const entries = await this.listDir(cur);
      if (!entries) return this.unreadableAt(norm);
      const ent =
        entries.find((e) => e.name === seg) ??
        entries.find((e) => e.name.toLowerCase() === seg.toLowerCase()) ??
        // Windows drops trailing dots and spaces of a name; a copy may keep them ("Theme. ").
        entries.find((e) => winTrim(e.name).toLowerCase() === winTrim(seg).toLowerCase() && winTrim(seg) !== '');
      if (!ent) return null;
      const twin = entries.find((e) => e !== ent && e.name.toLowerCase() === ent.name.toLowerCase());
      if (twin)
        this.problem(
          this.rel(path.join(cur, twin.name)),
          `differs only in case from ${ent.name} beside it (Windows has one of them): ${ent.name} was read, this one was not`,
        );
      let next = path.join(cur, ent.name);
      if (ent.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(next);
        } catch (e) {
          this.problem(this.rel(next), `link cannot be followed: ${describeFsError(e)}`);
          return this.unreadableAt(norm);
        }
        if (!this.within(target, driveRoot)) {
          this.problem(this.rel(next), 'link leads out of the bundle: refused, not followed');
          return this.unreadableAt(norm);
        }
        // A link to its own folder or one above it is a loop: every walk through it would go round.
        if (this.within(cur, target)) {
          this.problem(this.rel(next), 'link leads to a folder that holds it (a loop): refused, not followed');
          return this.unreadableAt(norm);
        }
        next = target;
      }
      let st;
      try {
        st = await lstat(next);
      } catch (e) {
        const bad = ent.name.includes('\ufffd') && errCode(e) === 'ENOENT';
        this.problem(
          this.rel(next),
          bad ? 'name is not valid UTF-8 (shown with U+FFFD): cannot be opened, not read' : `cannot be read: ${describeFsError(e)}`,
        );
        return this.unreadableAt(norm);
      }
      cur = next;
      isDirectory = st.isDirectory();
      isFile = st.isFile();
      // A named pipe, socket or device is never opened: reading a FIFO blocks until someone writes to it.
      if (!isDirectory && !isFile) {
        this.problem(norm, `is not a regular file (${fileKind(st)}): not read`);
        return this.unreadableAt(norm);
      }
    }
    return { real: cur, isDirectory, isFile };
  }

  private record(key: string, value: string): void {
    this.readRecords.set(key, value);
  }

  async stat(winPath: string): Promise<HostStat | null> {
    const r = await this.resolve(winPath);
    if (!r) return null;
    try {
      const st = await stat(r.real);
      const out: HostStat = {
        path: this.expand(winPath),
        isFile: st.isFile(),
        isDirectory: st.isDirectory(),
        size: st.size,
        mtime: st.mtime.toISOString(),
      };
      // A folder's own time changes with every copy; the files in it carry the evidence.
      if (out.isFile) this.record(`stat:${winKey(out.path)}`, `${out.size}:${out.mtime}`);
      return out;
    } catch (e) {
      this.problem(this.rel(r.real), `cannot be read: ${describeFsError(e)}`);
      return null;
    }
  }

  async list(winPath: string): Promise<DirEntry[]> {
    const r = await this.resolve(winPath);
    if (!r || !r.isDirectory) return [];
    const entries = await this.listDir(r.real);
    if (!entries) return [];
    const base = this.expand(winPath);
    const out: DirEntry[] = [];
    for (const e of entries) {
      let isFile = e.isFile();
      let isDirectory = e.isDirectory();
      if (e.isSymbolicLink()) {
        const res = await this.resolve(`${base}\\${e.name}`);
        if (!res) continue;
        isFile = res.isFile;
        isDirectory = res.isDirectory;
      }
      out.push({ name: e.name, path: normalizeWinPath(`${base}\\${e.name}`), isFile, isDirectory });
    }
    out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.record(`list:${winKey(base)}`, out.map((e) => e.name).join('\u0000'));
    return out;
  }

  private denied(real: string): boolean {
    return this.opts.denyRead?.(this.rel(real)) ?? false;
  }

  async readFile(winPath: string, maxBytes = DEFAULT_MAX_READ): Promise<{ data: Buffer; truncated: boolean } | null> {
    const r = await this.resolve(winPath);
    if (!r) return null;
    if (!r.isFile) {
      if (r.isDirectory) this.problem(this.expand(winPath), 'is a folder where a file was expected');
      return null;
    }
    if (this.denied(r.real)) {
      this.problem(this.expand(winPath), 'cannot be read: permission denied');
      return null;
    }
    let fh;
    try {
      fh = await open(r.real, 'r');
      const size = (await fh.stat()).size;
      const data = await readCapped(fh, size, maxBytes);
      this.record(`file:${winKey(this.expand(winPath))}`, createHash('sha256').update(data).digest('hex'));
      return { data, truncated: size > maxBytes };
    } catch (e) {
      this.problem(this.expand(winPath), `cannot be read: ${describeFsError(e)}`);
      return null;
    } finally {
      await fh?.close();
    }
  }

  async sha256(winPath: string): Promise<string | null> {
    const r = await this.resolve(winPath);
    if (!r || !r.isFile) return null;
    if (this.denied(r.real)) {
      this.problem(this.expand(winPath), 'cannot be read: permission denied');
      return null;
    }
    try {
      const digest = await sha256File(r.real);
      this.record(`sha256:${winKey(this.expand(winPath))}`, digest);
      return digest;
    } catch (e) {
      this.problem(this.expand(winPath), `cannot be read: ${describeFsError(e)}`);
      return null;
    }
  }

  manifestEntry(winPath: string): ManifestEntry | null {
    return this.manifest.get(winKey(this.expand(winPath))) ?? null;
  }

  manifestEntries(): ManifestEntry[] {
    return [...this.manifest.values()];
  }

  async loadRegistry(interests: KeyInterest[]): Promise<RegistryReader> {
    // Test seam (denyRead): an export the scan may not read is a problem, as EACCES would be.
    const files = this.registryFiles.filter((f) => {
      if (!this.denied(f.path)) return true;
      this.problem(f.label, 'cannot be read: permission denied');
      return false;
    });
    this.regSources = files.length;
    const digests = Promise.all(
      files.map(async (f) => {
        try {
          return await sha256File(f.path);
        } catch {
          return 'unreadable';
        }
      }),
    );
    const { store } = await loadRegistryFiles(files, interests, (p) => this.problem(p.location, p.message));
    (await digests).forEach((d, i) => this.record(`registry:${i}:${path.basename(files[i].path).toLowerCase()}`, d));
    return store;
  }

  /** A file of the bundle beside fs/ (adfs/*.json): each segment found without regard to case, links out refused. */
  async readBundleFile(rel: string, maxBytes = DEFAULT_MAX_READ): Promise<{ data: Buffer; location: string; truncated: boolean } | null> {
    let cur: string | null = this.root;
    for (const seg of rel.split('/')) {
      if (!seg || seg === '.' || seg === '..') return null;
      cur = await findChildCI(cur, seg);
      if (!cur) return null;
    }
    const shown = this.rel(cur);
    try {
      const real = await realpath(cur);
      if (!this.within(real, this.root)) {
        this.problem(shown, 'is a link that leads out of the bundle: not followed');
        return null;
      }
      const st = await stat(real);
      if (!st.isFile()) {
        this.problem(shown, `is not a regular file (${fileKind(st)}): not read`);
        return null;
      }
      if (this.denied(real)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      const fh = await open(real, 'r');
      try {
        const size = (await fh.stat()).size;
        const data = await readCapped(fh, size, maxBytes);
        this.record(`bundle:${rel.toLowerCase()}`, createHash('sha256').update(data).digest('hex'));
        return { data, location: shown, truncated: size > maxBytes };
      } finally {
        await fh.close();
      }
    } catch (e) {
      this.problem(shown, `cannot be read: ${describeFsError(e)}`);
      return null;
    }
  }

  registrySources(): number {
    return this.regSources;
  }

  inputDigest(): string {
    const h = createHash('sha256');
    for (const k of [...this.readRecords.keys()].sort()) h.update(`${k}\u0000${this.readRecords.get(k)}\n`);
    return `sha256:${h.digest('hex')}`;
  }
}
