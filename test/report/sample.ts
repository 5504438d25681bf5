/**
 * A realistic report of a PhoneFactor Agent 5.x all-in-one host (agent, User Portal, Mobile App
 * Web Service, Web Service SDK) before an upgrade to 8.1, with hostile values planted in evidence.
 */
import type { Finding, PlanStep, Report } from '../../src/types.js';
import { computeVerdict } from '../../src/report/verdict.js';

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  pipes: '| pipes |',
  bold: '**bold**',
  handlebars: '{{handlebars}}',
  ansi: '\u001b[31mred\u001b[0m',
};

const seed24 = (section: string) => ({ file: 'upgrade-phonefactor-agent-2024.md', section });

function finding(p: Partial<Finding> & Pick<Finding, 'id' | 'ruleId' | 'severity' | 'title' | 'message' | 'component'>): Finding {
  return { outcome: 'fail', evidence: [], seed: seed24('Install MFA Server'), planSteps: [], waiver: null, ...p };
}

export function sampleFindings(): Finding[] {
  return [
    finding({
      id: 'a1b2c3d4e5f6',
      ruleId: 'MFA-BKP-001',
      severity: 'critical',
      component: 'data',
      title: 'The data file has no backup',
      message: 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata has no candidate backup: copy it before the window.',
      evidence: [
        {
          source: 'file',
          location: 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata',
          observed: `size 18874368, no copy found ${HOSTILE.script}`,
        },
      ],
      seed: seed24('Back up the data file'),
      planSteps: ['backup:data'],
    }),
    finding({
      id: '0f9e8d7c6b5a',
      ruleId: 'MFA-PRQ-001',
      severity: 'critical',
      component: 'prerequisites',
      outcome: 'unknown',
      title: '.NET Framework 4.5 or newer is missing',
      message:
        'The registry exports do not cover SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full: could not tell whether .NET 4.5 is installed.',
      evidence: [
        {
          source: 'registry',
          location: 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full\\Release',
          observed: 'not covered by any export',
        },
      ],
      seed: seed24('Prerequisites'),
      planSteps: ['install:prerequisites:dotnet'],
    }),
    finding({
      id: '11aa22bb33cc',
      ruleId: 'MFA-BKP-010',
      severity: 'high',
      component: 'user-portal',
      title: "The User Portal's web.config has no current backup",
      message: 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config changed after its only copy.',
      evidence: [
        {
          source: 'file',
          location: 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config',
          observed: `mtime 2025-03-02T10:11:12Z ${HOSTILE.pipes}`,
        },
        { source: 'file', location: 'D:\\Backups\\PhoneFactor\\web.config.bak', observed: `mtime 2024-01-05T08:00:00Z ${HOSTILE.bold}` },
      ],
      seed: seed24('Back up the User Portal'),
      planSteps: ['backup:user-portal:web.config'],
    }),
    finding({
      id: '44dd55ee66ff',
      ruleId: 'MFA-LIFE-001',
      severity: 'high',
      component: 'agent',
      title: 'MFA Server no longer services MFA requests',
      message: 'MFA Server stopped servicing MFA requests on 2024-09-30; upgrade to 8.1 and migrate users with the Migration Utility.',
      evidence: [
        {
          source: 'registry',
          location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{5F1B2B1E-0001}\\DisplayVersion',
          observed: '5.1.12.0',
        },
      ],
      seed: { file: 'upgrade-mfa-server-2024.md', section: 'Overview' },
      waiver: { reason: 'Upgrade is the first step of the cloud migration, CHG0012345', expires: '2027-01-31' },
    }),
    finding({
      id: '77aa88bb99cc',
      ruleId: 'MFA-BKP-013',
      severity: 'high',
      component: 'mobile-app',
      title: "The Mobile App Web Service's web.config has no current backup",
      message: `No copy of C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\web.config; setting ${HOSTILE.handlebars}.`,
      evidence: [
        {
          source: 'file',
          location: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\web.config',
          observed: `WEB_SERVICE_SDK_AUTHENTICATION_USERNAME=${HOSTILE.ansi}`,
        },
      ],
      seed: seed24('Back up the Mobile App Web Service'),
      planSteps: ['backup:mobile-app:web.config'],
    }),
    finding({
      id: 'c0ffee000001',
      ruleId: 'MFA-VDIR-001',
      severity: 'medium',
      component: 'user-portal',
      title: 'The User Portal runs under /PhoneFactor',
      message: 'The new default is /MultiFactorAuth: give the old name at install, or update the portal URL and tell users.',
      evidence: [
        {
          source: 'iis',
          location: 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config',
          observed: 'Default Web Site/PhoneFactor -> C:\\inetpub\\wwwroot\\PhoneFactor',
        },
      ],
      seed: seed24('Install the User Portal'),
      planSteps: ['install:user-portal', 'notify:user-portal'],
    }),
    finding({
      id: 'c0ffee000002',
      ruleId: 'MFA-VDIR-002',
      severity: 'medium',
      component: 'web-service-sdk',
      title: 'The Web Service SDK runs under /PhoneFactorWebServiceSdk',
      message: 'The new default is /MultiFactorAuthWebServiceSdk. 2 configs point at the old URL.',
      evidence: [
        {
          source: 'file',
          location: 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config',
          observed: 'pfup_pfwssdk_PfWsSdk = https://mfa01.contoso.local/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
        },
        {
          source: 'file',
          location: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\web.config',
          observed: 'pfpaws_pfwssdk_PfWsSdk = https://mfa01.contoso.local/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
        },
      ],
      seed: seed24('Install the Web Service SDK'),
      planSteps: ['install:web-service-sdk', 'configure:user-portal'],
    }),
    finding({
      id: 'c0ffee000003',
      ruleId: 'MFA-HA-002',
      severity: 'medium',
      component: 'agent',
      title: 'The replication role is unknown',
      message: 'Say whether this host is primary, subordinate or standalone in bundle.json or with --role.',
      evidence: [{ source: 'bundle', location: 'bundle.json', observed: 'roles: absent' }],
      seed: seed24('Before you begin'),
    }),
    finding({
      id: 'd00d00000001',
      ruleId: 'MFA-CMP-003',
      severity: 'low',
      component: 'mobile-app',
      title: 'The Mobile App Web Service is not needed from 8.0',
      message: 'Do not reinstall it after the upgrade.',
      evidence: [
        {
          source: 'registry',
          location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{5F1B2B1E-0003}\\DisplayName',
          observed: 'PhoneFactor Mobile App Web Service',
        },
      ],
      seed: { file: 'upgrade-mfa-server-2024.md', section: 'Mobile App Web Service' },
    }),
    finding({
      id: 'd00d00000002',
      ruleId: 'MFA-PRQ-002',
      severity: 'low',
      component: 'prerequisites',
      title: 'The x64 Visual C++ 2015 runtime is missing',
      message: 'The MFA Server installer adds it; accept its prompt.',
      evidence: [{ source: 'registry', location: 'HKLM\\SOFTWARE\\Microsoft\\VisualStudio\\14.0\\VC\\Runtimes\\x64', observed: 'absent' }],
      seed: seed24('Prerequisites'),
    }),
    finding({
      id: 'e0e0e0000001',
      ruleId: 'MFA-INV-001',
      severity: 'info',
      component: 'host',
      title: 'Components found: upgrade path phonefactor-agent',
      message: 'PhoneFactor Agent 5.1.12.0, User Portal 5.1.12.0, Mobile App Web Service 5.1.12.0, Web Service SDK 5.1.12.0.',
      evidence: [
        {
          source: 'registry',
          location: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\\InstallPath',
          observed: 'C:\\Program Files\\PhoneFactor\\',
        },
      ],
      seed: seed24('Overview'),
    }),
  ];
}

export function samplePlan(): PlanStep[] {
  const s = (
    order: number,
    id: string,
    action: PlanStep['action'],
    component: PlanStep['component'],
    phase: PlanStep['phase'],
    title: string,
    because: string[],
    dependsOn: string[] = [],
    detail = '',
  ): PlanStep => ({ order, id, action, component, phase, title, detail, because, dependsOn });
  return [
    s(1, 'prepare:server', 'prepare', 'server', 'before-window', 'Download the latest MFA Server installer (8.1)', ['MFA-LIFE-001']),
    s(
      2,
      'backup:data',
      'backup',
      'data',
      'before-window',
      'Back up the data file',
      ['MFA-BKP-001'],
      [],
      'Copy C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata to D:\\Backups\\PhoneFactor\\.',
    ),
    s(3, 'backup:user-portal:web.config', 'backup', 'user-portal', 'before-window', "Back up the User Portal's web.config", [
      'MFA-BKP-010',
    ]),
    s(4, 'backup:mobile-app:web.config', 'backup', 'mobile-app', 'before-window', "Back up the Mobile App Web Service's web.config", [
      'MFA-BKP-013',
    ]),
    s(5, 'install:prerequisites:dotnet', 'install', 'prerequisites', 'before-window', 'Install .NET Framework 4.8', ['MFA-PRQ-001']),
    s(
      6,
      'uninstall:user-portal',
      'uninstall',
      'user-portal',
      'in-window',
      'Uninstall the User Portal',
      [],
      ['backup:user-portal:web.config'],
    ),
    s(
      7,
      'uninstall:mobile-app',
      'uninstall',
      'mobile-app',
      'in-window',
      'Uninstall the Mobile App Web Service',
      [],
      ['backup:mobile-app:web.config'],
    ),
    s(8, 'uninstall:web-service-sdk', 'uninstall', 'web-service-sdk', 'in-window', 'Uninstall the Web Service SDK', []),
    s(9, 'uninstall:agent', 'uninstall', 'agent', 'in-window', 'Uninstall the PhoneFactor Agent', [], ['backup:data']),
    s(
      10,
      'install:server',
      'install',
      'server',
      'in-window',
      'Install MFA Server 8.1 into C:\\Program Files\\PhoneFactor',
      ['MFA-LIFE-001'],
      ['uninstall:agent'],
    ),
    s(
      11,
      'install:web-service-sdk',
      'install',
      'web-service-sdk',
      'in-window',
      'Install the Web Service SDK',
      ['MFA-VDIR-002'],
      ['install:server'],
    ),
    s(
      12,
      'install:user-portal',
      'install',
      'user-portal',
      'in-window',
      'Install the User Portal as /PhoneFactor',
      ['MFA-VDIR-001'],
      ['install:web-service-sdk'],
    ),
    s(
      13,
      'configure:user-portal',
      'configure',
      'user-portal',
      'after-upgrade',
      'Carry the User Portal settings over from the backup',
      ['MFA-BKP-010', 'MFA-VDIR-002'],
      ['install:user-portal'],
      `Compare with the backed-up web.config ${HOSTILE.script}`,
    ),
    s(14, 'verify:server', 'verify', 'server', 'after-upgrade', 'Check that users and settings are there', []),
    s(15, 'notify:user-portal', 'notify', 'user-portal', 'after-upgrade', 'Tell users the User Portal URL', ['MFA-VDIR-001']),
  ];
}

export function sampleReport(failOn: Report['verdict']['failOn'] = 'high'): Report {
  const findings = sampleFindings();
  const ev = (location: string, observed: string) => [{ source: 'registry' as const, location, observed }];
  return {
    schemaVersion: 1,
    tool: { name: 'mfa-readiness', version: '0.1.0', rulesetVersion: '2026.11' },
    scan: {
      startedAt: '2026-11-21T09:00:00Z',
      target: { kind: 'bundle', location: '/srv/bundles/MFA01' },
      targetVersion: '8.1',
      stage: 'pre',
      inputDigest: 'sha256:' + '3f'.repeat(32),
    },
    host: {
      name: 'MFA01',
      os: { caption: 'Microsoft Windows Server 2012 R2 Standard', version: '6.3.9600', architecture: '64-bit' },
      roles: { replication: null, replicationGroup: null, loadBalanced: null, adfsFarm: null, source: 'unknown' },
      hostRole: 'mfa-host',
    },
    inventory: {
      upgradePath: 'phonefactor-agent',
      components: [
        {
          component: 'agent',
          installed: true,
          version: '5.1.12.0',
          displayName: 'PhoneFactor Agent',
          installPath: 'C:\\Program Files\\PhoneFactor\\',
          installDate: '20140312',
          virtualDirectory: null,
          virtualDirectoryKnown: true,
          evidence: ev('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{5F1B2B1E-0001}', 'PhoneFactor Agent 5.1.12.0'),
        },
        {
          component: 'user-portal',
          installed: true,
          version: '5.1.12.0',
          displayName: 'PhoneFactor User Portal',
          installPath: 'C:\\inetpub\\wwwroot\\PhoneFactor\\',
          installDate: '20140312',
          virtualDirectory: '/PhoneFactor',
          virtualDirectoryKnown: true,
          evidence: ev(
            'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{5F1B2B1E-0002}',
            'PhoneFactor User Portal 5.1.12.0',
          ),
        },
        {
          component: 'mobile-app',
          installed: true,
          version: null,
          displayName: `PhoneFactor Mobile App ${HOSTILE.script}`,
          installPath: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\',
          installDate: null,
          virtualDirectory: '/PhoneFactorPhoneAppWebService',
          virtualDirectoryKnown: true,
          evidence: ev(
            'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{5F1B2B1E-0003}',
            'PhoneFactor Mobile App Web Service',
          ),
        },
        {
          component: 'web-service-sdk',
          installed: true,
          version: '5.1.12.0',
          displayName: 'PhoneFactor Web Service SDK',
          installPath: 'C:\\inetpub\\wwwroot\\PhoneFactorWebServiceSdk\\',
          installDate: '20140312',
          virtualDirectory: '/PhoneFactorWebServiceSdk',
          virtualDirectoryKnown: true,
          evidence: ev(
            'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{5F1B2B1E-0004}',
            'PhoneFactor Web Service SDK 5.1.12.0',
          ),
        },
      ],
      prerequisites: {
        dotnet: { known: false, release: null, evidence: [] },
        vcredist: {
          x64: {
            arch: 'x64',
            known: true,
            installed: false,
            version: null,
            major: null,
            minor: null,
            bld: null,
            evidence: ev('HKLM\\SOFTWARE\\Microsoft\\VisualStudio\\14.0\\VC\\Runtimes\\x64', 'absent'),
          },
          x86: {
            arch: 'x86',
            known: true,
            installed: true,
            version: 'v14.0.24215.01',
            major: 14,
            minor: 0,
            bld: 24215,
            evidence: ev('HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\VisualStudio\\14.0\\VC\\Runtimes\\x86\\Bld', '24215'),
          },
        },
      },
      virtualDirectories: [
        {
          site: 'Default Web Site',
          app: '/PhoneFactor',
          vdir: '/',
          urlPath: '/PhoneFactor',
          physicalPath: '%SystemDrive%\\inetpub\\wwwroot\\PhoneFactor',
        },
        {
          site: 'Default Web Site',
          app: '/PhoneFactorPhoneAppWebService',
          vdir: '/',
          urlPath: '/PhoneFactorPhoneAppWebService',
          physicalPath: '%SystemDrive%\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService',
        },
        {
          site: 'Default Web Site',
          app: '/PhoneFactorWebServiceSdk',
          vdir: '/',
          urlPath: '/PhoneFactorWebServiceSdk',
          physicalPath: '%SystemDrive%\\inetpub\\wwwroot\\PhoneFactorWebServiceSdk',
        },
      ],
      boundHostNames: [],
      sdkUrls: [],
    },
    verdict: computeVerdict(findings, 'phonefactor-agent', false, failOn),
    waivers: [
      {
        rule: 'MFA-LIFE-001',
        host: null,
        finding: null,
        reason: 'Upgrade is the first step of the cloud migration, CHG0012345',
        expires: '2027-01-31',
        status: 'applied',
      },
      {
        rule: 'MFA-VDIR-003',
        host: 'MFA02',
        finding: null,
        reason: 'Keeping /PhoneFactorPhoneAppWebService on MFA02',
        expires: null,
        status: 'unused',
      },
    ],
    findings,
    plan: samplePlan(),
    problems: [{ location: 'C:\\Program Files\\PhoneFactor\\Logs\\pfsvc.log', message: 'not in the bundle (manifest only)' }],
  };
}

export const SAMPLE_RULES_RAN = [
  { id: 'MFA-BKP-001', title: 'The data file has no backup', component: 'data' },
  { id: 'MFA-BKP-002', title: 'The data file has no current backup', component: 'data' },
  { id: 'MFA-BKP-010', title: "The User Portal's web.config has no current backup", component: 'user-portal' },
  { id: 'MFA-BKP-013', title: "The Mobile App Web Service's web.config has no current backup", component: 'mobile-app' },
  { id: 'MFA-CMP-003', title: 'The Mobile App Web Service is not needed from 8.0', component: 'mobile-app' },
  { id: 'MFA-HA-002', title: 'The replication role is unknown', component: 'server' },
  { id: 'MFA-INV-001', title: 'Components found', component: 'host' },
  { id: 'MFA-LIFE-001', title: 'MFA Server no longer services MFA requests', component: 'server' },
  { id: 'MFA-PRQ-001', title: '.NET Framework 4.5 or newer is missing', component: 'prerequisites' },
  { id: 'MFA-PRQ-002', title: 'The x64 Visual C++ 2015 runtime is missing', component: 'prerequisites' },
  { id: 'MFA-VDIR-001', title: 'The User Portal runs under /PhoneFactor', component: 'user-portal' },
  { id: 'MFA-VDIR-002', title: 'The Web Service SDK runs under /PhoneFactorWebServiceSdk', component: 'web-service-sdk' },
];
