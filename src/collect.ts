/**
 * `collect`: runs every probe on a host (normally the live Windows host) through a RecordingHost, then
 * writes what they looked at as a bundle (docs/bundle-format.md), so that `scan BUNDLE` elsewhere reaches the same
 * findings as a live scan:
 *
 * - every file read, stat'ed or hashed, and every file a listed folder holds, is copied to fs/<drive>/<path>
 *   with its last-write time; config files are redacted unless `redact: false`;
 * - the data file (PhoneFactor.pfdata) and its backups are described in manifest.json (size, mtime, sha256)
 *   instead of copied, unless `includeData`; other files the scan only saw in a listing or stat'ed and that
 *   are over 64 MiB are described there too (a listing of their folder will then miss them);
 * - files named like a data-file copy that are not backups of it are left out altogether (phone numbers);
 * - every folder known to exist is created (so listings see the same entries), with its time where known;
 * - the registry keys the probes loaded go to registry/collected.reg (UTF-16LE, as reg export writes it);
 * - bundle.json: host name, collection time, OS, environment, roles, backup folders.
 *
 * The only thing written is the bundle (a folder, or one zip written straight from memory: no temp files).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, realpath, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Facts } from './types.js';
import type { BundleJson, ManifestEntry, Host } from './host/types.js';
import { RecordingHost, type Access } from './host/recording.js';
import { normalizeWinPath, splitWinPath, winBasename, winDirname, winIsInside, winKey } from './host/paths.js';
import { writeRegV5 } from './registry/reg-writer.js';
import type { RegKeyData } from './registry/types.js';
import { runProbes } from './probes/index.js';
import { isCopyName } from './probes/backups.js';
import { isSecretName, REDACTED, redactPowerShellBytes, redactText, redactXmlBytes } from './xml/redact.js';
import { landsInside } from './report/write.js';
import type { RegValue } from './registry/types.js';
import { ADFS_CMDLETS, runAdfsCmdlet, type PowerShellOptions } from './host/live/adfs-cmdlets.js';

/** Files only listed or stat'ed above this size are described in manifest.json, not copied. */
export const MAX_COPY_BYTES = 64 * 1024 * 1024;
const DATA_FILE_NAME = 'PhoneFactor.pfdata';

export interface CollectOptions {
  /** Bundle folder to create, or the zip file (with `zip`: OUT.zip unless OUT already ends in .zip). */
  out: string;
  zip?: boolean;
  /** Copy the data file and its backups (default: described in manifest.json only). */
  includeData?: boolean;
  /** Redact secrets in copied config files (default true). */
  redact?: boolean;
  /** Roles for bundle.json (they cannot be read from the host). */
  roles?: NonNullable<BundleJson['roles']>;
  /** Backup folders (Windows paths) the probes search, and bundle.json backupDirs. */
  backupDirs?: string[];
  /** The folder the new AD FS adapter files were copied to (Windows path): read by the probes, bundle.json adapterFiles. */
  adapterFiles?: string;
  /** The dedicated secondary that runs the MFA Server Migration Utility (scan --goal migrate), for bundle.json migrationServer. */
  migrationServer?: string;
  /** Other names that reach this host (a load-balancer or DNS alias), for bundle.json `aliases` (fleet, MFA-FLEET-006). */
  aliases?: string[];
  /** OS facts from the host (LiveHost.hostInfo()); fills what the registry does not say. */
  hostInfo?: { hostname?: string | null; caption?: string | null; version?: string | null; architecture?: string | null };
  /** Collection time (default now). */
  now?: Date;
  /**
   * The Windows path of `out` on the host, for the check that the bundle is not written inside a folder
   * the scan reads (default: path.resolve(out) on win32, none elsewhere).
   */
  outWinPath?: string | null;
  /**
   * Run the two read-only AD FS cmdlets (Get-AdfsAuthenticationProvider, Get-AdfsGlobalAuthenticationPolicy, as
   * JSON) through this powershell.exe where the AD FS service is registered, and write their output to adfs/*.json.
   * Without it, adfs/*.json the target already holds (a bundle standing in for the host) are passed on.
   */
  adfsCmdlets?: PowerShellOptions | null;
}

export interface CollectResult {
  /** The bundle folder or zip written. */
  out: string;
  /** Files copied into fs/. */
  copied: number;
  copiedBytes: number;
  /** Copied config files whose secrets were redacted (changed). */
  redacted: number;
  /** Windows paths described in manifest.json instead of copied. */
  described: string[];
  /** Windows paths left out (named like a copy of the data file, not one of its backups). */
  omitted: string[];
  /** Registry keys written to registry/collected.reg. */
  registryKeys: number;
  /** AD FS cmdlet outputs written to adfs/ (bundle paths). */
  adfsFiles: string[];
  /** Things that could not be collected (also in the scan's problems). */
  warnings: string[];
  facts: Facts;
}

/** A collect that cannot run (bad --out): exit 2. */
export class CollectError extends Error {}

type Kind = 'copy' | 'data' | 'describe' | 'omit';

interface FilePlan {
  path: string;
  kind: Kind;
  read: boolean;
  sha256?: string;
}

/** A sink the bundle is written to: a folder, or a zip written as a stream. */
interface Sink {
  dir(rel: string, mtime?: Date): Promise<void>;
  file(rel: string, data: Buffer | (() => Readable), mtime: Date): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

class FolderSink implements Sink {
  private dirTimes: [string, Date][] = [];
  private rootReal: string | null = null;
  constructor(
    private readonly root: string,
    private readonly forbidden: readonly string[] = [],
  ) {}
  /** Where a file is about to land, judged on real paths now: under the bundle folder, never inside a target. */
  private async checkLanding(p: string): Promise<void> {
    if (this.rootReal === null) {
      this.rootReal = await realpath(this.root);
      for (const d of this.forbidden)
        if (await landsInside(this.rootReal, d))
          throw new CollectError(`${this.root}: now inside the target ${d} (a folder was swapped for a link): stopped`);
    }
    const dir = await realpath(path.dirname(p));
    const rel = path.relative(this.rootReal, dir);
    if (path.isAbsolute(rel) || rel.split(/[\\/]/)[0] === '..')
      throw new CollectError(`${p}: would land outside the bundle folder (${dir}): stopped`);
  }
  async dir(rel: string, mtime?: Date): Promise<void> {
    const p = path.join(this.root, ...rel.split('/'));
    await mkdir(p, { recursive: true });
    if (mtime) this.dirTimes.push([p, mtime]);
  }
  async file(rel: string, data: Buffer | (() => Readable), mtime: Date): Promise<void> {
    const p = path.join(this.root, ...rel.split('/'));
    await mkdir(path.dirname(p), { recursive: true });
    await this.checkLanding(p);
    if (Buffer.isBuffer(data)) await writeFile(p, data, { flag: 'wx' });
    else {
      await new Promise<void>((resolve, reject) => {
        const w = createWriteStream(p, { flags: 'wx' });
        data().on('error', reject).pipe(w).on('error', reject).on('close', resolve);
      });
    }
    await utimes(p, mtime, mtime);
  }
  async finish(): Promise<void> {
    // Deepest first: setting a folder's time after its children are written keeps it.
    this.dirTimes.sort((a, b) => b[0].length - a[0].length);
    for (const [p, t] of this.dirTimes) await utimes(p, t, t).catch(() => undefined);
  }
  async abort(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

class ZipSink implements Sink {
  private readonly zip = new yazl.ZipFile();
  private readonly done: Promise<void>;
  constructor(private readonly zipPath: string) {
    const w = createWriteStream(zipPath, { flags: 'wx' });
    this.done = new Promise((resolve, reject) => {
      this.zip.outputStream.pipe(w).on('close', resolve).on('error', reject);
    });
  }
  async dir(rel: string, mtime?: Date): Promise<void> {
    this.zip.addEmptyDirectory(rel, { mtime: mtime ?? new Date() });
  }
  async file(rel: string, data: Buffer | (() => Readable), mtime: Date): Promise<void> {
    if (Buffer.isBuffer(data)) this.zip.addBuffer(data, rel, { mtime, mode: 0o100644 });
    else this.zip.addReadStreamLazy(rel, { mtime, mode: 0o100644 }, (cb) => cb(null, data()));
  }
  async finish(): Promise<void> {
    this.zip.end();
    await this.done;
  }
  async abort(): Promise<void> {
    this.zip.end();
    await this.done.catch(() => undefined);
    await rm(this.zipPath, { force: true });
  }
}

/** "C:\\Program Files\\X" -> "fs/C/Program Files/X", with each folder's name as the host spells it. */
function bundleRel(winPath: string, names: Map<string, string>): string {
  const { drive, segments } = splitWinPath(winPath);
  const out = ['fs', drive];
  let cur = `${drive}:`;
  for (const s of segments) {
    cur = `${cur}\\${s}`.toLowerCase();
    out.push(names.get(cur) ?? s);
  }
  return out.join('/');
}

/** Whether a file's bytes look like an XML config (any encoding the redactor reads). */
function looksLikeXml(name: string, data: Buffer): boolean {
  if (/\.(config|xml)\b/i.test(name)) return true;
  const head = data.subarray(0, 512);
  const text = head[0] === 0xff && head[1] === 0xfe ? head.subarray(2).toString('utf16le') : head.toString('latin1').replace(/\0/g, '');
  return /^(\uFEFF|ï»¿)?\s*<(\?xml|configuration\b)/i.test(text);
}

function isDataName(name: string): boolean {
  return /\.pfdata/i.test(name) || isCopyName(DATA_FILE_NAME, name);
}

/** What LiveHost offers for streaming large files (optional: other targets are read into memory). */
interface HostPathSource {
  hostPath(winPath: string): string | null;
}

function hasHostPath(t: Host): t is Host & HostPathSource {
  return typeof (t as Partial<HostPathSource>).hostPath === 'function';
}

async function outExists(p: string): Promise<'none' | 'empty-dir' | 'other'> {
  try {
    const st = await stat(p);
    if (st.isDirectory() && (await readdir(p)).length === 0) return 'empty-dir';
    return 'other';
  } catch {
    return 'none';
  }
}

/** Folders the bundle must not be written into: what the scan reads (and the MFA/IIS folders anyway). */
function forbiddenFolders(rec: RecordingHost, facts: Facts): string[] {
  const out = new Set<string>();
  for (const a of rec.accesses.values()) {
    if (a.entries && a.entries.length) out.add(a.path);
    if (a.read || a.sha256 || a.stat?.isFile) out.add(winDirname(a.path));
  }
  for (const c of facts.components) if (c.installPath) out.add(rec.expand(c.installPath));
  for (const d of facts.host.backupDirs) out.add(rec.expand(d));
  out.add(rec.expand('%SystemDrive%\\inetpub'));
  out.add(rec.expand('%SystemRoot%\\System32\\inetsrv\\config'));
  return [...out];
}

/** Runs the probes on `target` and writes the bundle. Throws CollectError for a bad --out (nothing written). */
export async function collect(target: Host, opts: CollectOptions): Promise<CollectResult> {
  const zipOut = opts.zip ? (opts.out.toLowerCase().endsWith('.zip') ? opts.out : `${opts.out}.zip`) : null;
  const out = path.resolve(zipOut ?? opts.out);
  const exists = await outExists(out);
  if (exists === 'other' || (zipOut && exists !== 'none'))
    throw new CollectError(
      `--out ${zipOut ?? opts.out}: already exists (give a new ${zipOut ? 'file' : 'folder'}; collect never overwrites)`,
    );
  // A bundle standing in for the host: nothing is written inside it, however --out is spelt (`..name`,
  // links, another case); checked again where each file lands, at write time (FolderSink).
  const forbidden = target.kind === 'bundle' ? [path.resolve(target.location)] : [];
  for (const d of forbidden) {
    if (await landsInside(out, d))
      throw new CollectError(`--out ${opts.out}: inside the target ${target.location} (nothing is written inside a target)`);
  }

  const rec = new RecordingHost(target);
  const facts = await runProbes(rec, {
    stage: 'pre',
    backupDirs: opts.backupDirs,
    adapterFiles: opts.adapterFiles,
    role: opts.roles?.replication,
  });

  const outWin =
    opts.outWinPath !== undefined ? opts.outWinPath : process.platform === 'win32' && /^[A-Za-z]:/.test(out) ? normalizeWinPath(out) : null;
  if (outWin) {
    const hit = forbiddenFolders(rec, facts).find((f) => winIsInside(outWin, f));
    if (hit)
      throw new CollectError(
        `--out ${opts.out}: inside ${hit}, a folder the scan reads (write the bundle elsewhere, e.g. C:\\Temp or a share)`,
      );
  }

  // Host spelling of every path segment: listings are the host's truth, then what probes asked for.
  const names = new Map<string, string>();
  const accesses = [...rec.accesses.values()];
  for (const a of accesses) if (a.listedAs) names.set(winKey(a.path), a.listedAs.name);
  for (const a of accesses) {
    const { drive, segments } = splitWinPath(a.path);
    let cur = `${drive}:`;
    for (const s of segments) {
      cur = `${cur}\\${s}`.toLowerCase();
      if (!names.has(cur)) names.set(cur, s);
    }
  }

  // Files and folders known to exist.
  const data = facts.dataFile;
  const dataKeys = new Set<string>();
  if (data?.original.exists && data.original.source === 'file') dataKeys.add(winKey(data.original.path));
  for (const c of data?.candidates ?? []) if (c.source === 'file') dataKeys.add(winKey(c.path));
  const files: FilePlan[] = [];
  const dirs = new Map<string, Access>();
  const isFileAccess = (a: Access) => !!(a.stat?.isFile || a.read || a.sha256 || (a.stat === undefined && a.listedAs?.isFile));
  const isDirAccess = (a: Access) =>
    !!(a.stat?.isDirectory || (a.entries && a.entries.length > 0) || (a.stat === undefined && a.listedAs?.isDirectory));
  for (const a of accesses) {
    if (isDirAccess(a)) dirs.set(winKey(a.path), a);
    if (!isFileAccess(a)) continue;
    const name = winBasename(a.path);
    const sameSizeAsData = !!a.sha256 && data?.original.size != null && a.stat?.size === data.original.size;
    let kind: Kind;
    if (dataKeys.has(winKey(a.path)) || sameSizeAsData) kind = opts.includeData ? 'copy' : 'data';
    else if (isDataName(name)) kind = opts.includeData ? 'copy' : 'omit';
    else kind = 'copy';
    files.push({ path: a.path, kind, read: !!a.read, sha256: a.sha256 });
  }
  files.sort((x, y) => (winKey(x.path) < winKey(y.path) ? -1 : 1));

  const sink: Sink = zipOut ? new ZipSink(out) : new FolderSink(out, forbidden);
  const res: CollectResult = {
    out,
    copied: 0,
    copiedBytes: 0,
    redacted: 0,
    described: [],
    omitted: [],
    registryKeys: 0,
    adfsFiles: [],
    warnings: [],
    facts,
  };
  const manifest = new Map<string, ManifestEntry>();
  const redact = opts.redact !== false;
  try {
    if (exists === 'none' && !zipOut) await mkdir(out, { recursive: true });
    // Folders: every ancestor of what is collected, and every folder known to exist.
    const folderSet = new Map<string, string>();
    const addFolder = (winPath: string) => {
      for (let p = winPath; ; p = winDirname(p)) {
        const k = winKey(p);
        if (folderSet.has(k)) break;
        folderSet.set(k, p);
        if (winDirname(p) === p) break;
      }
    };
    for (const d of dirs.values()) addFolder(d.path);
    for (const f of files) if (f.kind === 'copy') addFolder(winDirname(f.path));
    const folderList = [...folderSet.values()].sort((x, y) => (winKey(x) < winKey(y) ? -1 : 1));
    for (const d of folderList) {
      const st = dirs.get(winKey(d))?.stat;
      await sink.dir(`${bundleRel(d, names)}/`, st?.isDirectory ? new Date(st.mtime) : undefined);
    }

    for (const f of files) {
      if (f.kind === 'omit') {
        res.omitted.push(f.path);
        continue;
      }
      const st = await target.stat(f.path);
      if (!st || !st.isFile) {
        res.warnings.push(`${f.path}: gone or unreadable while collecting: left out`);
        continue;
      }
      const mtime = new Date(st.mtime);
      const describe = f.kind === 'data' || (f.kind === 'copy' && !f.read && st.size > MAX_COPY_BYTES);
      if (describe) {
        // The data file and its backups always carry a digest (backup rules compare content).
        const sha = f.sha256 ?? (f.kind === 'data' ? await target.sha256(f.path) : null);
        if (f.kind === 'data' && !sha) res.warnings.push(`${f.path}: could not be hashed: described without sha256`);
        manifest.set(winKey(f.path), { path: f.path, size: st.size, mtime: st.mtime, ...(sha ? { sha256: sha } : {}) });
        res.described.push(f.path);
        continue;
      }
      const rel = bundleRel(f.path, names);
      let body: Buffer | (() => Readable);
      if (st.size > MAX_COPY_BYTES && hasHostPath(target) && target.hostPath(f.path)) {
        const real = target.hostPath(f.path)!;
        body = () => createReadStream(real, { flags: 'r' });
      } else {
        const r = await target.readFile(f.path, Math.max(st.size, 1));
        if (!r) {
          res.warnings.push(`${f.path}: could not be read while collecting: left out`);
          continue;
        }
        body = r.data;
        if (redact && looksLikeXml(winBasename(f.path), r.data)) {
          const red = redactXmlBytes(r.data);
          if (!red.equals(r.data)) res.redacted++;
          body = red;
        } else if (redact && /\.ps[dm]?1$/i.test(winBasename(f.path))) {
          // PowerShell scripts (the AD FS Register script, the Migration Utility's) can hold -Password 'x' too.
          const red = redactPowerShellBytes(r.data);
          if (!red.equals(r.data)) res.redacted++;
          body = red;
        }
      }
      await sink.file(rel, body, mtime);
      res.copied++;
      res.copiedBytes += Buffer.isBuffer(body) ? body.length : st.size;
    }

    // Manifest entries the target already had (a bundle standing in for the host) pass through.
    for (const m of rec.manifestSeen.values()) {
      const k = winKey(m.path);
      if (!manifest.has(k) && !files.some((f) => f.kind === 'copy' && winKey(f.path) === k)) manifest.set(k, m);
    }

    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: keys() is not on RegistryReader
    const reg = rec.registry as (typeof rec.registry & { keys?: () => Iterable<RegKeyData> }) | null;
    if (reg && typeof reg.keys === 'function') {
      const keys = [...reg.keys()].map((k) => (redact ? { ...k, values: k.values.map(redactRegValue) } : k));
      if (keys.length) {
        await sink.file('registry/collected.reg', writeRegV5(keys), opts.now ?? new Date());
        res.registryKeys = keys.length;
      }
    }

    // AD FS: the cmdlets' output, run here where the AD FS service is registered, else what the target held.
    const adfsOut = new Map<string, Buffer>();
    for (const f of rec.bundleFiles.values())
      if (ADFS_CMDLETS.some((c) => c.file === f.rel.toLowerCase())) adfsOut.set(f.rel.toLowerCase(), f.data);
    if (opts.adfsCmdlets && facts.services?.adfs) {
      for (const c of ADFS_CMDLETS) {
        const r = await runAdfsCmdlet(c, opts.adfsCmdlets);
        if (r.ok) adfsOut.set(c.file, r.stdout);
        else res.warnings.push(`${r.error}: ${c.file} not recorded`);
      }
    }
    for (const [rel, data] of [...adfsOut].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await sink.file(rel, data, opts.now ?? new Date());
      res.adfsFiles.push(rel);
    }

    const now = opts.now ?? new Date();
    const inner = target.bundle;
    const os = {
      caption: facts.host.os.caption ?? opts.hostInfo?.caption ?? undefined,
      version: facts.host.os.version ?? opts.hostInfo?.version ?? undefined,
      architecture: facts.host.os.architecture ?? opts.hostInfo?.architecture ?? undefined,
    };
    const roles = { ...(inner?.roles ?? {}), ...stripUndefined(opts.roles ?? {}) };
    const backupDirs = [...new Set([...(inner?.backupDirs ?? []), ...(opts.backupDirs ?? [])])];
    const aliases = [...new Set([...(inner?.aliases ?? []), ...(opts.aliases ?? [])].map((a) => a.trim().toLowerCase()).filter(Boolean))];
    const bundleJson: BundleJson = stripUndefined({
      // The name the scan used (ComputerName), so that "this host" checks agree with a live scan.
      hostname: facts.host.name ?? opts.hostInfo?.hostname ?? undefined,
      collectedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      os: stripUndefined(os),
      env: target.env(),
      roles: Object.keys(roles).length ? roles : undefined,
      backupDirs: backupDirs.length ? backupDirs : undefined,
      adapterFiles: opts.adapterFiles ?? inner?.adapterFiles,
      otherHosts: inner?.otherHosts,
      migrationServer: opts.migrationServer ?? inner?.migrationServer,
      aliases: aliases.length ? aliases : undefined,
    });
    await sink.file('bundle.json', Buffer.from(JSON.stringify(bundleJson, null, 2) + '\n'), now);
    if (manifest.size) {
      const entries = [...manifest.values()].sort((x, y) => (winKey(x.path) < winKey(y.path) ? -1 : 1));
      await sink.file('manifest.json', Buffer.from(JSON.stringify({ files: entries }, null, 2) + '\n'), now);
    }
    await sink.finish();
  } catch (e) {
    await sink.abort().catch(() => undefined);
    throw e;
  }
  return res;
}

/**
 * A registry value as collect writes it: a value named like a secret (…Password, ApiKey, SmtpPass) is
 * replaced whole, like a config value; in the strings of any other value (REG_SZ, REG_EXPAND_SZ,
 * REG_MULTI_SZ) connection-string passwords, URL passwords and private keys are hidden
 * (`Server=db;Password=[redacted]`, `http://u:[redacted]@proxy/`).
 */
export function redactRegValue(v: RegValue): RegValue {
  if (isSecretName(v.name)) return { ...v, type: 'REG_SZ', typeNumber: 1, data: REDACTED };
  if (typeof v.data === 'string' && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ' || v.type === 'REG_LINK')) {
    const data = redactText(v.data);
    return data === v.data ? v : { ...v, data };
  }
  if (Array.isArray(v.data)) {
    const data = v.data.map(redactText);
    return data.every((d, i) => d === (v.data as string[])[i]) ? v : { ...v, data };
  }
  return v;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
