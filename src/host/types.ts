import type { KeyInterest, RegistryReader } from '../registry/types.js';
import type { Problem } from '../types.js';

/**
 * What a probe sees of a host, whether it is a bundle folder or the live Windows host.
 * Every path argument is a Windows path ("C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata",
 * "%ProgramFiles%\\x" and forward slashes accepted). Every method is read-only. Methods never
 * throw for a missing file: they return null/[]; unreadable things are recorded in `problems`.
 */
export interface HostStat {
  /** Windows path, normalised (drive letter upper case, backslashes). */
  path: string;
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  /** ISO last-write time. */
  mtime: string;
}

export interface DirEntry {
  /** The entry's name as the host has it. */
  name: string;
  /** Windows path of the entry. */
  path: string;
  isFile: boolean;
  isDirectory: boolean;
}

export interface BundleJson {
  hostname?: string;
  collectedAt?: string;
  os?: { caption?: string; version?: string; architecture?: string };
  env?: Record<string, string>;
  roles?: {
    replication?: 'primary' | 'subordinate' | 'standalone';
    replicationGroup?: string;
    loadBalanced?: boolean;
    adfsFarm?: string;
  };
  backupDirs?: string[];
  /** The folder (Windows path) the new AD FS adapter files were copied to (as scan --adapter-files). */
  adapterFiles?: string;
  /** The dedicated secondary MFA Server that runs the Migration Utility (scan --goal migrate; docs/bundle-format.md). */
  migrationServer?: string;
  /**
   * An addition of this project (docs/bundle-format.md, README "Choices"): the deployment's other servers and what
   * they run, so that rules like MFA-CMP-002 can tell that a separate User Portal server needs an installer.
   */
  otherHosts?: { name: string; components: string[] }[];
  /** Other names that reach this host: a load-balancer or DNS alias its clients' SDK URLs may name (fleet; docs/bundle-format.md). */
  aliases?: string[];
}

export interface ManifestEntry {
  path: string;
  size?: number;
  mtime?: string;
  sha256?: string;
}

export interface Host {
  readonly kind: 'bundle' | 'live';
  /** Where the target is (bundle folder, or "\\\\HOSTNAME" for live). */
  readonly location: string;
  readonly bundle: BundleJson | null;
  readonly problems: Problem[];

  /** Environment variables (SystemDrive, ProgramFiles, ...) used to expand paths. */
  env(): Record<string, string>;
  /** The probes hand over what the host's registry says of ProgramFiles etc.; it wins over bundle.json and defaults. */
  setRegistryEnv(env: Record<string, string>): void;
  /** Whether the registry is complete (live), so that an absent key means absent rather than not exported. */
  readonly registryComplete: boolean;
  /** Expand %VARS% and normalise a Windows path. */
  expand(winPath: string): string;

  stat(winPath: string): Promise<HostStat | null>;
  list(winPath: string): Promise<DirEntry[]>;
  /** Reads at most maxBytes; returns null where missing or unreadable (unreadable -> problem). */
  readFile(winPath: string, maxBytes?: number): Promise<{ data: Buffer; truncated: boolean } | null>;
  /** Streams the file; null where missing or unreadable. */
  sha256(winPath: string): Promise<string | null>;
  manifestEntry(winPath: string): ManifestEntry | null;
  /** All manifest entries (for backups described but not copied). */
  manifestEntries(): ManifestEntry[];

  /** Load the registry keys the probes need (call once with every interest). */
  loadRegistry(interests: KeyInterest[]): Promise<RegistryReader>;
  /** Number of registry sources read (files, or reg.exe queries). */
  registrySources(): number;

  /** Digest over everything read so far ("sha256:..."). */
  inputDigest(): string;

  /**
   * Optional: whether a path looked up earlier could not be told to exist or not (a folder on the way
   * could not be listed, a link was refused). A missing path is not unreadable. Used so that a rule
   * whose file could not be read reports `unknown` instead of passing (rules.md "Unknown").
   */
  unreadable?(winPath: string): boolean;

  /**
   * Optional: a file the bundle holds beside fs/ and registry/ (`adfs/global-policy.json`, docs/bundle-format.md), by
   * its path in the bundle ('/'-separated, any case); null where absent; a file that is not a regular one or cannot be
   * read is a problem and null. `location` is how reports name it. A host that is no bundle has none.
   */
  readBundleFile?(rel: string, maxBytes?: number): Promise<{ data: Buffer; location: string; truncated: boolean } | null>;
}
