/**
 * The live Windows host the scanner runs on (docs/bundle-format.md, "Live mode"): files from the host's drives,
 * the registry through reg.exe, the environment from this process. Read-only: files are opened with
 * flag 'r' only, reg.exe only queries, nothing is written and no temp file is made.
 */
import { createHash } from 'node:crypto';
import { readCapped, sha256File } from './io.js';
import { open, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Problem } from '../types.js';
import { DEFAULT_ENV, expandEnv, normalizeWinPath, splitWinPath, winKey } from './paths.js';
import { RegistryStore } from '../registry/store.js';
import type { KeyInterest, RegistryReader } from '../registry/types.js';
import { isAtOrUnder, parseRegPath, regPathKey } from '../registry/path.js';
import { parseRegQueryOutput, queryKey, queryKeys, type QueryOptions } from './live/reg-query.js';
import type { BundleJson, DirEntry, ManifestEntry, Host, HostStat } from './types.js';

const DEFAULT_MAX_READ = 16 * 1024 * 1024;
/** Environment variables taken from the process (the rest come from defaults and the registry). */
const ENV_NAMES = [
  'SystemDrive',
  'SystemRoot',
  'windir',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'ProgramW6432',
  'CommonProgramFiles',
  'ProgramData',
];
const WINDOWS_NT_CV = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

export interface LiveOptions extends Pick<QueryOptions, 'regExe' | 'cmdExe' | 'timeoutMs'> {
  /**
   * Drive letter -> host folder. Default: the drive itself ("C:\\"), which is only right on Windows;
   * tests on other systems map drives to folders.
   */
  drives?: Record<string, string>;
  /** Environment to read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Host name (default os.hostname()). */
  hostname?: string;
}

export interface HostInfo {
  hostname: string;
  /** "Windows Server 2016 Datacenter" (registry ProductName). */
  caption: string | null;
  /** "10.0.14393" (CurrentMajorVersionNumber.CurrentMinorVersionNumber.CurrentBuild), or CurrentVersion.CurrentBuild. */
  version: string | null;
  architecture: string | null;
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? 'error';
}

function isMissingError(e: unknown): boolean {
  return ['ENOENT', 'ENOTDIR', 'EINVAL'].includes(errCode(e));
}

function describe(e: unknown): string {
  const c = errCode(e);
  if (c === 'EACCES' || c === 'EPERM') return 'permission denied';
  if (c === 'EBUSY') return 'in use by another process (locked)';
  if (c === 'EISDIR') return 'is a folder, not a file';
  return (e as Error)?.message?.split('\n')[0] ?? c;
}

export class LiveHost implements Host {
  readonly kind = 'live' as const;
  readonly location: string;
  readonly bundle: BundleJson | null = null;
  /** reg.exe reads the whole key: an absent key is absent, not "not exported". */
  readonly registryComplete = true;
  readonly problems: Problem[] = [];
  private readonly hostEnv: Record<string, string> = {};
  private registryEnv: Record<string, string> = {};
  private readonly records = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly unreadableKeys = new Set<string>();
  private sources = 0;
  private readonly wow64: boolean;

  constructor(private readonly opts: LiveOptions = {}) {
    const env = opts.env ?? process.env;
    this.location = `\\\\${opts.hostname ?? os.hostname()}`;
    // A 32-bit process on 64-bit Windows: ProgramFiles points at "Program Files (x86)", System32 at SysWOW64.
    this.wow64 = process.arch === 'ia32' && !!env.PROCESSOR_ARCHITEW6432;
    const lower = new Map(Object.entries(env).map(([k, v]) => [k.toLowerCase(), v]));
    for (const name of ENV_NAMES) {
      const v = lower.get(name.toLowerCase());
      if (v) this.hostEnv[name] = v;
    }
    if (this.wow64 && this.hostEnv.ProgramW6432) this.hostEnv.ProgramFiles = this.hostEnv.ProgramW6432;
  }

  private problem(location: string, message: string): void {
    const k = `${location}\0${message}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.problems.push({ location, message });
  }

  private record(key: string, value: string): void {
    this.records.set(key, value);
  }

  env(): Record<string, string> {
    return { ...DEFAULT_ENV, ...this.registryEnv, ...this.hostEnv };
  }

  /** The host's own environment wins; the registry only fills what the process does not have. */
  setRegistryEnv(env: Record<string, string>): void {
    this.registryEnv = env;
  }

  expand(winPath: string): string {
    return normalizeWinPath(expandEnv(winPath, this.env()), this.env().SystemDrive?.[0] ?? 'C');
  }

  /** The host path to open for a Windows path (Sysnative for System32 from a 32-bit process). */
  hostPath(winPath: string): string | null {
    const norm = this.expand(winPath);
    const { drive, segments } = splitWinPath(norm);
    if (segments.includes('..')) {
      this.problem(norm, 'path has a ".." segment: refused, not followed');
      return null;
    }
    let segs = segments;
    if (this.wow64) {
      const sys = splitWinPath(this.expand('%SystemRoot%\\System32'));
      const n = sys.segments.length;
      if (drive === sys.drive && segs.length >= n && segs.slice(0, n).join('\\').toLowerCase() === sys.segments.join('\\').toLowerCase()) {
        segs = [...sys.segments.slice(0, -1), 'Sysnative', ...segs.slice(n)];
      }
    }
    const base = this.opts.drives ? (this.opts.drives[drive] ?? this.opts.drives[drive.toLowerCase()]) : `${drive}:\\`;
    if (!base) return null;
    return this.opts.drives ? path.join(base, ...segs) : path.win32.join(base, ...segs);
  }

  async stat(winPath: string): Promise<HostStat | null> {
    const p = this.hostPath(winPath);
    if (!p) return null;
    try {
      const st = await stat(p);
      const out: HostStat = {
        path: this.expand(winPath),
        isFile: st.isFile(),
        isDirectory: st.isDirectory(),
        size: st.size,
        mtime: st.mtime.toISOString(),
      };
      this.record(`stat:${winKey(out.path)}`, `${out.size}:${out.mtime}`);
      return out;
    } catch (e) {
      if (!isMissingError(e)) {
        this.problem(this.expand(winPath), `cannot be read: ${describe(e)}`);
        this.unreadableKeys.add(winKey(this.expand(winPath)));
      }
      return null;
    }
  }

  /** A path whose stat failed for another reason than "not there" (access denied, locked). */
  unreadable(winPath: string): boolean {
    return this.unreadableKeys.has(winKey(this.expand(winPath)));
  }

  async list(winPath: string): Promise<DirEntry[]> {
    const p = this.hostPath(winPath);
    if (!p) return [];
    const base = this.expand(winPath);
    let entries;
    try {
      entries = await readdir(p, { withFileTypes: true });
    } catch (e) {
      if (!isMissingError(e)) this.problem(base, `folder cannot be read: ${describe(e)}`);
      return [];
    }
    const out: DirEntry[] = [];
    for (const e of entries) {
      let isFile = e.isFile();
      let isDirectory = e.isDirectory();
      if (e.isSymbolicLink()) {
        // Junctions and links: what they lead to (a broken one is left out).
        const st = await stat(path.join(p, e.name)).catch(() => null);
        if (!st) continue;
        isFile = st.isFile();
        isDirectory = st.isDirectory();
      }
      out.push({ name: e.name, path: normalizeWinPath(`${base}\\${e.name}`), isFile, isDirectory });
    }
    out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.record(`list:${winKey(base)}`, out.map((e) => e.name).join('\0'));
    return out;
  }

  async readFile(winPath: string, maxBytes = DEFAULT_MAX_READ): Promise<{ data: Buffer; truncated: boolean } | null> {
    const p = this.hostPath(winPath);
    if (!p) return null;
    const where = this.expand(winPath);
    let fh;
    try {
      fh = await open(p, 'r');
      const st = await fh.stat();
      if (st.isDirectory()) {
        this.problem(where, 'is a folder where a file was expected');
        return null;
      }
      const data = await readCapped(fh, st.size, maxBytes);
      this.record(`file:${winKey(where)}`, createHash('sha256').update(data).digest('hex'));
      return { data, truncated: st.size > maxBytes };
    } catch (e) {
      if (!isMissingError(e)) this.problem(where, `cannot be read: ${describe(e)}`);
      return null;
    } finally {
      await fh?.close();
    }
  }

  async sha256(winPath: string): Promise<string | null> {
    const p = this.hostPath(winPath);
    if (!p) return null;
    const where = this.expand(winPath);
    try {
      const digest = await sha256File(p);
      this.record(`sha256:${winKey(where)}`, digest);
      return digest;
    } catch (e) {
      if (!isMissingError(e)) this.problem(where, `cannot be read: ${describe(e)}`);
      return null;
    }
  }

  manifestEntry(): ManifestEntry | null {
    return null;
  }

  manifestEntries(): ManifestEntry[] {
    return [];
  }

  /** One `reg query <key> /s /reg:64` per interest (an interest inside a recursive one is covered by it). */
  async loadRegistry(interests: KeyInterest[]): Promise<RegistryReader> {
    const store = new RegistryStore(interests);
    const valid = interests.filter((i) => {
      if (parseRegPath(i.path)) return true;
      this.problem(`registry interest ${i.path}`, 'unknown registry root: not read');
      return false;
    });
    // Skip an interest that a recursive one (an earlier one, for the same key) already reads.
    const keys = valid.filter(
      (i, idx) =>
        !valid.some(
          (o, j) =>
            j !== idx && o.recursive !== false && isAtOrUnder(i.path, o.path) && (regPathKey(i.path) !== regPathKey(o.path) || j < idx),
        ),
    );
    // One cmd.exe for all the queries (queryKeys): process starts are what a live scan pays for.
    const results = await queryKeys(
      keys.map((k) => ({ path: k.path, recursive: k.recursive !== false })),
      this.queryOpts(),
    );
    // Parse in interest order so that the store (and the digest) do not depend on timing.
    keys.forEach((k, i) => {
      const r = results[i];
      const label = `reg query ${k.path}`;
      this.sources++;
      if (r.ok) {
        store.createKey(k.path);
        if (r.warning) this.problem(label, r.warning);
        parseRegQueryOutput(r.text, store, { label, onProblem: (p) => this.problem(p.location, p.message) });
        this.record(`registry:${i}:${k.path.toLowerCase()}`, createHash('sha256').update(r.text).digest('hex'));
      } else if (r.missing) {
        this.record(`registry:${i}:${k.path.toLowerCase()}`, 'absent');
      } else {
        this.problem(label, r.error);
        this.record(`registry:${i}:${k.path.toLowerCase()}`, 'error');
      }
    });
    return store;
  }

  registrySources(): number {
    return this.sources;
  }

  /** Host name, OS caption and version: os.hostname() and HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion. */
  async hostInfo(): Promise<HostInfo> {
    const env = this.opts.env ?? process.env;
    const info: HostInfo = {
      hostname: this.location.slice(2),
      caption: null,
      version: null,
      architecture: env.PROCESSOR_ARCHITEW6432 ?? env.PROCESSOR_ARCHITECTURE ?? null,
    };
    const r = await queryKey(WINDOWS_NT_CV, { ...this.queryOpts(), recursive: false });
    if (!r.ok) return info;
    const store = new RegistryStore([{ path: WINDOWS_NT_CV, recursive: false }]);
    parseRegQueryOutput(r.text, store, { onProblem: () => {} });
    const v = (n: string) => store.getValue(WINDOWS_NT_CV, n)?.data;
    info.caption = typeof v('ProductName') === 'string' ? (v('ProductName') as string) : null;
    const major = v('CurrentMajorVersionNumber');
    const minor = v('CurrentMinorVersionNumber');
    const build = v('CurrentBuildNumber') ?? v('CurrentBuild');
    if (typeof major === 'number' && typeof minor === 'number' && build !== undefined) info.version = `${major}.${minor}.${String(build)}`;
    else if (typeof v('CurrentVersion') === 'string' && build !== undefined)
      info.version = `${String(v('CurrentVersion'))}.${String(build)}`;
    return info;
  }

  /** Subkey listings asked for while telling missing keys from unreadable ones, once per scan. */
  private readonly listings = new Map<string, Promise<string[] | null | 'error'>>();

  private queryOpts(): QueryOptions {
    const o: QueryOptions = { listings: this.listings };
    if (this.opts.regExe !== undefined) o.regExe = this.opts.regExe;
    if (this.opts.cmdExe !== undefined) o.cmdExe = this.opts.cmdExe;
    if (this.opts.timeoutMs !== undefined) o.timeoutMs = this.opts.timeoutMs;
    return o;
  }

  inputDigest(): string {
    const h = createHash('sha256');
    for (const k of [...this.records.keys()].sort()) h.update(`${k}\0${this.records.get(k)}\n`);
    return `sha256:${h.digest('hex')}`;
  }
}
