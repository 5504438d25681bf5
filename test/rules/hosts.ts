/** Hosts and fact builders the rule tests share (one test file per rule in this folder). */
import type { Facts } from '../../src/types.js';
import { backup, candidate, comp, makeFacts, sdkUrl, vc, vdir } from './facts.js';
import type { Case, Invalid } from './tester.js';

export const DATA = 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata';

export const PF_DATA = 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata';

export const PORTAL_WC = 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config';

export const MOBILE_WC = 'C:\\inetpub\\wwwroot\\MultiFactorAuthMobileAppWebService\\web.config';

export const ADFS_DIR = 'C:\\Program Files\\Multi-Factor Authentication Server';

export const ADFS_CFG = `${ADFS_DIR}\\MultiFactorAuthenticationAdfsAdapter.config`;

/** MFA Server 7.0 below the 8.1 target: upgrade path in-place. */
export const server70 = () => comp('server', '7.0.2.1');

/** MFA Server at the target: upgrade path none. */
export const server81 = () => comp('server', '8.1.0.0');

/** PhoneFactor Agent 5.x: upgrade path phonefactor-agent. */
export const agent5 = () => comp('agent', '5.2.1.2');

export function mfaHost(over: Parameters<typeof makeFacts>[0] = {}, server = server70()): Facts {
  return makeFacts({ components: [server], dataFile: backup(DATA), ...over });
}

export function adfsHost(version = '7.3.0.3', over: Parameters<typeof makeFacts>[0] = {}): Facts {
  const files = [
    'MultiFactorAuthenticationAdfsAdapterSetup64.msi',
    'Register-MultiFactorAuthenticationAdfsAdapter.ps1',
    'Unregister-MultiFactorAuthenticationAdfsAdapter.ps1',
    'MultiFactorAuthenticationAdfsAdapter.config',
  ];
  return makeFacts({
    components: [comp('adfs-adapter', version)],
    adfs: {
      folder: ADFS_DIR,
      files: files.map((name) => ({ name, present: true, path: `${ADFS_DIR}\\${name}` })),
      registerScript: {
        path: `${ADFS_DIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`,
        passesConfigurationFilePath: true,
        readError: null,
      },
      config: {
        path: ADFS_CFG,
        exists: true,
        parseError: null,
        backup: backup(ADFS_CFG, [
          candidate('E:\\Backups\\ADFS\\MultiFactorAuthenticationAdfsAdapter.config', true, { reason: 'backup-folder' }),
        ]),
      },
      configDiff: null,
      oldProviderName: 'AzureMfaServerAuthentication',
    },
    ...over,
  });
}

export function withAdfs(f: Facts, patch: Partial<NonNullable<Facts['adfs']>>): Facts {
  return { ...f, adfs: { ...f.adfs!, ...patch } };
}

export const portalHost = (wc: Facts['userPortal'], server = server70()) =>
  makeFacts({ components: [server, comp('user-portal', server.version)], dataFile: backup(DATA), userPortal: wc });

export const themesDir = 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes';

export const DEFAULT_THEME = `${themesDir}\\Default`;

export const ref = { time: '2025-03-04T00:00:00.000Z', source: 'Uninstall InstallDate' };

export const mobileHost = (server: ReturnType<typeof comp>, wc: Facts['mobileApp']) =>
  makeFacts({
    components: [
      server,
      comp(
        'mobile-app',
        server.version,
        server.component === 'agent' ? { installPath: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService' } : {},
      ),
    ],
    dataFile: backup(DATA),
    mobileApp: wc,
  });

export const missingVc = (arch: 'x64' | 'x86') => vc(arch, { installed: false, version: null, major: null, minor: null, bld: null });

export function vcCases(id: string, arch: 'x64' | 'x86') {
  const set = (f: Facts, v: ReturnType<typeof vc>): Facts => ({ ...f, vcredist: { ...f.vcredist, [arch]: v } });
  const web = () => makeFacts({ components: [comp('user-portal', '6.3.0.0')] });
  return {
    valid: [
      {
        name: '2015 Update 1 exactly (14.0.23506)',
        facts: set(web(), vc(arch, { major: 14, minor: 0, bld: 23506, version: 'v14.0.23506.00' })),
      },
      { name: '2015-2022 runtime 14.40', facts: set(web(), vc(arch, { major: 14, minor: 40, bld: 33810 })) },
      {
        name: 'target before 7.0',
        facts: set(makeFacts({ components: [comp('server', '6.0.0.0')] }), missingVc(arch)),
        opts: { targetVersion: '6.3' },
      },
      { name: 'at the target', facts: set(makeFacts({ components: [comp('user-portal', '8.1.0.0')] }), missingVc(arch)) },
    ] as Case[],
    invalid: [
      {
        name: 'missing on an MFA host: low (its installer adds it)',
        facts: set(mfaHost(), missingVc(arch)),
        findings: [{ messageId: 'missing', data: { arch }, severity: 'low', component: 'prerequisites' }],
      },
      {
        name: 'missing on a web host: critical',
        facts: set(web(), missingVc(arch)),
        findings: [{ messageId: 'missing', data: { arch }, severity: 'critical' }],
      },
      {
        name: 'missing on an AD FS host: critical',
        facts: set(adfsHost(), missingVc(arch)),
        findings: [{ messageId: 'missing', data: { arch }, severity: 'critical' }],
      },
      // The adapter's installer fails without it: checked at stage adfs too (issue 11 item 3).
      {
        name: 'missing on an AD FS host at stage adfs: critical',
        facts: set(adfsHost(), missingVc(arch)),
        opts: { stage: 'adfs' as const },
        findings: [{ messageId: 'missing', data: { arch }, severity: 'critical' }],
      },
      {
        name: '2015 RTM (14.0.23026) on a web host',
        facts: set(web(), vc(arch, { major: 14, minor: 0, bld: 23026, version: 'v14.0.23026.00' })),
        findings: [{ messageId: 'tooOld', data: { arch }, severity: 'critical' }],
      },
      {
        name: 'key present but Installed = 0',
        facts: set(web(), vc(arch, { installed: false })),
        findings: [{ messageId: 'missing', data: { arch }, severity: 'critical' }],
      },
      {
        name: 'not exported: unknown, keeps the host severity',
        facts: set(web(), vc(arch, { known: false, installed: false, major: null, minor: null, bld: null, version: null, evidence: [] })),
        findings: [{ messageId: 'unknown', data: { arch }, severity: 'critical', outcome: 'unknown' }],
      },
      {
        name: 'not exported on an MFA host: unknown, low',
        facts: set(
          mfaHost(),
          vc(arch, { known: false, installed: false, major: null, minor: null, bld: null, version: null, evidence: [] }),
        ),
        findings: [{ messageId: 'unknown', data: { arch }, severity: 'low', outcome: 'unknown' }],
      },
    ] as Invalid[],
  };
}

export const pfPortal = (over: Partial<ReturnType<typeof comp>> = {}) =>
  comp('user-portal', '5.2.1.2', { installPath: 'C:\\inetpub\\wwwroot\\PhoneFactor', virtualDirectory: '/PhoneFactor', ...over });

export const pfSdk = (over: Partial<ReturnType<typeof comp>> = {}) =>
  comp('web-service-sdk', '5.2.1.2', {
    installPath: 'C:\\inetpub\\wwwroot\\PhoneFactorWebServiceSdk',
    virtualDirectory: '/PhoneFactorWebServiceSdk',
    ...over,
  });

export const pfMobile = (over: Partial<ReturnType<typeof comp>> = {}) =>
  comp('mobile-app', '5.2.1.2', {
    installPath: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService',
    virtualDirectory: '/PhoneFactorPhoneAppWebService',
    ...over,
  });

export const portalWithUrl = (url: string, thisHost: boolean, server = server70()) =>
  makeFacts({
    components: [server, comp('user-portal', server.version)],
    iis: {
      virtualDirectories: [
        vdir('/MultiFactorAuth', 'C:\\inetpub\\wwwroot\\MultiFactorAuth'),
        vdir('/MultiFactorAuthWebServiceSdk', 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk'),
      ],
    },
    sdkUrls: [sdkUrl('user-portal', PORTAL_WC, url, thisHost)],
  });

export const installers = (present: string[], needed: string[]) => ({
  folder: 'C:\\Program Files\\Multi-Factor Authentication Server',
  present,
  needed,
});

export const diff = (n: number) => ({
  saved: 'E:\\Backups\\ADFS\\MultiFactorAuthenticationAdfsAdapter.config',
  current: ADFS_CFG,
  differences: Array.from({ length: n }, (_, i) => ({
    kind: 'changed' as const,
    path: `/ConfigurationData/Setting${i}`,
    old: 'a',
    new: 'b',
  })),
});
