/**
 * Builders for rule tests: a complete `Facts` object with empty, "nothing known to be wrong" defaults
 * (no components, registry covering Uninstall, IIS read, prerequisites in place), and helpers for the
 * parts rules look at. Tests override only what their case is about.
 */
import type {
  BackupCandidate,
  BackupFact,
  ComponentFact,
  ComponentId,
  Evidence,
  Facts,
  HostRole,
  Roles,
  ScanOptions,
  SdkUrlFact,
  ThemeFact,
  VcRuntimeFact,
  VirtualDirectory,
  WebConfigFact,
} from '../../src/types.js';

export type DeepPartialFacts = Partial<Omit<Facts, 'host' | 'registry' | 'iis' | 'installers'>> & {
  host?: Partial<Omit<Facts['host'], 'roles' | 'os'>> & { roles?: Partial<Roles>; os?: Partial<Facts['host']['os']> };
  registry?: Partial<Facts['registry']>;
  iis?: Partial<Facts['iis']>;
  installers?: Partial<Facts['installers']>;
};

export function vc(arch: 'x64' | 'x86', over: Partial<VcRuntimeFact> = {}): VcRuntimeFact {
  const key = `HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\VisualStudio\\14.0\\VC\\Runtimes\\${arch}`;
  return {
    arch,
    known: true,
    installed: true,
    version: 'v14.38.33135.00',
    major: 14,
    minor: 38,
    bld: 33135,
    evidence: [{ source: 'registry', location: `${key}\\Installed`, observed: '1' }],
    ...over,
  };
}

/** A complete Facts object; `over` replaces top-level parts and merges host/roles/os/registry/iis/installers. */
export function makeFacts(over: DeepPartialFacts = {}): Facts {
  const { host, registry, iis, installers, ...rest } = over;
  const components = rest.components ?? [];
  const base: Facts = {
    host: {
      name: 'MFA01',
      os: { caption: 'Windows Server 2016 Standard', version: '10.0.14393', architecture: 'x64', ...(host?.os ?? {}) },
      roles: { replication: null, replicationGroup: null, loadBalanced: null, adfsFarm: null, source: 'unknown', ...(host?.roles ?? {}) },
      backupDirs: host?.backupDirs ?? [],
      hostRole: host?.hostRole ?? roleOf(components),
    },
    registry: { coversUninstall: true, files: 2, ...(registry ?? {}) },
    components,
    installPaths: [],
    dataFile: null,
    dotnet: {
      known: true,
      release: 528040,
      evidence: [
        { source: 'registry', location: 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full\\Release', observed: '528040' },
      ],
    },
    vcredist: { x64: vc('x64'), x86: vc('x86') },
    iis: {
      known: true,
      configPath: 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config',
      sharedConfig: null,
      parseError: null,
      virtualDirectories: [],
      boundHostNames: [],
      ...(iis ?? {}),
    },
    userPortal: null,
    mobileApp: null,
    sdk: null,
    sdkUrls: [],
    adfs: null,
    installers: { folder: null, present: [], needed: [], ...(installers ?? {}) },
    otherHosts: [],
    otherHostList: [],
    configErrors: [],
    problems: [],
  };
  return { ...base, ...rest, host: base.host, registry: base.registry, iis: base.iis, installers: base.installers, components };
}

/** hostRole as src/probes/index.ts derives it (mirrored so tests need not run probes). */
function roleOf(components: ComponentFact[]): HostRole {
  const has = (c: ComponentId) => components.some((x) => x.component === c);
  if (has('agent') || has('server')) return 'mfa-host';
  if (has('adfs-adapter')) return 'adfs-host';
  if (components.length > 0) return 'web-host';
  return 'none';
}

const DEFAULT_PATHS: Record<ComponentId, string> = {
  agent: 'C:\\Program Files\\PhoneFactor',
  server: 'C:\\Program Files\\Multi-Factor Authentication Server',
  'user-portal': 'C:\\inetpub\\wwwroot\\MultiFactorAuth',
  'mobile-app': 'C:\\inetpub\\wwwroot\\MultiFactorAuthMobileAppWebService',
  'web-service-sdk': 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk',
  'adfs-adapter': 'C:\\Program Files\\Multi-Factor Authentication Server',
};

/** A found component with an Uninstall entry as evidence; web parts get their IIS application. */
export function comp(component: ComponentId, version: string | null, over: Partial<ComponentFact> = {}): ComponentFact {
  const installPath = over.installPath !== undefined ? over.installPath : DEFAULT_PATHS[component];
  const web = component === 'user-portal' || component === 'mobile-app' || component === 'web-service-sdk';
  const vdir = web && installPath ? `/${installPath.split('\\').pop()}` : null;
  const evidence: Evidence[] = [
    {
      source: 'registry',
      location: `HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{${component}}\\DisplayName`,
      observed: `${component} ${version ?? ''}`.trim(),
    },
  ];
  if (vdir)
    evidence.push({
      source: 'iis',
      location: `IIS:\\Sites\\Default Web Site${vdir.replace(/\//g, '\\')}`,
      observed: `physicalPath ${installPath}`,
    });
  return {
    component,
    installed: true,
    version,
    displayName: null,
    installPath,
    installDate: null,
    virtualDirectory: vdir,
    virtualDirectoryKnown: web,
    evidence,
    ...over,
  };
}

export function file(path: string, over: Partial<BackupFact['original']> = {}): BackupFact['original'] {
  return { path, exists: true, source: 'file', size: 4096, mtime: '2026-11-01T10:00:00.000Z', sha256: null, ...over };
}

export function candidate(path: string, current: boolean, over: Partial<BackupCandidate> = {}): BackupCandidate {
  return {
    path,
    reason: 'copy-name',
    mtime: current ? '2026-11-02T10:00:00.000Z' : '2026-10-01T10:00:00.000Z',
    sha256: null,
    current,
    source: 'file',
    ...over,
  };
}

/** A backup search result: the original and its candidates (`[]` = none found). */
export function backup(path: string, candidates: BackupCandidate[] = [], original: Partial<BackupFact['original']> = {}): BackupFact {
  const o = file(path, original);
  return { original: o, candidates, searched: o.exists };
}

export function webConfig(path: string, candidates: BackupCandidate[] | null, over: Partial<WebConfigFact> = {}): WebConfigFact {
  return {
    path,
    exists: true,
    parseError: null,
    settings: { appSettings: {}, applicationSettings: {} },
    sdkUrl: null,
    sdkUrlSetting: null,
    backup: candidates === null ? null : backup(path, candidates),
    ...over,
  };
}

export function theme(name: string, over: Partial<ThemeFact> = {}): ThemeFact {
  const path = `C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes\\${name}`;
  return { name, path, custom: name.toLowerCase() !== 'default', changedFiles: [], reference: null, backup: null, ...over };
}

export function vdir(urlPath: string, physicalPath: string): VirtualDirectory {
  return { site: 'Default Web Site', app: urlPath, vdir: '/', urlPath, physicalPath };
}

export function sdkUrl(component: ComponentId, fileName: string, url: string, thisHost: boolean): SdkUrlFact {
  const u = new URL(url);
  return {
    component,
    file: fileName,
    setting: component === 'adfs-adapter' ? 'WebServiceSdkUrl' : 'pfup_pfwssdk_PfWsSdk',
    url,
    host: u.hostname,
    path: u.pathname,
    thisHost,
  };
}

export function opts(over: Partial<ScanOptions> = {}): ScanOptions {
  return { targetVersion: '8.1', stage: 'pre', failOn: 'critical', now: '2026-11-21T12:00:00.000Z', ...over };
}
