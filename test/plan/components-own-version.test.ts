/**
 * Issue 11 items 3, 7 and 10: a step belongs to a component's own version (the server install only where the
 * server is below the target), the Mobile App Web Service is upgraded in place for targets before 8.0, the
 * PhoneFactor Agent path's portal step says how the portal comes back, and an MFA Server on an AD FS server goes
 * back into traffic after the provider switch.
 */
import { describe, expect, it } from 'vitest';
import { STEP } from '../../src/plan/steps.js';
import { before, component, facts, fired, ids, plan, step } from './facts.js';

const server = (v: string) => component('server', v);
const adapter = (v: string) => component('adfs-adapter', v);
const LB = { replication: 'primary' as const, loadBalanced: true };

describe('MFA Server on the AD FS server, server already at the target, scanned at stage adfs', () => {
  const f = facts({ components: [server('8.1.2.1'), adapter('7.3.0.3')], roles: LB, adapterVersion: '7.3.0.3' });
  const p = plan({ facts: f, stage: 'adfs', findings: fired('MFA-INV-001', 'MFA-ADFS-003') });

  it('does not back up the data file, drain the host or install MFA Server again', () => {
    for (const id of [STEP.prepareServer, STEP.backupData, STEP.drainHost, STEP.installServer, STEP.verifyServer, STEP.restoreHost]) {
      expect(ids(p), id).not.toContain(id);
    }
  });

  it('still plans the adapter swap through the MFA Server UI', () => {
    expect(step(p, STEP.installAdfs).detail).toBe('Update the adapter through the MFA Server admin UI.');
    expect(before(p, STEP.adfsUnregisterOld, STEP.adfsRegisterNew)).toBe(true);
  });

  it('plans the prerequisites the rules found missing at stage adfs, before the adapter install', () => {
    const q = plan({ facts: f, stage: 'adfs', findings: fired('MFA-INV-001', 'MFA-ADFS-003', 'MFA-PRQ-003') });
    expect(before(q, STEP.installVcX86, STEP.installAdfs)).toBe(true);
  });
});

describe('a part already at the target is not installed again', () => {
  it('a portal at the target beside a server below it: no portal backup, install or settings step', () => {
    const p = plan({ facts: facts({ components: [server('7.3.0.3'), component('user-portal', '8.1.2.1')] }) });
    expect(ids(p)).toContain(STEP.installServer);
    for (const id of [STEP.backupPortalWebConfig, STEP.installPortal, STEP.configurePortal]) expect(ids(p)).not.toContain(id);
  });

  it('the SDK at the target is not installed again; below it, it is', () => {
    expect(ids(plan({ facts: facts({ components: [server('7.3.0.3'), component('web-service-sdk', '8.1.2.1')] }) }))).not.toContain(
      STEP.installSdk,
    );
    expect(ids(plan({ facts: facts({ components: [server('7.3.0.3'), component('web-service-sdk', '7.3.0.3')] }) }))).toContain(
      STEP.installSdk,
    );
  });
});

describe('Mobile App Web Service, in place, target before 8.0', () => {
  const mobile = component('mobile-app', '6.3.0.0', { virtualDirectory: '/MobileApp' });
  const p = plan({ facts: facts({ components: [server('6.3.0.0'), mobile] }), targetVersion: '7.3.0.3' });

  it('is upgraded in place after the server, with its custom virtual directory named', () => {
    const s = step(p, STEP.installMobileApp);
    expect(s.title).toBe('Run the new Mobile App Web Service installer in place');
    expect(s.detail).toContain('virtual directory name: MobileApp (the installer proposes MultiFactorAuthMobileAppWebService)');
    expect(before(p, STEP.installServer, STEP.installMobileApp)).toBe(true);
    expect(before(p, STEP.backupMobileAppWebConfig, STEP.installMobileApp)).toBe(true);
    expect(before(p, STEP.installMobileApp, STEP.configureMobileApp)).toBe(true);
  });

  it('is uninstalled after the upgrade, not upgraded, at 8.0 or later', () => {
    const q = plan({ facts: facts({ components: [server('6.3.0.0'), mobile] }), targetVersion: '8.1' });
    expect(step(q, STEP.uninstallMobileApp).phase).toBe('after-upgrade');
    expect(ids(q)).not.toContain(STEP.installMobileApp);
  });

  it('on a web server of its own: after the installers are copied from an upgraded MFA Server', () => {
    const q = plan({ facts: facts({ components: [mobile] }), targetVersion: '7.3.0.3' });
    expect(before(q, STEP.preparePortal, STEP.installMobileApp)).toBe(true);
    expect(step(q, STEP.installMobileApp).detail).toMatch(/^Run MultiFactorAuthenticationMobileAppWebServiceSetup64\.msi/);
  });
});

describe('wording and order (item 10)', () => {
  it('the PhoneFactor Agent path installs the portal anew from the MFA Server UI: no update prompt', () => {
    const p = plan({ facts: facts({ components: [component('agent', '5.2.1'), component('user-portal', '5.2.1')] }) });
    const d = step(p, STEP.installPortal).detail;
    expect(d).not.toContain('prompt to update');
    expect(d).toContain('Install it from the MFA Server UI');
    expect(before(p, STEP.uninstallPortal, STEP.installPortal)).toBe(true);
  });

  it("the in-place path still accepts the installer's prompt", () => {
    const p = plan({ facts: facts({ components: [server('7.3.0.3'), component('user-portal', '7.3.0.3')] }) });
    expect(step(p, STEP.installPortal).detail).toMatch(/^Accept the MFA Server's prompt to update the User Portal/);
  });

  it('MFA Server on the AD FS server goes back into traffic after the provider switch', () => {
    const p = plan({
      facts: facts({ components: [server('7.3.0.3'), adapter('7.3.0.3')], roles: LB }),
      findings: fired('MFA-INV-001', 'MFA-HA-001'),
    });
    expect(before(p, STEP.adfsPolicyUncheck, STEP.restoreHost)).toBe(true);
    expect(before(p, STEP.adfsUnregisterOld, STEP.restoreHost)).toBe(true);
    expect(before(p, STEP.adfsPolicyCheck, STEP.restoreHost)).toBe(true);
    expect(step(p, STEP.restoreHost).dependsOn).toContain(STEP.adfsPolicyCheck);
  });

  it('without the adapter, the server goes back after its own install', () => {
    const p = plan({ facts: facts({ components: [server('7.3.0.3')], roles: LB }), findings: fired('MFA-INV-001', 'MFA-HA-001') });
    expect(step(p, STEP.restoreHost).dependsOn).toEqual([STEP.verifyServer]);
  });
});

describe('the AD FS adapter files in a staging folder (item 4)', () => {
  it('the copy and edit steps name the staging folder and the script there', () => {
    const f = facts({ components: [adapter('7.3.0.3')] });
    f.adfs!.staging = { folder: 'D:\\MFA-Upgrade\\Adapter', source: 'flag' };
    f.adfs!.registerScript = {
      path: 'D:\\MFA-Upgrade\\Adapter\\Register-MultiFactorAuthenticationAdfsAdapter.ps1',
      passesConfigurationFilePath: false,
      readError: null,
    };
    const p = plan({ facts: f, stage: 'adfs', findings: fired('MFA-INV-001', 'MFA-ADFS-001', 'MFA-ADFS-002') });
    expect(step(p, STEP.prepareAdfs).detail).toMatch(/install folder to D:\\MFA-Upgrade\\Adapter\.$/);
    expect(step(p, STEP.configureAdfsRegisterScript).detail).toMatch(
      /^Edit D:\\MFA-Upgrade\\Adapter\\Register-MultiFactorAuthenticationAdfsAdapter\.ps1: add -ConfigurationFilePath/,
    );
  });
});
