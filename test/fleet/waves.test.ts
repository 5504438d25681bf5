import { describe, expect, it } from 'vitest';
import { buildWaves } from '../../src/fleet/waves.js';
import { renderFleetMarkdown } from '../../src/fleet/render.js';
import type { FleetReport } from '../../src/fleet/types.js';
import type { HostStep, HostSummary } from '../../src/fleet/types.js';
import { host, portal, roles } from './helpers.js';

const step = (id: string, phase: string, action: string, component: string, title: string, detail = ''): HostStep => ({
  id,
  phase,
  action,
  component,
  title,
  detail,
});
const serverPlan = [
  step('backup:data', 'before-window', 'backup', 'server', 'Back up the data file'),
  step('drain:host', 'in-window', 'drain', 'host', 'Take this server out of traffic'),
  step('install:server', 'in-window', 'install', 'server', 'Run the MFA Server installer'),
  step('restore:host', 'in-window', 'restore', 'host', 'Put this server back into traffic'),
];
const pfPlan = [
  step('uninstall:web-service-sdk', 'in-window', 'uninstall', 'web-service-sdk', 'Uninstall the Web Service SDK'),
  step('uninstall:agent', 'in-window', 'uninstall', 'agent', 'Uninstall the PhoneFactor Agent'),
  step('install:server', 'in-window', 'install', 'server', 'Install MFA Server 8.1 over the same path'),
  step(
    'install:web-service-sdk',
    'in-window',
    'install',
    'web-service-sdk',
    'Install the new Web Service SDK',
    'Virtual directory name: PhoneFactorWebServiceSdk (the new default is MultiFactorAuthWebServiceSdk).',
  ),
];
const portalPlan = [
  step('uninstall:user-portal', 'in-window', 'uninstall', 'user-portal', 'Uninstall the User Portal'),
  step('prepare:user-portal', 'in-window', 'prepare', 'user-portal', 'Copy the installers from an upgraded MFA Server'),
  step(
    'install:user-portal',
    'in-window',
    'install',
    'user-portal',
    'Install the new User Portal',
    'Type PhoneFactor as the virtual directory.',
  ),
];
const adfsPlan = [
  step('drain:host:adfs-first-half', 'in-window', 'drain', 'host', 'Remove part of the farm; the others keep serving'),
  step(
    'install:adfs-adapter',
    'in-window',
    'install',
    'adfs-adapter',
    'Install the new AD FS adapter',
    'Run MultiFactorAuthenticationAdfsAdapterSetup64.msi.',
  ),
];
const adfs = (name: string, farm: string | null) =>
  host(name, {
    hostRole: 'adfs-host',
    installers: null,
    roles: roles(null, null, farm),
    components: [{ component: 'adfs-adapter', version: '7.3.0.3', virtualDirectory: null, installPath: null }],
    plan: adfsPlan,
  });
const flat = (hosts: HostSummary[]) =>
  buildWaves(hosts).map(
    (w) => `${w.order}/${w.slot} ${w.kind}${w.track ? ` [${w.track}]` : ''}: ${w.steps.map((s) => `${s.host} ${s.id}`).join(', ')}`,
  );

describe('fleet waves', () => {
  it("PhoneFactor path: the web servers' old parts are uninstalled before the MFA Server is installed, reinstalled after", () => {
    const pf = host('PF01', { roles: roles('standalone', null), upgradePath: 'phonefactor-agent', plan: pfPlan });
    const web = portal('WEB21', 'https://pf01.contoso.local/PhoneFactorWebServiceSdk/x.asmx', {
      upgradePath: 'phonefactor-agent',
      plan: portalPlan,
    });
    const all = buildWaves([pf, web]).flatMap((w) => w.steps.map((s) => `${s.host} ${s.id}`));
    expect(all.indexOf('WEB21 uninstall:user-portal')).toBeLessThan(all.indexOf('PF01 install:server'));
    expect(all.indexOf('PF01 install:server')).toBeLessThan(all.indexOf('WEB21 install:user-portal'));
    expect(buildWaves([pf, web])[0]).toMatchObject({ kind: 'phonefactor-uninstall', hosts: ['WEB21'] });
    // An in-place fleet keeps the portal's uninstall in its own wave.
    const inPlace = buildWaves([
      host('MFA01', { roles: roles('standalone', null), plan: serverPlan }),
      portal('WEB01', 'https://mfa01/x', { plan: portalPlan }),
    ]);
    expect(inPlace.map((w) => w.kind)).toEqual(['before-window', 'standalone', 'web']);
  });

  it('runbook: each step carries its detail and the host findings behind it', () => {
    const pf = host('PF01', {
      roles: roles('standalone', null),
      upgradePath: 'phonefactor-agent',
      plan: pfPlan,
      findings: [
        {
          id: 'MFA-VDIR-002-aaaaaaaa',
          ruleId: 'MFA-VDIR-002',
          severity: 'high',
          outcome: 'fail',
          title: 'The SDK virtual directory changes',
          message: 'Type PhoneFactorWebServiceSdk.',
          planSteps: ['install:web-service-sdk'],
        },
      ],
    });
    const sdk = buildWaves([pf])
      .flatMap((w) => w.steps)
      .find((s) => s.id === 'install:web-service-sdk')!;
    expect(sdk.detail).toContain('Virtual directory name: PhoneFactorWebServiceSdk');
    expect(sdk.findings).toEqual([
      {
        id: 'MFA-VDIR-002-aaaaaaaa',
        ruleId: 'MFA-VDIR-002',
        severity: 'high',
        outcome: 'fail',
        title: 'The SDK virtual directory changes',
        message: 'Type PhoneFactorWebServiceSdk.',
      },
    ]);
    expect(
      buildWaves([pf])
        .flatMap((w) => w.steps)
        .find((s) => s.id === 'install:server')!.findings,
    ).toEqual([]);
  });

  it('load-balanced portals are drained one at a time, each in its own wave; a lone portal is not', () => {
    const lb = { roles: { ...roles(null, 'PORTALS'), loadBalanced: true }, plan: portalPlan };
    const w = buildWaves([
      host('MFA01', { roles: roles('standalone', null), plan: serverPlan }),
      portal('WEB01', 'https://mfa01/x', lb),
      portal('WEB02', 'https://mfa01/x', lb),
      portal('WEB09', 'https://mfa01/x', { plan: portalPlan }),
    ]);
    const pool = w.filter((x) => x.kind === 'web-pool');
    expect(pool.map((x) => x.hosts)).toEqual([['WEB01'], ['WEB02']]);
    expect(pool[0].title).toContain('WEB02 keeps serving');
    const ids = pool[0].steps.map((s) => s.id);
    expect(ids[0]).toBe('drain:host');
    expect(ids.at(-1)).toBe('restore:host');
    expect(pool[0].steps[0].title).toBe('Take WEB01 out of the load-balancer pool');
    // One at a time: the second portal's wave comes after the first's, in a later slot.
    expect(pool[1].slot!).toBeGreaterThan(pool[0].slot!);
    expect(w.find((x) => x.kind === 'web')!.hosts).toEqual(['WEB09']);
  });

  it('an AD FS farm of one server is one wave that says it is an outage, with no drain', () => {
    const w = buildWaves([host('MFA01', { roles: roles('standalone', null), plan: serverPlan }), adfs('ADFS21', 'sts.fabrikam.com')]);
    const single = w.filter((x) => x.group === 'sts.fabrikam.com');
    expect(single.map((x) => x.kind)).toEqual(['adfs-single']);
    expect(single[0].title).toMatch(/has one server: this is an OUTAGE of MFA sign-in through AD FS/);
    const ids = single[0].steps.map((s) => s.id);
    expect(ids).toEqual([
      'install:adfs-adapter',
      'configure:adfs-adapter:policy-uncheck',
      'uninstall:adfs-adapter:provider',
      'install:adfs-adapter:provider',
      'configure:adfs-adapter:restart-adfs',
      'configure:adfs-adapter:policy-check',
    ]);
    expect(single[0].steps.some((s) => /keep serving|drain|out of the farm/i.test(s.title))).toBe(false);
    // The adapter step keeps the host plan's detail.
    expect(single[0].steps[0].detail).toBe('Run MultiFactorAuthenticationAdfsAdapterSetup64.msi.');
    expect(single[0].steps[0].title).toContain('the outage starts here');
    // Two servers: the halves as before.
    expect(buildWaves([adfs('ADFS01', 'sts'), adfs('ADFS02', 'sts')]).map((x) => x.kind)).toEqual([
      'adfs-first-half',
      'adfs-policy',
      'adfs-second-half',
    ]);
  });

  it('independent replication groups are parallel tracks: waves of one slot can run together', () => {
    const hosts: HostSummary[] = [];
    for (const g of ['G1', 'G2', 'G3', 'G4', 'G5']) {
      hosts.push(host(`${g}-P`, { roles: roles('primary', g), plan: serverPlan }));
      for (const n of [1, 2, 3]) hosts.push(host(`${g}-S${n}`, { roles: roles('subordinate', g), plan: serverPlan }));
    }
    const w = buildWaves(hosts);
    const grouped = w.filter((x) => x.kind.startsWith('replication-'));
    expect(grouped).toHaveLength(20);
    // 5 groups of 4 servers: 4 slots of group work (3 subordinates, then promotion + primary), not 20 waves in a row.
    expect(new Set(grouped.map((x) => x.slot)).size).toBe(4);
    for (const g of ['G1', 'G5']) {
      const mine = grouped.filter((x) => x.track === `group ${g}`);
      expect(mine.map((x) => x.kind)).toEqual([
        'replication-subordinate',
        'replication-subordinate',
        'replication-subordinate',
        'replication-primary',
      ]);
      // Within a group still one server at a time, in order.
      expect(mine.map((x) => x.slot)).toEqual([2, 3, 4, 5]);
    }
    // What the reader sees: which waves can run at the same time.
    const report: FleetReport = {
      schemaVersion: 1,
      tool: { name: 'mfa-readiness', version: '0', rulesetVersion: '0' },
      scan: {
        startedAt: '2026-11-21T09:00:00.000Z',
        target: { kind: 'fleet', location: 'x' },
        targetVersion: '8.1',
        stage: 'pre',
        inputDigest: 'sha256:00',
      },
      hosts: [],
      waves: w,
      findings: [],
      verdict: {
        status: 'ready',
        failOn: 'critical',
        counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
        waived: 0,
        gate: 'pass',
      },
      waivers: [],
    };
    const md = renderFleetMarkdown(report);
    const first = w.find((x) => x.track === 'group G1' && x.kind === 'replication-subordinate')!;
    const same = w.filter((x) => x.slot === first.slot && x !== first).map((x) => x.order);
    expect(same).toHaveLength(4);
    expect(md).toContain(`track: group G1 · slot ${first.slot} · can run at the same time as wave(s) ${same.join(', ')}`);
    // The order is by slot: doing the waves one by one is also right.
    expect(w.map((x) => x.slot)).toEqual([...w.map((x) => x.slot)].sort((a, b) => a! - b!));
  });

  it('keeps the procedure order of the earlier shapes', () => {
    expect(
      flat([
        host('MFA01', { roles: roles('primary'), plan: serverPlan }),
        host('MFA02', { roles: roles('subordinate'), plan: serverPlan }),
      ]),
    ).toEqual([
      '1/1 before-window: MFA01 backup:data, MFA02 backup:data',
      '2/2 replication-subordinate [group HQ]: MFA02 drain:host, MFA02 install:server, MFA02 restore:host',
      '3/3 replication-primary [group HQ]: MFA02 configure:server:promote, MFA01 drain:host, MFA01 install:server, MFA01 restore:host',
    ]);
  });
});
