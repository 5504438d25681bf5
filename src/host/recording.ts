/**
 * A Host that wraps another and remembers everything a scan looked at: every path stat'ed, listed,
 * read or hashed, every manifest entry consulted, and the registry store it loaded. `collect` runs the
 * probes through one of these and then copies exactly that evidence into a bundle, so that an offline
 * scan of the bundle asks the same questions and gets the same answers.
 */
import { normalizeWinPath, winKey } from './paths.js';
import type { KeyInterest, RegistryReader } from '../registry/types.js';
import type { BundleJson, DirEntry, ManifestEntry, Host, HostStat } from './types.js';
import type { Problem } from '../types.js';

/** What the scan did with one Windows path. */
export interface Access {
  /** Windows path as the probe asked for it (expanded, normalised). */
  path: string;
  /** The stat answer, where the path was stat'ed (null: stat'ed and missing). */
  stat?: HostStat | null;
  /** Whether the file was read (readFile gave data). */
  read?: boolean;
  /** Whether the read was cut at maxBytes. */
  truncated?: boolean;
  /** The digest, where it was hashed. */
  sha256?: string;
  /** The entries, where the path was listed. */
  entries?: DirEntry[];
  /** The entry a parent folder's listing gave for this path. */
  listedAs?: DirEntry;
}

export class RecordingHost implements Host {
  /** Everything touched, by case-insensitive Windows path. */
  readonly accesses = new Map<string, Access>();
  /** The registry the probes loaded (null until loadRegistry). */
  registry: RegistryReader | null = null;
  /** Interests the probes asked for. */
  interests: KeyInterest[] = [];
  /** Manifest entries the probes were given (a bundle stands in for the host: pass them on). */
  readonly manifestSeen = new Map<string, ManifestEntry>();

  constructor(readonly inner: Host) {}

  get kind(): Host['kind'] {
    return this.inner.kind;
  }
  get location(): string {
    return this.inner.location;
  }
  get bundle(): BundleJson | null {
    return this.inner.bundle;
  }
  get problems(): Problem[] {
    return this.inner.problems;
  }
  get registryComplete(): boolean {
    return this.inner.registryComplete;
  }

  private access(winPath: string): Access {
    const p = this.inner.expand(winPath);
    const k = winKey(p);
    let a = this.accesses.get(k);
    if (!a) {
      a = { path: normalizeWinPath(p) };
      this.accesses.set(k, a);
    }
    return a;
  }

  env(): Record<string, string> {
    return this.inner.env();
  }
  setRegistryEnv(env: Record<string, string>): void {
    this.inner.setRegistryEnv(env);
  }
  expand(winPath: string): string {
    return this.inner.expand(winPath);
  }

  async stat(winPath: string): Promise<HostStat | null> {
    const r = await this.inner.stat(winPath);
    const a = this.access(winPath);
    // Keep an earlier positive answer (a path may be asked for twice, before and after the env changed).
    if (r || a.stat === undefined) a.stat = r;
    return r;
  }

  async list(winPath: string): Promise<DirEntry[]> {
    const r = await this.inner.list(winPath);
    this.access(winPath).entries = r;
    for (const e of r) this.access(e.path).listedAs = e;
    return r;
  }

  async readFile(winPath: string, maxBytes?: number): Promise<{ data: Buffer; truncated: boolean } | null> {
    const r = await this.inner.readFile(winPath, maxBytes);
    if (r) {
      const a = this.access(winPath);
      a.read = true;
      a.truncated = (a.truncated ?? false) || r.truncated;
    }
    return r;
  }

  async sha256(winPath: string): Promise<string | null> {
    const r = await this.inner.sha256(winPath);
    if (r) this.access(winPath).sha256 = r;
    return r;
  }

  manifestEntry(winPath: string): ManifestEntry | null {
    const m = this.inner.manifestEntry(winPath);
    if (m) this.manifestSeen.set(winKey(m.path), m);
    return m;
  }

  manifestEntries(): ManifestEntry[] {
    const all = this.inner.manifestEntries();
    for (const m of all) this.manifestSeen.set(winKey(m.path), m);
    return all;
  }

  async loadRegistry(interests: KeyInterest[]): Promise<RegistryReader> {
    this.interests = interests;
    this.registry = await this.inner.loadRegistry(interests);
    return this.registry;
  }

  registrySources(): number {
    return this.inner.registrySources();
  }

  inputDigest(): string {
    return this.inner.inputDigest();
  }

  /** Bundle files beside fs/ the probes read (adfs/*.json), by lower-cased path: collect passes them on. */
  readonly bundleFiles = new Map<string, { rel: string; data: Buffer }>();

  async readBundleFile(rel: string, maxBytes?: number): Promise<{ data: Buffer; location: string; truncated: boolean } | null> {
    const r = (await this.inner.readBundleFile?.(rel, maxBytes)) ?? null;
    if (r && !r.truncated) this.bundleFiles.set(rel.toLowerCase(), { rel, data: r.data });
    return r;
  }

  unreadable(winPath: string): boolean {
    return this.inner.unreadable?.(winPath) ?? false;
  }
}
