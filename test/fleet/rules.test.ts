import { describe, expect, it } from 'vitest';
import { runFleetRules } from '../../src/fleet/rules/index.js';
import type { HostSummary } from '../../src/fleet/types.js';
import { host, portal, roles } from './helpers.js';

const run = (hosts: HostSummary[], targetVersion = '8.1') => runFleetRules({ hosts, targetVersion, stage: 'pre' });
const ids = (hosts: HostSummary[], targetVersion?: string) => run(hosts, targetVersion).map((f) => `${f.ruleId}:${f.host}:${f.outcome}`);
const SDK = (h: string, vdir = 'MultiFactorAuthWebServiceSdk') => `https://${h.toLowerCase()}.contoso.local/${vdir}/PfWsSdk.asmx`;

describe('fleet rules', () => {
  const pair = () => [host('MFA01', { roles: roles('primary') }), host('MFA02', { roles: roles('subordinate') }), portal('WEB01', SDK('MFA01'))];

  it('a healthy pair with a portal raises nothing', () => {
    expect(ids(pair())).toEqual([]);
  });

  it('MFA-FLEET-001: subordinates with no primary', () => {
    expect(ids([host('MFA02', { roles: roles('subordinate') }), host('MFA03', { roles: roles('subordinate') })])).toEqual(['MFA-FLEET-001:MFA02:fail']);
  });

  it('MFA-FLEET-002: two primaries in one group (critical), not across groups', () => {
    const f = run([host('MFA11', { roles: roles('primary', 'EU') }), host('MFA12', { roles: roles('primary', 'EU') })]);
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['MFA-FLEET-002', 'critical']]);
    expect(f[0].message).toContain('MFA11, MFA12');
    expect(ids([host('MFA11', { roles: roles('primary', 'EU') }), host('MFA21', { roles: roles('primary', 'US') })])).toEqual([]);
  });

  it('MFA-FLEET-003: a subordinate newer than its primary; equal or older is fine', () => {
    const newer = host('MFA02', { roles: roles('subordinate'), components: [{ component: 'server', version: '8.1.2.1', virtualDirectory: null, installPath: 'C:\\MFA' }] });
    expect(ids([host('MFA01', { roles: roles('primary') }), newer], '8.1')).toContain('MFA-FLEET-003:MFA02:fail');
    expect(ids(pair()).filter((x) => x.startsWith('MFA-FLEET-003'))).toEqual([]);
  });

  it('MFA-FLEET-004: a server with no upgrade pending at another version than the rest after the plan', () => {
    const ahead = host('MFA02', { roles: roles('subordinate'), upgradePath: 'none', components: [{ component: 'server', version: '8.1.2.1', virtualDirectory: null, installPath: 'C:\\MFA' }] });
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
    const blind = host('MFA01', { roles: roles('standalone'), virtualDirectories: null, components: [{ component: 'server', version: '8.0.1.1', virtualDirectory: null, installPath: 'C:\\MFA' }] });
    expect(ids([blind, portal('WEB01', SDK('MFA01'))])).toEqual(['MFA-FLEET-006:WEB01:unknown']);
  });

  it('MFA-FLEET-007: a web or AD FS host whose MFA Server is not in the fleet', () => {
    expect(ids([portal('WEB01', null)])).toContain('MFA-FLEET-007:WEB01:fail');
    const adfs = portal('ADFS01', SDK('MFA19'), { hostRole: 'adfs-host', components: [{ component: 'adfs-adapter', version: '8.0.1.1', virtualDirectory: null, installPath: 'C:\\MFA' }] });
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
    expect(ids([host('MFA11', { roles: roles('primary', 'EU') }), host('MFA12', { roles: roles('primary', 'EU') })])).toEqual(['MFA-FLEET-002:MFA11:fail']);
  });

  it('MFA-CMP-002 in the fleet: an MFA Server lacking the MSI a web host needs; none without web hosts', () => {
    const lacking = host('MFA02', { roles: roles('subordinate'), installers: { folder: 'C:\\MFA', present: [] } });
    const f = run([host('MFA01', { roles: roles('primary') }), lacking, portal('WEB01', SDK('MFA01'))]).filter((x) => x.ruleId === 'MFA-CMP-002');
    expect(f.map((x) => [x.host, x.evidence[0].location])).toEqual([['MFA02', 'C:\\MFA\\MultiFactorAuthenticationUserPortalSetup64.msi']]);
    expect(ids([host('MFA01', { roles: roles('primary') }), lacking]).filter((x) => x.startsWith('MFA-CMP-002'))).toEqual([]);
  });

  it('finding ids are stable and have the host finding shape', () => {
    const a = run([host('MFA11', { roles: roles('primary', 'EU') }), host('MFA12', { roles: roles('primary', 'EU') })]);
    const b = run([host('MFA12', { roles: roles('primary', 'EU') }), host('MFA11', { roles: roles('primary', 'EU') })].reverse());
    expect(a[0].id).toBe(b[0].id);
    expect(a[0].id).toMatch(/^MFA-FLEET-002-[0-9a-f]{8}$/);
    expect(Object.keys(a[0])).toEqual(expect.arrayContaining(['id', 'ruleId', 'outcome', 'severity', 'title', 'message', 'component', 'evidence', 'planSteps', 'waiver']));
  });
});
