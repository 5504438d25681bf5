import { describe, expect, it } from 'vitest';
import { runFleetRules } from '../../src/fleet/rules/index.js';
import type { HostSummary } from '../../src/fleet/types.js';
import { host, portal, roles } from './helpers.js';

const run = (hosts: HostSummary[], targetVersion = '8.1') => runFleetRules({ hosts, targetVersion, stage: 'pre' });
const ids = (hosts: HostSummary[], targetVersion?: string) => run(hosts, targetVersion).map((f) => `${f.ruleId}:${f.host}:${f.outcome}`);
const SDK = (h: string, vdir = 'MultiFactorAuthWebServiceSdk') => `https://${h.toLowerCase()}.contoso.local/${vdir}/PfWsSdk.asmx`;

describe('fleet rules', () => {
  const pair = () => [
    host('MFA01', { roles: roles('primary') }),
    host('MFA02', { roles: roles('subordinate') }),
    portal('WEB01', SDK('MFA01')),
  ];

  it('a healthy pair with a portal raises nothing', () => {
    expect(ids(pair())).toEqual([]);
  });

  it('MFA-FLEET-001: subordinates with no primary', () => {
    expect(ids([host('MFA02', { roles: roles('subordinate') }), host('MFA03', { roles: roles('subordinate') })])).toEqual([
      'MFA-FLEET-001:MFA02:fail',
    ]);
  });

  it('MFA-FLEET-002: two primaries in one group (critical), not across groups', () => {
    const f = run([host('MFA11', { roles: roles('primary', 'EU') }), host('MFA12', { roles: roles('primary', 'EU') })]);
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['MFA-FLEET-002', 'critical']]);
    expect(f[0].message).toContain('MFA11, MFA12');
    expect(ids([host('MFA11', { roles: roles('primary', 'EU') }), host('MFA21', { roles: roles('primary', 'US') })])).toEqual([]);
  });

  it('MFA-FLEET-003: a subordinate newer than its primary; equal or older is fine', () => {
    const newer = host('MFA02', {
      roles: roles('subordinate'),
      components: [{ component: 'server', version: '8.1.2.1', virtualDirectory: null, installPath: 'C:\\MFA' }],
    });
    expect(ids([host('MFA01', { roles: roles('primary') }), newer], '8.1')).toContain('MFA-FLEET-003:MFA02:fail');
    expect(ids(pair()).filter((x) => x.startsWith('MFA-FLEET-003'))).toEqual([]);
  });

  it('MFA-FLEET-004: a server with no upgrade pending at another version than the rest after the plan', () => {
    const ahead = host('MFA02', {
      roles: roles('subordinate'),
      upgradePath: 'none',
      components: [{ component: 'server', version: '8.1.2.1', virtualDirectory: null, installPath: 'C:\\MFA' }],
    });
    const f = run([host('MFA01', { roles: roles('primary') }), ahead], '8.1');
    expect(f.map((x) => x.ruleId)).toContain('MFA-FLEET-004');
    expect(f.find((x) => x.ruleId === 'MFA-FLEET-004')!.message).toContain('MFA02 8.1.2.1 (no upgrade pending)');
    // The same server with target 8.1.2.1: everyone ends at 8.1.2.1.
    expect(ids([host('MFA01', { roles: roles('primary') }), ahead], '8.1.2.1').filter((x) => x.startsWith('MFA-FLEET-004'))).toEqual([]);
  });

  it('MFA-FLEET-005: an SDK URL naming a host outside the fleet; unknown where the report gives no URL', () => {
    const out = run([host('MFA01', { roles: roles('standalone') }), portal('WEB11', SDK('MFA19'))]);
    expect(out.map((f) => `${f.ruleId}:${f.outcome}`)).toContain('MFA-FLEET-005:fail');
    expect(out.find((f) => f.ruleId === 'MFA-FLEET-005')!.evidence[0].observed).toContain('mfa19.contoso.local');
    expect(ids([host('MFA01', { roles: roles('standalone') }), portal('WEB01', null)])).toEqual(['MFA-FLEET-005:WEB01:unknown']);
    expect(ids(pair()).filter((x) => x.startsWith('MFA-FLEET-005'))).toEqual([]);
    // A name bound on the MFA Server's IIS site (a DNS alias) names that server.
    const bound = host('MFA01', { roles: roles('standalone'), boundHostNames: ['mfa.contoso.com'] });
    expect(ids([bound, portal('WEB01', 'https://mfa.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx')])).toEqual([]);
  });

  it('MFA-FLEET-006: an SDK URL naming a fleet host but a virtual directory it lacks', () => {
    const out = ids([host('MFA01', { roles: roles('standalone') }), portal('WEB01', SDK('MFA01', 'PhoneFactorWebServiceSdk'))]);
    expect(out).toEqual(['MFA-FLEET-006:WEB01:fail']);
    // Case-insensitive match of the virtual directory.
    expect(ids([host('MFA01', { roles: roles('standalone') }), portal('WEB01', SDK('MFA01', 'multifactorauthwebservicesdk'))])).toEqual([]);
    // The server's IIS unknown: unknown, not pass.
    const blind = host('MFA01', {
      roles: roles('standalone'),
      virtualDirectories: null,
      components: [{ component: 'server', version: '8.0.1.1', virtualDirectory: null, installPath: 'C:\\MFA' }],
    });
    expect(ids([blind, portal('WEB01', SDK('MFA01'))])).toEqual(['MFA-FLEET-006:WEB01:unknown']);
  });

  it('MFA-FLEET-007: a web or AD FS host whose MFA Server is not in the fleet', () => {
    expect(ids([portal('WEB01', null)])).toContain('MFA-FLEET-007:WEB01:fail');
    const adfs = portal('ADFS01', SDK('MFA19'), {
      hostRole: 'adfs-host',
      components: [{ component: 'adfs-adapter', version: '8.0.1.1', virtualDirectory: null, installPath: 'C:\\MFA' }],
    });
    expect(ids([host('MFA01', { roles: roles('standalone') }), adfs])).toContain('MFA-FLEET-007:ADFS01:fail');
    expect(ids(pair()).filter((x) => x.startsWith('MFA-FLEET-007'))).toEqual([]);
  });

  it('MFA-FLEET-008: a failed target is a finding with its reason', () => {
    const failed = host('MFA13', { status: 'failed', reason: 'unreadable zip: truncated', hostRole: null, verdict: null });
    const f = run([...pair(), failed]).filter((x) => x.ruleId === 'MFA-FLEET-008');
    expect(f.map((x) => [x.host, x.outcome])).toEqual([['MFA13', 'unknown']]);
    expect(f[0].message).toContain('unreadable zip: truncated');
    expect(ids(pair()).filter((x) => x.startsWith('MFA-FLEET-008'))).toEqual([]);
  });

  it('MFA-FLEET-009: one server given twice (any case) is critical, and is not a second primary', () => {
    const again = host('mfa01', { roles: roles('primary'), target: '/bundles/MFA01-collected-again' });
    const f = run([...pair(), again]);
    expect(f.map((x) => `${x.ruleId}:${x.host}:${x.severity}`)).toEqual(['MFA-FLEET-009:MFA01:critical']);
    expect(f[0].message).toContain('2 times (/bundles/MFA01, /bundles/MFA01-collected-again)');
    expect(f[0].evidence.map((e) => e.location)).toEqual(['/bundles/MFA01/bundle.json', '/bundles/MFA01-collected-again/bundle.json']);
    // A target that failed has no trustworthy name: MFA-FLEET-008 only.
    const failed = host('MFA01', { status: 'failed', reason: 'not a host copy', target: '/bundles/MFA01-broken' });
    expect(ids([...pair(), failed]).filter((x) => x.startsWith('MFA-FLEET-009'))).toEqual([]);
    // Two real primaries are still MFA-FLEET-002.
    expect(ids([host('MFA11', { roles: roles('primary', 'EU') }), host('MFA12', { roles: roles('primary', 'EU') })])).toEqual([
      'MFA-FLEET-002:MFA11:fail',
    ]);
  });

  it('MFA-CMP-002 in the fleet: none where a pending upgrade brings the installers (any release, PhoneFactor 5.x too)', () => {
    // Issue 11 item 13: two deployments, every server lacking the MSIs today, portals on both: the upgrade of each
    // deployment's servers writes the target release's MSIs, so nothing is missing (was one finding per server and MSI).
    const bare = { folder: 'C:\\Program Files\\PhoneFactor', present: [] };
    const hosts = [
      host('MFA01', { roles: roles('primary'), installers: bare }),
      host('MFA02', { roles: roles('subordinate'), installers: bare }),
      host('MFA11', {
        roles: roles('primary', 'EU'),
        installers: bare,
        upgradePath: 'phonefactor-agent',
        components: [{ component: 'agent', version: '5.2.1.2', virtualDirectory: null, installPath: 'C:\\Program Files\\PhoneFactor' }],
      }),
      host('MFA12', { roles: roles('subordinate', 'EU'), installers: bare }),
      portal('WEB01', SDK('MFA01')),
      portal('WEB11', SDK('MFA11')),
    ];
    expect(ids(hosts).filter((x) => x.startsWith('MFA-CMP-002'))).toEqual([]);
  });

  it('MFA-CMP-002 in the fleet: once per deployment already at the target, on its primary, for the clients that use it', () => {
    const done = { upgradePath: 'none' as const };
    const none = { folder: 'C:\\MFA', present: [] };
    const upOnly = { folder: 'C:\\MFA', present: ['MultiFactorAuthenticationUserPortalSetup64.msi'] };
    const web = (n: string, url: string) =>
      portal(n, url, {
        components: [
          { component: 'mobile-app', version: '8.0.1.1', virtualDirectory: '/MultiFactorAuthMobileAppWebService', installPath: null },
          { component: 'user-portal', version: '8.0.1.1', virtualDirectory: '/MultiFactorAuth', installPath: null },
        ],
      });
    const f = run([
      host('MFA01', { ...done, roles: roles('primary'), installers: none }),
      host('MFA02', { ...done, roles: roles('subordinate'), installers: upOnly }),
      host('MFA11', { ...done, roles: roles('primary', 'EU'), installers: none }),
      host('MFA12', { ...done, roles: roles('subordinate', 'EU'), installers: none }),
      web('WEB01', SDK('MFA02')),
    ]).filter((x) => x.ruleId === 'MFA-CMP-002');
    // HQ: MFA02 holds the portal MSI, so one server is enough; the Mobile App MSI is in neither: one finding, on the
    // primary. EU serves no client: nothing.
    expect(f.map((x) => [x.host, x.outcome, x.evidence.map((e) => e.location)])).toEqual([
      [
        'MFA01',
        'fail',
        [
          'C:\\MFA\\MultiFactorAuthenticationMobileAppWebServiceSetup64.msi',
          'C:\\MFA\\MultiFactorAuthenticationMobileAppWebServiceSetup64.msi',
        ],
      ],
    ]);
    expect(f[0].message).toContain('group HQ');
    expect(f[0].message).toContain('WEB01 need it');
    expect(f[0].message).toContain('MFA Server 8.1 release');
    // Read reports (install folders not checked): one unknown for the deployment, not one per server and MSI.
    const read = { ...done, status: 'read' as const, installers: null };
    expect(
      ids([
        host('MFA01', { ...read, roles: roles('primary') }),
        host('MFA02', { ...read, roles: roles('subordinate') }),
        web('WEB01', SDK('MFA01')),
      ]).filter((x) => x.startsWith('MFA-CMP-002')),
    ).toEqual(['MFA-CMP-002:MFA01:unknown']);
  });

  it('aliases: a pool URL names every server behind it; a member serving the SDK under another name is MFA-FLEET-006', () => {
    const POOL = 'https://mfasdk.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx';
    const alias = { aliases: ['mfasdk.contoso.com'] };
    const odd = host('MFA02', {
      ...alias,
      roles: roles('subordinate'),
      virtualDirectories: ['/', '/MFASDK'],
      components: [
        { component: 'server', version: '8.0.1.1', virtualDirectory: null, installPath: 'C:\\MFA' },
        { component: 'web-service-sdk', version: '8.0.1.1', virtualDirectory: '/MFASDK', installPath: null },
      ],
    });
    const f = run([host('MFA01', { ...alias, roles: roles('primary') }), odd, portal('WEB01', POOL)]);
    // Not dangling any more (issue 11 item 11): the alias names MFA01 and MFA02.
    expect(f.map((x) => `${x.ruleId}:${x.host}`)).toEqual(['MFA-FLEET-006:WEB01']);
    expect(f[0].message).toContain(
      'a name shared by MFA01, MFA02; MFA02 has no /MultiFactorAuthWebServiceSdk virtual directory (it serves /MFASDK)',
    );
    // Without aliases the same URL is a host outside the fleet, and the message says how to declare the alias.
    const bare = run([host('MFA01', { roles: roles('primary') }), host('MFA02', { roles: roles('subordinate') }), portal('WEB01', POOL)]);
    expect(bare.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['MFA-FLEET-005', 'MFA-FLEET-007']));
    expect(bare.find((x) => x.ruleId === 'MFA-FLEET-005')!.message).toContain('collect --alias mfasdk.contoso.com');
  });

  it('MFA-FLEET-010: on the PhoneFactor path, names every application that reaches the SDK under its old name', () => {
    const pf = host('PF01', {
      roles: roles('standalone', null),
      upgradePath: 'phonefactor-agent',
      virtualDirectories: ['/', '/PhoneFactorWebServiceSdk'],
      components: [
        { component: 'agent', version: '5.2.1.2', virtualDirectory: null, installPath: 'C:\\Program Files\\PhoneFactor' },
        { component: 'web-service-sdk', version: '5.2.1.2', virtualDirectory: '/PhoneFactorWebServiceSdk', installPath: null },
      ],
      sdkUrls: [
        {
          component: 'mobile-app',
          file: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\web.config',
          url: 'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
          host: 'localhost',
          vdir: 'PhoneFactorWebServiceSdk',
        },
      ],
    });
    const f = run([
      pf,
      portal('WEB21', SDK('PF01', 'PhoneFactorWebServiceSdk'), { upgradePath: 'phonefactor-agent' }),
      portal('WEB22', SDK('PF01')),
    ]).filter((x) => x.ruleId === 'MFA-FLEET-010');
    expect(f.map((x) => [x.host, x.severity])).toEqual([['PF01', 'high']]);
    expect(f[0].message).toContain('PF01 mobile-app');
    expect(f[0].message).toContain('WEB21 user-portal');
    expect(f[0].message).not.toContain('WEB22');
    expect(f[0].message).toContain('Type PhoneFactorWebServiceSdk as the virtual directory');
    // An in-place upgrade keeps the SDK: nothing.
    expect(
      ids([host('MFA01', { roles: roles('standalone', null) }), portal('WEB01', SDK('MFA01'))]).filter((x) =>
        x.startsWith('MFA-FLEET-010'),
      ),
    ).toEqual([]);
  });

  it('MFA-FLEET-011: an AD FS farm of one server is an outage; two servers are not', () => {
    const adfs = (n: string, farm: string | null) =>
      host(n, {
        hostRole: 'adfs-host',
        installers: null,
        roles: roles(null, null, farm),
        components: [{ component: 'adfs-adapter', version: '8.0.1.1', virtualDirectory: null, installPath: null }],
        sdkUrls: [],
      });
    const base = [host('MFA01', { roles: roles('standalone', null) })];
    expect(ids([...base, adfs('ADFS01', 'sts.contoso.com')]).filter((x) => x.startsWith('MFA-FLEET-011'))).toEqual([
      'MFA-FLEET-011:ADFS01:fail',
    ]);
    expect(
      ids([...base, adfs('ADFS01', 'sts.contoso.com'), adfs('ADFS02', 'sts.contoso.com')]).filter((x) => x.startsWith('MFA-FLEET-011')),
    ).toEqual([]);
    expect(run([...base, adfs('ADFS09', null)]).find((x) => x.ruleId === 'MFA-FLEET-011')!.message).toContain('not named in bundle.json');
  });

  it('finding ids are stable and have the host finding shape', () => {
    const a = run([host('MFA11', { roles: roles('primary', 'EU') }), host('MFA12', { roles: roles('primary', 'EU') })]);
    const b = run([host('MFA12', { roles: roles('primary', 'EU') }), host('MFA11', { roles: roles('primary', 'EU') })].reverse());
    expect(a[0].id).toBe(b[0].id);
    expect(a[0].id).toMatch(/^MFA-FLEET-002-[0-9a-f]{8}$/);
    expect(Object.keys(a[0])).toEqual(
      expect.arrayContaining(['id', 'ruleId', 'outcome', 'severity', 'title', 'message', 'component', 'evidence', 'planSteps', 'waiver']),
    );
  });
});
