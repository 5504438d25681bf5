import { describe, expect, it } from 'vitest';
import { linkFindings } from '../../src/plan/index.js';
import { STEP } from '../../src/plan/steps.js';
import type { PlanStep } from '../../src/types.js';
import { before, component, facts, fired, ids, plan, step } from './facts.js';

/** Every step's dependencies, transitively. */
function ancestors(p: PlanStep[], id: string, seen = new Set<string>()): Set<string> {
  for (const d of step(p, id).dependsOn) {
    if (!seen.has(d)) {
      seen.add(d);
      ancestors(p, d, seen);
    }
  }
  return seen;
}

const ALL_IN_ONE_5X = facts({
  components: [
    component('agent', '5.2.1'),
    component('user-portal', '5.2.1'),
    component('mobile-app', '5.2.1'),
    component('web-service-sdk', '5.2.1'),
  ],
  portalWebConfig: true,
  mobileWebConfig: true,
  themes: [{ name: 'Contoso', custom: true, changedFiles: [] }],
});

const SERVER_7X = facts({
  components: [component('server', '7.3.0.3'), component('user-portal', '7.3.0.3'), component('web-service-sdk', '7.3.0.3')],
});

describe('plan: the PhoneFactor Agent path (all parts on one server)', () => {
  const p = plan({
    facts: ALL_IN_ONE_5X,
    findings: fired('MFA-INV-001', 'MFA-LIFE-001', 'MFA-BKP-001', 'MFA-CMP-003'),
    targetVersion: '7.0',
  });

  it('backs up the configs before the window and the data file in it, before the first uninstall, with its restore after the check', () => {
    const firstChange = Math.min(
      ...p.filter((s) => ['drain', 'uninstall', 'install'].includes(s.action) && s.component !== 'prerequisites').map((s) => s.order),
    );
    const backups = p.filter((s) => s.action === 'backup');
    expect(backups.map((s) => [s.id, s.phase])).toEqual([
      [STEP.backupMobileAppWebConfig, 'before-window'],
      [STEP.backupPortalThemes, 'before-window'],
      [STEP.backupPortalWebConfig, 'before-window'],
      [STEP.backupData, 'in-window'],
    ]);
    for (const b of backups) expect(b.order).toBeLessThan(firstChange);
    expect(step(p, STEP.backupData).detail).toMatch(
      /^Stop the PhoneFactor service, then copy C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor\.pfdata \(or the whole Data folder\)/,
    );
    expect(step(p, STEP.uninstallPortal).dependsOn).toContain(STEP.backupData);
    expect(step(p, STEP.restoreData)).toMatchObject({ phase: 'in-window', dependsOn: [STEP.verifyServer] });
    expect(step(p, STEP.prepareServer).order).toBe(1);
  });

  it('uninstalls portal, mobile app, SDK, agent in that order, then installs the server over the same path', () => {
    const chain = [
      STEP.uninstallPortal,
      STEP.uninstallMobileApp,
      STEP.uninstallSdk,
      STEP.uninstallAgent,
      STEP.installServer,
      STEP.configureServer,
      STEP.verifyServer,
    ];
    for (let i = 1; i < chain.length; i++) {
      expect(before(p, chain[i - 1], chain[i]), `${chain[i - 1]} before ${chain[i]}`).toBe(true);
      // Each waits directly for the one before it.
      expect(step(p, chain[i]).dependsOn).toContain(chain[i - 1]);
    }
    expect(step(p, STEP.installServer).title).toBe('Install MFA Server 7.0 over the same path');
    expect(step(p, STEP.installServer).detail).toContain('C:\\Program Files\\PhoneFactor');
  });

  it('reinstalls the web parts after the server (below 8.0 the Mobile App Web Service too)', () => {
    expect(before(p, STEP.verifyServer, STEP.installSdk)).toBe(true);
    expect(before(p, STEP.installSdk, STEP.installPortal)).toBe(true);
    expect(before(p, STEP.installPortal, STEP.configurePortal)).toBe(true);
    expect(before(p, STEP.installPortal, STEP.installMobileApp)).toBe(true);
    expect(step(p, STEP.installPortal).detail).toContain('virtual directory name: PhoneFactor (keep it');
  });

  it('names why each step is there: the rules whose metadata link to it', () => {
    expect(step(p, STEP.backupData).because).toEqual(['MFA-BKP-001']);
    // No backup rule fired for the portal web.config: the inventory is the reason.
    expect(step(p, STEP.backupPortalWebConfig).because).toEqual(['MFA-INV-001']);
    expect(step(p, STEP.prepareServer).because).toEqual(['MFA-INV-001', 'MFA-LIFE-001']);
    expect(step(p, STEP.uninstallMobileApp).because).toEqual(['MFA-INV-001', 'MFA-CMP-003']);
  });

  it('from 8.0 the Mobile App Web Service is uninstalled and not reinstalled', () => {
    const p8 = plan({ facts: ALL_IN_ONE_5X, targetVersion: '8.1' });
    expect(ids(p8)).toContain(STEP.uninstallMobileApp);
    expect(ids(p8)).not.toContain(STEP.installMobileApp);
    expect(ids(p8)).not.toContain(STEP.configureMobileApp);
  });

  it('the PhoneFactor path does not take the in-place reasons for install:server', () => {
    const q = plan({ facts: ALL_IN_ONE_5X, findings: fired('MFA-INV-001', 'MFA-PRQ-002', 'MFA-HA-001', 'MFA-INV-002') });
    expect(step(q, STEP.installServer).because).toEqual(['MFA-INV-001', 'MFA-INV-002']);
    const r = plan({ facts: SERVER_7X, findings: fired('MFA-INV-001', 'MFA-PRQ-002', 'MFA-HA-001', 'MFA-INV-002') });
    expect(step(r, STEP.installServer).because).toEqual(['MFA-INV-001', 'MFA-PRQ-002', 'MFA-HA-001']);
  });
});

describe('plan: in place (MFA Server 7.x)', () => {
  const p = plan({ facts: SERVER_7X });

  it('runs the installer in place: no uninstall, then SDK and portal', () => {
    expect(ids(p)).toEqual([
      STEP.prepareServer,
      STEP.backupPortalWebConfig,
      // The data file is copied in the window, right before the install.
      STEP.backupData,
      // The SDK and the check both wait only for the install: ties go by id.
      STEP.installServer,
      STEP.installSdk,
      STEP.verifyServer,
      STEP.installPortal,
      STEP.configurePortal,
      // Only where the install failed: after the check it depends on, ties by id.
      STEP.restoreData,
    ]);
    expect(step(p, STEP.installServer).dependsOn).toContain(STEP.backupData);
    expect(step(p, STEP.backupData).detail).toMatch(/^Stop the Multi-Factor Authentication Server service \(MultiFactorAuthSvc\)/);
    expect(step(p, STEP.installServer).title).toBe('Run the MFA Server 8.1 installer in place');
    expect(step(p, STEP.installSdk).dependsOn).toEqual([STEP.installServer]);
    expect(step(p, STEP.installPortal).detail).toMatch(/^Accept the MFA Server's prompt/);
  });

  it('orders by phase: before-window steps, then the window, then what comes after', () => {
    const withMobile = plan({
      facts: facts({ components: [...SERVER_7X.components, component('mobile-app', '7.3.0.3')] }),
      findings: fired('MFA-INV-001', 'MFA-CMP-003'),
    });
    const last = withMobile[withMobile.length - 1];
    expect(last).toMatchObject({ id: STEP.uninstallMobileApp, phase: 'after-upgrade', because: ['MFA-CMP-003'] });
    const phases = withMobile.map((s) => s.phase);
    expect(phases).toEqual(
      [...phases].sort(
        (a, b) => ['before-window', 'in-window', 'after-upgrade'].indexOf(a) - ['before-window', 'in-window', 'after-upgrade'].indexOf(b),
      ),
    );
  });

  it('a server of several is drained first and put back once the server and SDK are done; the primary is told to go last', () => {
    const q = plan({
      facts: facts({ components: SERVER_7X.components, roles: { replication: 'primary', replicationGroup: 'HQ' } }),
      findings: fired('MFA-INV-001', 'MFA-HA-001'),
    });
    const window = q.filter((s) => s.phase === 'in-window');
    expect(window[0].id).toBe(STEP.drainHost);
    expect(step(q, STEP.restoreHost).dependsOn).toEqual([STEP.installSdk, STEP.verifyServer]);
    expect(before(q, STEP.restoreHost, STEP.installPortal)).toBe(true);
    expect(step(q, STEP.drainHost).detail).toContain('As the primary, upgrade it last');
    expect(step(q, STEP.installServer).detail).toContain('This primary goes after the subordinates');
    expect(step(q, STEP.drainHost).because).toEqual(['MFA-HA-001']);
    expect(ids(plan({ facts: SERVER_7X }))).not.toContain(STEP.drainHost);
  });

  it('nothing to upgrade: no plan', () => {
    expect(plan({ facts: facts({ components: [component('server', '8.1.2.1')] }) })).toEqual([]);
    expect(plan({ facts: facts({ components: [] }), findings: [] })).toEqual([]);
  });
});

describe('plan: prerequisites', () => {
  const p = plan({ facts: SERVER_7X, findings: fired('MFA-INV-001', 'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003') });

  it('installs each missing prerequisite before the window, after the backups, before the first install', () => {
    const prq = [STEP.installDotnet, STEP.installVcX64, STEP.installVcX86];
    for (const id of prq) {
      expect(step(p, id)).toMatchObject({ phase: 'before-window', action: 'install', component: 'prerequisites' });
      // Before the window; the data file is copied in it.
      expect(before(p, id, STEP.backupData)).toBe(true);
      expect(before(p, id, STEP.installServer)).toBe(true);
    }
    expect(step(p, STEP.installDotnet).because).toEqual(['MFA-PRQ-001']);
    expect(ancestors(p, STEP.installServer)).toEqual(new Set([...prq, STEP.backupData, STEP.backupPortalWebConfig, STEP.prepareServer]));
  });

  it('plans no prerequisite no rule asked for', () => {
    expect(ids(plan({ facts: SERVER_7X })).filter((id) => id.startsWith('install:prerequisites'))).toEqual([]);
  });
});

describe('plan: web server and AD FS', () => {
  it('a User Portal server copies the installers from an upgraded MFA Server before installing', () => {
    const p = plan({ facts: facts({ components: [component('user-portal', '6.3.0')] }), findings: fired('MFA-INV-001', 'MFA-CMP-001') });
    expect(ids(p)).toEqual([STEP.backupPortalWebConfig, STEP.preparePortal, STEP.installPortal, STEP.configurePortal]);
    // Copying the installers is not a change to the host: the backup is a constraint of the install itself.
    expect(step(p, STEP.installPortal).dependsOn).toEqual([STEP.backupPortalWebConfig, STEP.preparePortal]);
    expect(step(p, STEP.preparePortal).because).toEqual(['MFA-CMP-001']);
    expect(step(p, STEP.installPortal).detail).toMatch(/^Run MultiFactorAuthenticationUserPortalSetup64\.msi/);
  });

  it('a PhoneFactor-era web server uninstalls its parts first, without the 8.0 reason', () => {
    const p = plan({
      facts: facts({ components: [component('user-portal', '5.2'), component('mobile-app', '5.2')] }),
      findings: fired('MFA-INV-001', 'MFA-CMP-003'),
    });
    expect(before(p, STEP.uninstallPortal, STEP.uninstallMobileApp)).toBe(true);
    expect(before(p, STEP.uninstallMobileApp, STEP.preparePortal)).toBe(true);
    expect(step(p, STEP.uninstallMobileApp).because).toEqual(['MFA-INV-001']);
  });

  const ADFS = facts({ components: [component('adfs-adapter', '6.3.0')], adfsConfig: true });

  it('an AD FS server has nothing to do before stage adfs but save its config', () => {
    expect(ids(plan({ facts: ADFS, findings: fired('MFA-INV-001') }))).toEqual([STEP.backupAdfsConfig]);
  });

  it('at stage adfs: half the farm, the provider switched once, the other half', () => {
    const p = plan({ facts: ADFS, stage: 'adfs', findings: fired('MFA-INV-001', 'MFA-ADFS-001', 'MFA-ADFS-003', 'MFA-ADFS-005') });
    const sequence = [
      STEP.drainAdfsFirstHalf,
      STEP.installAdfs,
      STEP.adfsPolicyUncheck,
      STEP.adfsUnregisterOld,
      STEP.adfsRegisterNew,
      STEP.adfsRestart,
      STEP.restoreAdfsFirstHalf,
      STEP.adfsPolicyCheck,
      STEP.installAdfsSecondHalf,
      STEP.verifyAdfs,
    ];
    expect(p.filter((s) => s.phase !== 'before-window').map((s) => s.id)).toEqual(sequence);
    for (let i = 1; i < sequence.length; i++) expect(step(p, sequence[i]).dependsOn, sequence[i]).toContain(sequence[i - 1]);
    // The Register script is fixed before the window and before the new provider is registered.
    expect(step(p, STEP.configureAdfsRegisterScript).phase).toBe('before-window');
    expect(step(p, STEP.adfsRegisterNew).dependsOn).toEqual([STEP.configureAdfsRegisterScript, STEP.adfsUnregisterOld]);
    expect(step(p, STEP.adfsUnregisterOld).detail).toContain('-Name "WindowsAzureMultiFactorAuthentication"');
    expect(step(p, STEP.adfsRegisterNew).because).toEqual(['MFA-ADFS-001', 'MFA-ADFS-005']);
    expect(step(p, STEP.installAdfs).detail).toMatch(/^Run MultiFactorAuthenticationAdfsAdapterSetup64\.msi/);
  });

  it('MFA Server on the AD FS server updates the adapter through its UI, after the server', () => {
    const p = plan({
      facts: facts({
        components: [component('server', '7.3'), component('adfs-adapter', '7.3')],
        adapterVersion: 'AzureMfaServerAuthentication',
      }),
    });
    expect(step(p, STEP.installAdfs).detail).toBe('Update the adapter through the MFA Server admin UI.');
    expect(before(p, STEP.verifyServer, STEP.drainAdfsFirstHalf)).toBe(true);
    expect(ids(p)).not.toContain(STEP.backupAdfsConfig);
    expect(step(p, STEP.adfsUnregisterOld).detail).toContain('-Name "AzureMfaServerAuthentication"');
  });
});

describe('plan: invariants over every shape above', () => {
  const shapes = [
    plan({ facts: ALL_IN_ONE_5X, findings: fired('MFA-INV-001', 'MFA-BKP-001', 'MFA-PRQ-002', 'MFA-VDIR-001'), targetVersion: '7.0' }),
    plan({
      facts: facts({ components: SERVER_7X.components, roles: { loadBalanced: true } }),
      findings: fired('MFA-INV-001', 'MFA-PRQ-001', 'MFA-HA-001'),
    }),
    plan({
      facts: facts({ components: [component('adfs-adapter', '6.3')] }),
      stage: 'adfs',
      findings: fired('MFA-INV-001', 'MFA-ADFS-002', 'MFA-ADFS-004'),
    }),
    plan({
      facts: facts({
        components: [component('server', '7.3'), component('adfs-adapter', '7.3'), component('mobile-app', '7.3')],
        roles: { replication: 'subordinate' },
      }),
      findings: fired('MFA-INV-001', 'MFA-CMP-003'),
    }),
  ];
  const stepIds = new Set<string>(Object.values(STEP));

  it.each(shapes.map((p, i) => [i, p] as const))('shape %i: unique ids, every id a STEP constant, orders 1..n', (_, p) => {
    expect(new Set(ids(p)).size).toBe(p.length);
    for (const s of p) expect(stepIds, s.id).toContain(s.id);
    expect(p.map((s) => s.order)).toEqual(p.map((_x, i) => i + 1));
  });

  it.each(shapes.map((p, i) => [i, p] as const))('shape %i: dependsOn holds only direct constraints, each planned earlier', (_, p) => {
    for (const s of p) {
      for (const d of s.dependsOn) {
        expect(step(p, d).order, `${s.id} after ${d}`).toBeLessThan(s.order);
        const viaOthers = s.dependsOn.filter((x) => x !== d).some((x) => ancestors(p, x).has(d));
        expect(viaOthers, `${s.id}: ${d} is implied by another dependency`).toBe(false);
      }
      expect(s.dependsOn.map((d) => step(p, d).order)).toEqual([...s.dependsOn.map((d) => step(p, d).order)].sort((a, b) => a - b));
    }
  });

  it('a finding links to the steps that name its rule', () => {
    const p = shapes[0];
    const linked = linkFindings(fired('MFA-BKP-001', 'MFA-VDIR-001', 'MFA-INV-005'), p);
    expect(linked.map((f) => f.planSteps)).toEqual([
      [STEP.backupData],
      p.filter((s) => s.because.includes('MFA-VDIR-001')).map((s) => s.id),
      [],
    ]);
    expect(linked[1].planSteps).toEqual(expect.arrayContaining([STEP.installPortal, STEP.configurePortal, STEP.notifyPortal]));
  });
});
