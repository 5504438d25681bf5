/**
 * Hand-built inputs for plan tests: a Facts object with only what the plan reads (components, roles, the
 * data file, the portal's web.config and themes, the adapter), findings that carry only a rule id, and
 * the rules' links to the plan as the scan passes them.
 */
import { buildPlan } from '../../src/plan/index.js';
import { computeUpgradePath } from '../../src/rules/engine.js';
import { RULES } from '../../src/rules/index.js';
import type { ComponentFact, ComponentId, Facts, Finding, PlanStep, Roles, ScanOptions, Stage, ThemeFact } from '../../src/types.js';

/** rule id -> planSteps, as src/scan.ts builds it from the rules' metadata. */
export const RULE_STEPS = new Map(RULES.map((r) => [r.meta.id, r.meta.planSteps ?? []]));

const PATHS: Record<ComponentId, string> = {
  agent: 'C:\\Program Files\\PhoneFactor',
  server: 'C:\\Program Files\\Multi-Factor Authentication Server',
  'user-portal': 'C:\\inetpub\\wwwroot\\PhoneFactor',
  'mobile-app': 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService',
  'web-service-sdk': 'C:\\inetpub\\wwwroot\\PhoneFactorWebServiceSdk',
  'adfs-adapter': 'C:\\Program Files\\Multi-Factor Authentication Server',
};

export function component(c: ComponentId, version: string | null, over: Partial<ComponentFact> = {}): ComponentFact {
  const web = c === 'user-portal' || c === 'mobile-app' || c === 'web-service-sdk';
  return {
    component: c,
    installed: true,
    version,
    displayName: null,
    installPath: PATHS[c],
    installDate: null,
    virtualDirectory: web ? `/${PATHS[c].split('\\').pop()}` : null,
    virtualDirectoryKnown: web,
    evidence: [],
    ...over,
  };
}

export interface HostShape {
  components: ComponentFact[];
  roles?: Partial<Roles>;
  /** The data file exists (an MFA host has one). */
  dataFile?: boolean;
  portalWebConfig?: boolean;
  themes?: Pick<ThemeFact, 'name' | 'custom' | 'changedFiles'>[];
  mobileWebConfig?: boolean;
  adfsConfig?: boolean;
  adapterVersion?: string | null;
}

function hostRole(components: ComponentFact[]): Facts['host']['hostRole'] {
  const has = (c: ComponentId) => components.some((x) => x.component === c);
  if (has('agent') || has('server')) return 'mfa-host';
  if (has('adfs-adapter')) return 'adfs-host';
  return components.length ? 'web-host' : 'none';
}

const file = (path: string) => ({ path, exists: true, source: 'file' as const, size: 10, mtime: '2026-11-01T00:00:00.000Z', sha256: null });
const webConfig = (folder: string) => ({
  path: `${folder}\\web.config`,
  exists: true,
  parseError: null,
  settings: null,
  sdkUrl: null,
  sdkUrlSetting: null,
  backup: null,
});

export function facts(h: HostShape): Facts {
  const mfa = h.components.find((c) => c.component === 'agent' || c.component === 'server');
  const portal = h.components.find((c) => c.component === 'user-portal');
  const mobile = h.components.find((c) => c.component === 'mobile-app');
  const adapter = h.components.find((c) => c.component === 'adfs-adapter');
  return {
    host: {
      name: 'HOST01',
      os: { caption: null, version: null, architecture: null },
      roles: { replication: null, replicationGroup: null, loadBalanced: null, adfsFarm: null, source: 'unknown', ...h.roles },
      backupDirs: [],
      hostRole: hostRole(h.components),
    },
    registry: { coversUninstall: true, files: 1 },
    components: h.components,
    installPaths: mfa
      ? [{ path: mfa.installPath!, exists: true, evidence: { source: 'registry', location: 'HKLM\\x', observed: mfa.installPath! } }]
      : [],
    dataFile:
      mfa && h.dataFile !== false
        ? { original: file(`${mfa.installPath}\\Data\\PhoneFactor.pfdata`), candidates: [], searched: true }
        : null,
    dotnet: { known: true, release: 528040, evidence: [] },
    vcredist: {
      x64: { arch: 'x64', known: true, installed: true, version: '14.38', major: 14, minor: 38, bld: 0, evidence: [] },
      x86: { arch: 'x86', known: true, installed: true, version: '14.38', major: 14, minor: 38, bld: 0, evidence: [] },
    },
    iis: { known: true, configPath: null, sharedConfig: null, parseError: null, virtualDirectories: [], boundHostNames: [] },
    userPortal: portal
      ? {
          webConfig: h.portalWebConfig === false ? null : webConfig(portal.installPath!),
          themes: (h.themes ?? []).map((t) => ({
            ...t,
            path: `${portal.installPath}\\App_Themes\\${t.name}`,
            reference: null,
            backup: null,
          })),
        }
      : null,
    mobileApp: mobile ? { webConfig: h.mobileWebConfig === false ? null : webConfig(mobile.installPath!) } : null,
    sdk: null,
    sdkUrls: [],
    adfs: adapter
      ? {
          folder: adapter.installPath,
          files: [],
          registerScript: null,
          configDiff: null,
          config:
            h.adfsConfig === false
              ? null
              : {
                  path: `${adapter.installPath}\\MultiFactorAuthenticationAdfsAdapter.config`,
                  exists: true,
                  parseError: null,
                  backup: null,
                },
          oldProviderName: h.adapterVersion === undefined ? 'WindowsAzureMultiFactorAuthentication' : h.adapterVersion,
        }
      : null,
    installers: { folder: mfa?.installPath ?? null, present: [], needed: ['MultiFactorAuthenticationUserPortalSetup64.msi'] },
    otherHosts: [],
    otherHostList: [],
    configErrors: [],
    problems: [],
  };
}

/** Findings that carry only what the plan reads: the rule id. */
export function fired(...ruleIds: string[]): Finding[] {
  return ruleIds.map((ruleId, i) => ({
    id: `${ruleId}-${i}`,
    ruleId,
    outcome: 'fail',
    severity: 'info',
    title: ruleId,
    message: '',
    component: 'host',
    evidence: [],
    seed: { file: 'rules.md', section: '' },
    planSteps: [],
    waiver: null,
  }));
}

export interface PlanCase {
  facts: Facts;
  findings?: Finding[];
  targetVersion?: string;
  stage?: Stage;
}

export function plan(c: PlanCase): PlanStep[] {
  const opts: ScanOptions = {
    targetVersion: c.targetVersion ?? '8.1',
    stage: c.stage ?? 'pre',
    failOn: 'critical',
    now: '2026-11-21T09:00:00Z',
  };
  return buildPlan({
    facts: c.facts,
    upgradePath: computeUpgradePath(c.facts.components, opts.targetVersion),
    findings: c.findings ?? fired('MFA-INV-001'),
    opts,
    ruleSteps: RULE_STEPS,
  });
}

export const ids = (p: PlanStep[]) => p.map((s) => s.id);
export const step = (p: PlanStep[], id: string) => {
  const s = p.find((x) => x.id === id);
  if (!s) throw new Error(`${id} is not in the plan: ${ids(p).join(', ')}`);
  return s;
};
/** Whether `a` comes before `b` (both planned). */
export const before = (p: PlanStep[], a: string, b: string) => step(p, a).order < step(p, b).order;
