/**
 * A Host held in memory: Windows paths (case-insensitive, any drive) to bytes and times, registry keys to
 * values, bundle.json-like host info, manifest entries, and paths that cannot be read. Probes cannot tell it
 * from a bundle or the live host, so each probe can be tested on a small named scenario without files
 * (CI runs as root, where file modes cannot make a folder unreadable; here `unreadable(path)` does).
 *
 *   const host = memoryHost()
 *     .file('C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata', 'data', { mtime: '2026-11-01T00:00:00Z' })
 *     .reg('HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', { InstallPath: 'C:\\Program Files\\PhoneFactor' })
 *     .bundle({ hostname: 'MFA01' });
 *
 * Answers as BundleHost does: missing paths give null or [], a path through an unreadable folder gives null,
 * a `problems` entry and `unreadable(path) === true`, and an unreadable file stats but cannot be read.
 */
import { createHash } from 'node:crypto';
import { RegistryStore } from '../registry/store.js';
import type { KeyInterest, RegistryReader, RegValue, RegValueType } from '../registry/types.js';
import { typeNumberOf } from '../registry/values.js';
import type { Problem } from '../types.js';
import { DEFAULT_ENV, expandEnv, normalizeWinPath, splitWinPath, winKey } from './paths.js';
import type { BundleJson, DirEntry, Host, HostStat, ManifestEntry } from './types.js';

/** The last-write time of anything added without one. */
export const MEMORY_DEFAULT_MTIME = '2026-01-01T00:00:00.000Z';
const DEFAULT_MAX_READ = 16 * 1024 * 1024;

interface Entry {
  /** Normalised Windows path, case as first added. */
  path: string;
  name: string;
  isDirectory: boolean;
  data: Buffer | null;
  mtime: string;
}

export interface MemoryFileOptions {
  /** Last-write time (ISO text or Date); default MEMORY_DEFAULT_MTIME. */
  mtime?: string | Date;
  /** How a string content is encoded: 'utf8' (default) or 'utf16le' (with a BOM, as Windows tools write). */
  encoding?: 'utf8' | 'utf16le';
}

/** A registry value: a string is REG_SZ, a number REG_DWORD, a string[] REG_MULTI_SZ; or a typed value. */
export type MemoryRegValue = string | number | string[] | { type: RegValueType; data: RegValue['data'] };

export interface MemoryHostOptions {
  kind?: Host['kind'];
  location?: string;
  /** Whether an absent registry key means absent (as on a live host); default false (a bundle's exports). */
  registryComplete?: boolean;
  /** Drive letters that exist even with nothing on them; default ['C']. */
  drives?: string[];
}

/** A name as Windows compares it: trailing dots and spaces dropped. */
function winTrim(name: string): string {
  return name.replace(/[. ]+$/, '');
}

function isoTime(t: string | Date | undefined): string {
  if (t === undefined) return MEMORY_DEFAULT_MTIME;
  return (typeof t === 'string' ? new Date(t) : t).toISOString();
}

/** The RegValue a builder value stands for. */
export function toRegValue(name: string, v: MemoryRegValue): RegValue {
  if (typeof v === 'string') return { name, type: 'REG_SZ', typeNumber: 1, data: v };
  if (typeof v === 'number') return { name, type: 'REG_DWORD', typeNumber: 4, data: v };
  if (Array.isArray(v)) return { name, type: 'REG_MULTI_SZ', typeNumber: 7, data: v };
  return { name, type: v.type, typeNumber: typeNumberOf(v.type) ?? 0, data: v.data };
}

export class MemoryHost implements Host {
  readonly kind: Host['kind'];
  readonly location: string;
  readonly problems: Problem[] = [];
  bundle: BundleJson | null = null;
  private complete: boolean;
  private readonly entries = new Map<string, Entry>();
  private readonly drives = new Set<string>();
  private readonly denied = new Set<string>();
  private readonly manifest = new Map<string, ManifestEntry>();
  /** Registry keys in the order added: key path -> values (null: the key with no values). */
  private readonly registry: { path: string; value: RegValue | null }[] = [];
  private registryEnv: Record<string, string> = {};
  private readonly unreadableKeys = new Set<string>();
  private readonly records = new Map<string, string>();
  private readonly seenProblems = new Set<string>();
  private readonly bundleFiles = new Map<string, { rel: string; data: Buffer }>();
  /** Every interest list loadRegistry was called with (tests check what the probes asked for). */
  readonly interestsAsked: KeyInterest[][] = [];

  constructor(opts: MemoryHostOptions = {}) {
    this.kind = opts.kind ?? 'bundle';
    this.location = opts.location ?? 'memory';
    this.complete = opts.registryComplete ?? this.kind === 'live';
    for (const d of opts.drives ?? ['C']) this.drives.add(d.toUpperCase().slice(0, 1));
  }

  get registryComplete(): boolean {
    return this.complete;
  }

  // ---- building ---------------------------------------------------------------------------------

  /** A file (its folders are made as needed). Adding the same path again replaces it. */
  file(winPath: string, content: string | Buffer, opts: MemoryFileOptions = {}): this {
    const data =
      typeof content === 'string'
        ? opts.encoding === 'utf16le'
          ? Buffer.from('\ufeff' + content, 'utf16le')
          : Buffer.from(content, 'utf8')
        : content;
    this.put(winPath, false, data, isoTime(opts.mtime));
    return this;
  }

  /** A folder (and its parents); its time is what stat gives for it. */
  dir(winPath: string, opts: { mtime?: string | Date } = {}): this {
    this.put(winPath, true, null, isoTime(opts.mtime));
    return this;
  }

  /** A drive that exists with nothing on it (C: exists by default). */
  drive(letter: string): this {
    this.drives.add(letter.toUpperCase().slice(0, 1));
    return this;
  }

  /**
   * A folder that cannot be listed, or a file that cannot be read (permission denied). The path itself
   * stats; anything below a folder so marked cannot be told to exist or not.
   */
  cannotRead(winPath: string): this {
    this.denied.add(winKey(winPath));
    if (!this.entries.has(winKey(winPath))) this.dir(winPath);
    return this;
  }

  /** A registry key with values (names as keys; '' is the default value). Keys may repeat: later values win. */
  reg(keyPath: string, values: Record<string, MemoryRegValue> = {}): this {
    const names = Object.keys(values);
    if (names.length === 0) this.registry.push({ path: keyPath, value: null });
    for (const n of names) this.registry.push({ path: keyPath, value: toRegValue(n, values[n]) });
    return this;
  }

  /** bundle.json as a bundle would carry it (hostname, os, env, roles, backupDirs, otherHosts). */
  bundleJson(b: BundleJson): this {
    this.bundle = b;
    return this;
  }

  /** A file the bundle holds beside fs/ (`adfs/global-policy.json`); a string is UTF-8, or UTF-16LE with a BOM. */
  bundleFile(rel: string, content: string | Buffer, opts: Pick<MemoryFileOptions, 'encoding'> = {}): this {
    const data =
      typeof content === 'string'
        ? opts.encoding === 'utf16le'
          ? Buffer.from('\ufeff' + content, 'utf16le')
          : Buffer.from(content, 'utf8')
        : content;
    this.bundleFiles.set(rel.toLowerCase(), { rel, data });
    return this;
  }

  /** A manifest.json entry: a file described but not copied. */
  manifestFile(entry: ManifestEntry): this {
    const p = normalizeWinPath(this.expand(entry.path));
    this.manifest.set(winKey(p), { ...entry, path: p });
    return this;
  }

  /** Say that the registry is complete (live) or not (a bundle's exports). */
  completeRegistry(yes = true): this {
    this.complete = yes;
    return this;
  }

  private put(winPath: string, isDirectory: boolean, data: Buffer | null, mtime: string): void {
    const norm = normalizeWinPath(winPath);
    const { drive, segments } = splitWinPath(norm);
    this.drives.add(drive);
    let cur = `${drive}:`;
    segments.forEach((seg, i) => {
      const k = winKey(`${cur}\\${seg}`);
      const had = this.entries.get(k);
      if (i === segments.length - 1) {
        // Replacing keeps the name's case as first added.
        this.entries.set(k, { path: had?.path ?? `${cur}\\${seg}`, name: had?.name ?? seg, isDirectory, data, mtime });
      } else if (had && !had.isDirectory) {
        throw new Error(`memory host: ${had.path} is a file, it cannot hold ${norm}`);
      } else if (!had) {
        this.entries.set(k, { path: `${cur}\\${seg}`, name: seg, isDirectory: true, data: null, mtime });
      }
      cur = this.entries.get(k)!.path;
    });
  }

  // ---- the Host interface -----------------------------------------------------------------------

  private problem(location: string, message: string): void {
    const k = `${location}\u0000${message}`;
    if (this.seenProblems.has(k)) return;
    this.seenProblems.add(k);
    this.problems.push({ location, message });
  }

  env(): Record<string, string> {
    return { ...DEFAULT_ENV, ...(this.bundle?.env ?? {}), ...this.registryEnv };
  }

  setRegistryEnv(env: Record<string, string>): void {
    this.registryEnv = env;
  }

  expand(winPath: string): string {
    return normalizeWinPath(expandEnv(winPath, this.env()), this.env().SystemDrive?.[0] ?? 'C');
  }

  /** The entry at a path, null where missing; undefined where a folder on the way cannot be read. */
  private find(winPath: string): Entry | null | undefined {
    const norm = this.expand(winPath);
    const { drive, segments } = splitWinPath(norm);
    if (segments.includes('..')) {
      this.problem(norm, 'path has a ".." segment: refused, not followed');
      this.unreadableKeys.add(winKey(norm));
      return undefined;
    }
    if (!this.drives.has(drive)) return null;
    let cur = `${drive}:`;
    for (let i = 0; i < segments.length; i++) {
      const parentKey = winKey(cur === `${drive}:` ? `${drive}:\\` : cur);
      if (this.denied.has(parentKey)) {
        this.problem(this.entries.get(parentKey)?.path ?? `${drive}:\\`, 'folder cannot be read: permission denied');
        this.unreadableKeys.add(winKey(norm));
        return undefined;
      }
      const parent = cur;
      cur = `${cur}\\${segments[i]}`;
      const e = this.entries.get(winKey(cur)) ?? this.trimmedChild(parent, segments[i]);
      if (!e) return null;
      if (!e.isDirectory && i < segments.length - 1) return null;
      cur = e.path;
    }
    return segments.length === 0
      ? { path: `${drive}:\\`, name: '', isDirectory: true, data: null, mtime: MEMORY_DEFAULT_MTIME }
      : this.entries.get(winKey(cur))!;
  }

  unreadable(winPath: string): boolean {
    return this.unreadableKeys.has(winKey(this.expand(winPath)));
  }

  /** Windows drops trailing dots and spaces of a name; a copy may keep them ("Theme. "), as BundleHost allows. */
  private trimmedChild(parent: string, seg: string): Entry | undefined {
    const want = winTrim(seg).toLowerCase();
    if (want === '') return undefined;
    const prefix = `${winKey(parent).replace(/\\$/, '')}\\`;
    for (const [k, c] of this.entries) {
      if (k.startsWith(prefix) && !k.slice(prefix.length).includes('\\') && winTrim(c.name).toLowerCase() === want) return c;
    }
    return undefined;
  }

  async stat(winPath: string): Promise<HostStat | null> {
    const e = this.find(winPath);
    if (!e) return null;
    const out: HostStat = {
      path: this.expand(winPath),
      isFile: !e.isDirectory,
      isDirectory: e.isDirectory,
      size: e.data?.length ?? 0,
      mtime: e.mtime,
    };
    if (out.isFile) this.records.set(`stat:${winKey(out.path)}`, `${out.size}:${out.mtime}`);
    return out;
  }

  async list(winPath: string): Promise<DirEntry[]> {
    const e = this.find(winPath);
    if (!e || !e.isDirectory) return [];
    const base = this.expand(winPath);
    const key = winKey(base);
    if (this.denied.has(key)) {
      this.problem(e.path, 'folder cannot be read: permission denied');
      return [];
    }
    const prefix = key.endsWith('\\') ? key : `${key}\\`;
    const out: DirEntry[] = [];
    for (const [k, c] of this.entries) {
      if (!k.startsWith(prefix) || k.slice(prefix.length).includes('\\')) continue;
      out.push({ name: c.name, path: normalizeWinPath(`${base}\\${c.name}`), isFile: !c.isDirectory, isDirectory: c.isDirectory });
    }
    out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.records.set(`list:${key}`, out.map((x) => x.name).join('\u0000'));
    return out;
  }

  async readFile(winPath: string, maxBytes = DEFAULT_MAX_READ): Promise<{ data: Buffer; truncated: boolean } | null> {
    const e = this.find(winPath);
    if (!e) return null;
    if (e.isDirectory) {
      this.problem(this.expand(winPath), 'is a folder where a file was expected');
      return null;
    }
    if (this.denied.has(winKey(this.expand(winPath)))) {
      this.problem(this.expand(winPath), 'cannot be read: permission denied');
      return null;
    }
    const data = Buffer.from(e.data!.subarray(0, maxBytes));
    this.records.set(`file:${winKey(this.expand(winPath))}`, createHash('sha256').update(data).digest('hex'));
    return { data, truncated: e.data!.length > maxBytes };
  }

  async sha256(winPath: string): Promise<string | null> {
    const e = this.find(winPath);
    if (!e || e.isDirectory) return null;
    if (this.denied.has(winKey(this.expand(winPath)))) {
      this.problem(this.expand(winPath), 'cannot be read: permission denied');
      return null;
    }
    const d = createHash('sha256').update(e.data!).digest('hex');
    this.records.set(`sha256:${winKey(this.expand(winPath))}`, d);
    return d;
  }

  manifestEntry(winPath: string): ManifestEntry | null {
    return this.manifest.get(winKey(this.expand(winPath))) ?? null;
  }

  manifestEntries(): ManifestEntry[] {
    return [...this.manifest.values()];
  }

  async loadRegistry(interests: KeyInterest[]): Promise<RegistryReader> {
    this.interestsAsked.push(interests);
    const store = new RegistryStore(interests);
    for (const { path, value } of this.registry) {
      if (value) store.setValue(path, value);
      else store.createKey(path);
    }
    return store;
  }

  registrySources(): number {
    return this.registry.length > 0 ? 1 : 0;
  }

  async readBundleFile(rel: string, maxBytes = DEFAULT_MAX_READ): Promise<{ data: Buffer; location: string; truncated: boolean } | null> {
    const f = this.bundleFiles.get(rel.toLowerCase());
    if (!f) return null;
    this.records.set(`bundle:${rel.toLowerCase()}`, createHash('sha256').update(f.data).digest('hex'));
    return { data: f.data.subarray(0, maxBytes), location: f.rel, truncated: f.data.length > maxBytes };
  }

  inputDigest(): string {
    const h = createHash('sha256');
    for (const k of [...this.records.keys()].sort()) h.update(`${k}\u0000${this.records.get(k)}\n`);
    return `sha256:${h.digest('hex')}`;
  }
}

/** A new, empty in-memory host (C: exists, nothing on it). */
export function memoryHost(opts: MemoryHostOptions = {}): MemoryHost {
  return new MemoryHost(opts);
}
