/**
 * The contracts between the pipeline's parts:
 *   target -> probes (Facts) -> rules (RuleResult -> Finding) -> plan (PlanStep) -> report (Report)
 * Everything here is plain data: JSON-serialisable, no classes, no functions.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type ComponentId = 'agent' | 'server' | 'user-portal' | 'mobile-app' | 'web-service-sdk' | 'adfs-adapter';
export const COMPONENTS: readonly ComponentId[] = ['agent', 'server', 'user-portal', 'mobile-app', 'web-service-sdk', 'adfs-adapter'];

export type Stage = 'pre' | 'adfs';
export type UpgradePath = 'phonefactor-agent' | 'in-place' | 'none';
export type HostRole = 'mfa-host' | 'web-host' | 'adfs-host' | 'none';
export type Replication = 'primary' | 'subordinate' | 'standalone';

export type EvidenceSource = 'file' | 'registry' | 'iis' | 'manifest' | 'bundle';
export interface Evidence {
  source: EvidenceSource;
  /** A Windows path (C:\...) or registry key (HKLM\...\Value) or bundle-relative file. */
  location: string;
  /** What was seen there, already redacted. */
  observed: string;
}

/** The problem message for a data file whose folder could not be read (MFA-BKP-001/003 report unknown on it). */
export const DATA_UNREADABLE = 'cannot be read: a folder or link on its path could not be read, so whether it exists is unknown';

export interface Problem {
  location: string;
  message: string;
}

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

export interface Roles {
  replication: Replication | null;
  replicationGroup: string | null;
  loadBalanced: boolean | null;
  adfsFarm: string | null;
  /** where roles came from */
  source: 'bundle' | 'flag' | 'unknown';
}

export interface VirtualDirectory {
  site: string;
  /** Application path, e.g. "/MultiFactorAuth". */
  app: string;
  /** Virtual directory path inside the app, "/" for the app root. */
  vdir: string;
  /** Full URL path: app + vdir, e.g. "/MultiFactorAuth". */
  urlPath: string;
  /** Physical path as configured (env vars not expanded). */
  physicalPath: string;
}

export interface ComponentFact {
  component: ComponentId;
  installed: true;
  version: string | null;
  displayName: string | null;
  installPath: string | null;
  /** Uninstall InstallDate (YYYYMMDD) where known. */
  installDate: string | null;
  /** URL path of the IIS application serving it ("/PhoneFactor"), null where unknown or not a web part. */
  virtualDirectory: string | null;
  /** For web parts: whether IIS configuration was available to tell the virtual directory. */
  virtualDirectoryKnown: boolean;
  evidence: Evidence[];
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

export interface SdkUrlFact {
  component: ComponentId;
  file: string;
  setting: string;
  url: string;
  /** Host part of the URL. */
  host: string;
  /** Path part, e.g. "/PhoneFactorWebServiceSdk/PfWsSdk.asmx". */
  path: string;
  /** Whether the URL names this host (rules.md "this host"). */
  thisHost: boolean;
}

export interface VcRuntimeFact {
  arch: 'x64' | 'x86';
  known: boolean;
  installed: boolean;
  version: string | null;
  major: number | null;
  minor: number | null;
  bld: number | null;
  evidence: Evidence[];
}

export interface DotnetFact {
  known: boolean;
  release: number | null;
  evidence: Evidence[];
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
}

export interface ConfigDifference {
  kind: 'added' | 'removed' | 'changed';
  /** XPath-like location, e.g. "/configuration/appSettings/add[@key='x']/@value". */
  path: string;
  old: string | null;
  new: string | null;
}

export interface Facts {
  host: {
    name: string | null;
    os: { caption: string | null; version: string | null; architecture: string | null };
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
  installers: { folder: string | null; present: string[]; needed: string[] };
  /** Other hosts' needs, from bundle.json (e.g. "user-portal" when a separate portal server exists). */
  otherHosts: ComponentId[];
  configErrors: { path: string; message: string }[];
  problems: Problem[];
}

export interface ScanOptions {
  targetVersion: string;
  stage: Stage;
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

export type WaiverState = 'applied' | 'expired' | 'unused' | 'unknown-rule';

/** A waiver with its status, as the report lists it: absent matchers and expiry are null. */
export interface WaiverStatus {
  rule: string;
  host: string | null;
  finding: string | null;
  reason: string;
  expires: string | null;
  status: WaiverState;
}

export interface Finding {
  id: string;
  ruleId: string;
  outcome: 'fail' | 'unknown';
  severity: Severity;
  title: string;
  message: string;
  component: ComponentId | 'host' | 'data' | 'prerequisites';
  evidence: Evidence[];
  seed: { file: string; section: string };
  planSteps: string[];
  waiver: null | { reason: string; expires: string | null };
}

export type PlanAction = 'prepare' | 'backup' | 'drain' | 'uninstall' | 'install' | 'configure' | 'restore' | 'verify' | 'notify';
export type PlanComponent = 'data' | 'server' | 'agent' | 'user-portal' | 'mobile-app' | 'web-service-sdk' | 'adfs-adapter' | 'prerequisites' | 'host';
export type PlanPhase = 'before-window' | 'in-window' | 'after-upgrade';

export interface PlanStep {
  order: number;
  id: string;
  action: PlanAction;
  component: PlanComponent;
  phase: PlanPhase;
  title: string;
  detail: string;
  because: string[];
  dependsOn: string[];
}

export type VerdictStatus = 'not-ready' | 'ready-with-warnings' | 'ready' | 'up-to-date' | 'nothing-to-upgrade';

export interface Verdict {
  status: VerdictStatus;
  failOn: Severity | 'none';
  counts: Record<Severity, number>;
  waived: number;
  gate: 'pass' | 'fail';
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'mfa-readiness'; version: string; rulesetVersion: string };
  scan: {
    startedAt: string;
    target: { kind: 'bundle' | 'live'; location: string };
    targetVersion: string;
    stage: Stage;
    inputDigest: string;
  };
  host: { name: string | null; os: Facts['host']['os']; roles: Roles; hostRole: HostRole };
  inventory: {
    upgradePath: UpgradePath;
    components: ComponentFact[];
    prerequisites: { dotnet: DotnetFact; vcredist: { x64: VcRuntimeFact; x86: VcRuntimeFact } };
    virtualDirectories: VirtualDirectory[];
    /** Web Service SDK URLs the configs on this host point at (the fleet checks them across hosts). */
    sdkUrls: SdkUrlFact[];
    /** Host names IIS binds here (rules.md "this host"). */
    boundHostNames: string[];
  };
  verdict: Verdict;
  waivers: WaiverStatus[];
  findings: Finding[];
  plan: PlanStep[];
  problems: Problem[];
}
