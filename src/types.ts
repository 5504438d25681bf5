/**
 * The contracts between the pipeline's parts:
 *   host -> probes (Facts) -> rules (RuleResult -> Finding) -> plan (PlanStep) -> report (Report)
 * Everything here is plain data: JSON-serialisable, no classes, no functions.
 *
 * The report and its parts (Report, Finding, PlanStep, Verdict, Evidence, ComponentFact, …) are generated from
 * schemas/report.schema.json into src/report/report.generated.ts (scripts/gen-types.mjs, run by `npm run build`):
 * change the schema, not a type. The facts that never reach the report are written by hand below.
 */
import { SEVERITY_VALUES } from './report/report.generated.js';
import type { AdfsCmdletsFact, ServicesFact } from './service-facts.js';
export type { AdfsCmdletsFact, ServiceFact, ServicesFact } from './service-facts.js';
import type { Baseline, PostFacts } from './post/types.js';

export type {
  Change,
  ChangeComponent,
  ComponentFact,
  ComponentId,
  DotnetFact,
  Evidence,
  EvidenceSource,
  FailOn,
  Finding,
  Goal,
  Migration,
  MigrationRole,
  FindingComponent,
  FindingWaiver,
  HostOs,
  HostRole,
  PlanAction,
  PlanComponent,
  PlanPhase,
  PlanStep,
  Problem,
  Replication,
  Report,
  Roles,
  SdkUrlFact,
  Severity,
  SeverityCounts,
  Stage,
  UpgradePath,
  VcRuntimeFact,
  Verdict,
  VerdictStatus,
  VirtualDirectory,
  WaiverState,
  WaiverStatus,
} from './report/report.generated.js';
import type {
  ComponentFact,
  ComponentId,
  DotnetFact,
  Evidence,
  HostOs,
  Goal,
  HostRole,
  Problem,
  Roles,
  SdkUrlFact,
  Severity,
  Stage,
  VcRuntimeFact,
  VirtualDirectory,
} from './report/report.generated.js';

/** Most severe first (the schema's order). */
export const SEVERITIES = SEVERITY_VALUES;

/** The problem message for a data file whose folder could not be read (MFA-BKP-001/003 report unknown on it). */
export const DATA_UNREADABLE = 'cannot be read: a folder or link on its path could not be read, so whether it exists is unknown';

/** Facts about one file, from the real file or from manifest.json. */
export interface FileStat {
  /** Windows path as the host knows it. */
  path: string;
  exists: boolean;
  source: 'file' | 'manifest' | 'none';
  size: number | null;
  /** ISO time, last write. */
  mtime: string | null;
  sha256: string | null;
  /** Not found because a folder or link on its path could not be read: whether it exists is unknown. */
  unreadable?: boolean;
}

/** A possible backup copy of a file or folder. */
export interface BackupCandidate {
  path: string;
  reason: 'same-content' | 'copy-name' | 'backup-folder';
  mtime: string | null;
  sha256: string | null;
  current: boolean;
  source: 'file' | 'manifest';
}

export interface BackupFact {
  /** What is backed up (Windows path). */
  original: FileStat;
  candidates: BackupCandidate[];
  /** Whether the search could be done at all (false where the original could not be read). */
  searched: boolean;
  /** Backup folders that could not be searched (a UNC share), as written, with why. Absent: none. */
  unsearched?: { path: string; why: string }[];
}

export interface ParsedSettings {
  /** appSettings key -> value (redacted). */
  appSettings: Record<string, string>;
  /** applicationSettings: section name -> setting name -> value (redacted). */
  applicationSettings: Record<string, Record<string, string>>;
}

export interface WebConfigFact {
  path: string;
  exists: boolean;
  /** null where it exists and parsed; else the parse error. */
  parseError: string | null;
  settings: ParsedSettings | null;
  /** Web Service SDK URL found in it, if any. */
  sdkUrl: string | null;
  sdkUrlSetting: string | null;
  backup: BackupFact | null;
}

export interface ThemeFact {
  name: string;
  path: string;
  custom: boolean;
  /** For Default: files changed after install (paths). */
  changedFiles: string[];
  /** The reference time the change was judged against, and where it came from. */
  reference: { time: string; source: string } | null;
  backup: BackupFact | null;
}

export interface IisFact {
  /** applicationHost.config found and parsed. */
  known: boolean;
  configPath: string | null;
  sharedConfig: { enabled: boolean; path: string | null } | null;
  parseError: string | null;
  virtualDirectories: VirtualDirectory[];
  /** Host names bound on any site (from bindings "ip:port:host"). */
  boundHostNames: string[];
}

export interface AdfsFact {
  /** Folder the adapter lives in (Windows path), where found. */
  folder: string | null;
  files: { name: string; present: boolean; path: string }[];
  registerScript: { path: string; passesConfigurationFilePath: boolean | null; readError: string | null } | null;
  config: { path: string; exists: boolean; parseError: string | null; backup: BackupFact | null; sdkUrl?: string | null } | null;
  /** Saved copies of the config compared with the new one (stage adfs). */
  configDiff: { saved: string; current: string; differences: ConfigDifference[] } | null;
  /** Provider name to unregister, derived from the adapter's version. */
  oldProviderName: string | null;
  /**
   * Where the four new adapter files were copied (--adapter-files, bundle.json adapterFiles, or a backup folder
   * holding the adapter MSI and config): the Register script and the new template config are read there.
   */
  staging?: { folder: string; source: 'flag' | 'bundle' | 'backup-dir' } | null;
  /** Saved copies of the registered configuration recognised by content (exports under any name, copies). */
  exports?: { path: string; mtime: string | null }[];
}

export interface ConfigDifference {
  kind: 'added' | 'removed' | 'changed';
  /** XPath-like location, e.g. "/configuration/appSettings/add[@key='x']/@value". */
  path: string;
  old: string | null;
  new: string | null;
}

/** An Uninstall entry named like an MFA part that neither its publisher nor its files confirm (MFA-INV-006). */
export interface IgnoredEntry {
  displayName: string;
  version: string | null;
  publisher: string | null;
  /** The part its name suggests. */
  lookedLike: ComponentId;
  installLocation: string | null;
  evidence: Evidence[];
}

/**
 * A PhoneFactor Agent upgrade stopped half way (MFA-INV-007): the agent is uninstalled (no Uninstall entry,
 * no executables) while the install path in the registry and the data file remain, and MFA Server is not
 * installed yet.
 */
export interface InterruptedUpgrade {
  installPath: string;
  /** Parts still installed (to uninstall before MFA Server goes in). */
  remaining: ComponentId[];
  evidence: Evidence[];
}

export interface Facts {
  host: {
    name: string | null;
    os: HostOs;
    roles: Roles;
    backupDirs: string[];
    hostRole: HostRole;
  };
  registry: {
    /** Whether any export covers the Uninstall keys. */
    coversUninstall: boolean;
    /** Number of registry files read. */
    files: number;
  };
  components: ComponentFact[];
  /** InstallPath from the PhoneFactor key or Uninstall InstallLocation, and whether it exists. */
  installPaths: { path: string; exists: boolean | null; evidence: Evidence }[];
  /** The data file: null where there is no mfa-host install path to look in. */
  dataFile: BackupFact | null;
  dotnet: DotnetFact;
  vcredist: { x64: VcRuntimeFact; x86: VcRuntimeFact };
  iis: IisFact;
  userPortal: { webConfig: WebConfigFact | null; themes: ThemeFact[] } | null;
  mobileApp: { webConfig: WebConfigFact | null } | null;
  sdk: { folder: string | null } | null;
  sdkUrls: SdkUrlFact[];
  adfs: AdfsFact | null;
  /** The MFA Server and AD FS services' registrations (src/probes/services.ts); absent in facts built by hand. */
  services?: ServicesFact;
  /** The recorded output of the read-only AD FS cmdlets (src/probes/adfs-cmdlets.ts); null where none is recorded. */
  adfsCmdlets?: AdfsCmdletsFact | null;
  /** What the MFA Server Migration Utility needs here (src/probes/migration.ts); absent in facts built by hand. */
  migration?: MigrationFact;
  installers: { folder: string | null; present: string[]; needed: string[] };
  /** Other hosts' needs, from bundle.json (e.g. "user-portal" when a separate portal server exists). */
  otherHosts: ComponentId[];
  /** The deployment's other servers as bundle.json names them, with the components each runs (issue 11 item 9). */
  otherHostList: { name: string; components: ComponentId[] }[];
  configErrors: { path: string; message: string }[];
  problems: Problem[];
  /** At stage post only: the before facts found on the host and what is checked after the window (src/probes/post.ts). */
  post?: PostFacts | null;
  /** Uninstall entries named like MFA parts but not confirmed as ones (absent: none). */
  ignoredEntries?: IgnoredEntry[];
  /** A PhoneFactor Agent upgrade stopped half way (absent or null: not the case). */
  interruptedUpgrade?: InterruptedUpgrade | null;
}

/** The Migration Utility's files, its registry values and the deployment's migration server (scan --goal migrate). */
export interface MigrationFact {
  /** The MFA Server install folder looked in, null where none is known. */
  folder: string | null;
  /** The utility's files in that folder (present: null where the folder could not be read). */
  files: { name: string; path: string; present: boolean | null }[];
  /** StsUrl and GraphUrl under the PhoneFactor key (either registry view); null where not set. */
  stsUrl: { value: string; key: string } | null;
  graphUrl: { value: string; key: string } | null;
  /** Whether the registry read covers the PhoneFactor key (so an absent value is absent, not unexported). */
  registryKnown: boolean;
  /** bundle.json migrationServer: the dedicated secondary's host name, null where none is named. */
  migrationServer: string | null;
  /** This host is the migration server named (its own name matches, case-insensitively). */
  isMigrationServer: boolean;
  /** AD FS relying party trusts recorded in the bundle (adfs/relying-party-trusts.json); null where not recorded. */
  relyingParties: { location: string; names: string[] } | null;
}

export interface ScanOptions {
  /** At stage post: the report taken before the window (`scan --baseline`); absent without one. */
  baseline?: Baseline | null;
  targetVersion: string;
  stage: Stage;
  /** `upgrade` (default) or `migrate` (what the MFA Server Migration Utility needs); absent means upgrade. */
  goal?: Goal;
  failOn: Severity | 'none';
  now: string;
}

/** A waiver as the user wrote it in the --waivers file (schemas/waivers.schema.json). */
export interface WaiverEntry {
  rule: string;
  host?: string;
  finding?: string;
  reason: string;
  expires?: string;
}
/** The input type's old name: a waiver as written, without a status. */
export type Waiver = WaiverEntry;
