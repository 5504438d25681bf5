/** Plans for the variations of issue 11 items 2, 5 and 6: 32-bit and old Windows, the data file in the window, an interrupted upgrade. */
import { describe, expect, it } from 'vitest';
import { STEP } from '../../src/plan/steps.js';
import type { Facts } from '../../src/types.js';
import { before, component, facts, fired, ids, plan, step } from './facts.js';

const PF = 'C:\\Program Files\\PhoneFactor';

describe('plan: an interrupted PhoneFactor Agent upgrade (agent and SDK gone, portal left)', () => {
  const base = facts({ components: [component('user-portal', '5.2.1')], portalWebConfig: true });
  const f: Facts = {
    ...base,
    host: { ...base.host, hostRole: 'mfa-host', backupDirs: ['E:\\PFBackup'] },
    installPaths: [{ path: PF, exists: true, evidence: { source: 'registry', location: 'HKLM\\x', observed: `${PF}\\` } }],
    dataFile: {
      original: { path: `${PF}\\Data\\PhoneFactor.pfdata`, exists: true, source: 'file', size: 10, mtime: null, sha256: null },
      candidates: [],
      searched: true,
    },
    sdkUrls: [
      {
        component: 'user-portal',
        file: 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config',
        setting: 'pfup_pfwssdk_PfWsSdk',
        url: 'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
        host: 'localhost',
        path: '/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
        thisHost: true,
      },
    ],
    interruptedUpgrade: { installPath: PF, remaining: ['user-portal'], evidence: [] },
  };
  const p = plan({ facts: f, findings: fired('MFA-INV-001', 'MFA-INV-007') });

  it('uninstalls the portal through Programs and Features, then installs MFA Server over the path, then the SDK and the portal', () => {
    expect(ids(p)).not.toContain(STEP.uninstallAgent);
    expect(ids(p)).not.toContain(STEP.uninstallSdk);
    expect(step(p, STEP.uninstallPortal).detail).toBe('Through Programs and Features (the PhoneFactor Agent is no longer installed).');
    expect(step(p, STEP.uninstallPortal).because).toContain('MFA-INV-007');
    expect(before(p, STEP.backupData, STEP.uninstallPortal)).toBe(true);
    expect(before(p, STEP.uninstallPortal, STEP.installServer)).toBe(true);
    expect(step(p, STEP.installServer).detail).toContain(PF);
    expect(before(p, STEP.verifyServer, STEP.installSdk)).toBe(true);
    expect(step(p, STEP.installSdk).detail).toContain('Virtual directory name: PhoneFactorWebServiceSdk');
    expect(before(p, STEP.installSdk, STEP.installPortal)).toBe(true);
    expect(step(p, STEP.backupData).detail).toMatch(
      /^Nothing runs the data file now \(the agent is uninstalled\): copy C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor\.pfdata .* to E:\\PFBackup\.$/,
    );
  });

  it('with the agent still there, the portal can go through it', () => {
    const q = plan({
      facts: facts({ components: [component('agent', '5.2.1'), component('user-portal', '5.2.1')] }),
      targetVersion: '8.1',
    });
    expect(step(q, STEP.uninstallPortal).detail).toBe('Through the PhoneFactor Agent, or Programs and Features.');
  });
});

describe('plan: the data file is copied in the window, with the service stopped', () => {
  it('behind a load balancer: after the drain, before the install; restore after the check', () => {
    const f = facts({ components: [component('server', '7.3.0.3')], roles: { replication: 'subordinate', loadBalanced: true } });
    const p = plan({ facts: f, findings: fired('MFA-INV-001', 'MFA-HA-001') });
    expect(step(p, STEP.backupData).phase).toBe('in-window');
    expect(step(p, STEP.backupData).dependsOn).toEqual([STEP.drainHost]);
    expect(step(p, STEP.installServer).dependsOn).toContain(STEP.backupData);
    expect(step(p, STEP.restoreData).dependsOn).toEqual([STEP.verifyServer]);
    expect(step(p, STEP.backupData).detail).toContain('Stop the Multi-Factor Authentication Server service (MultiFactorAuthSvc)');
  });

  it('no data file on an MFA host and no rule asking: no backup or restore step', () => {
    const f = facts({ components: [component('server', '7.3.0.3')], dataFile: false });
    expect(ids(plan({ facts: f }))).not.toContain(STEP.restoreData);
    expect(ids(plan({ facts: f }))).not.toContain(STEP.backupData);
  });
});

describe('plan: 32-bit and old Windows', () => {
  const onOs = (os: Facts['host']['os'], f: Facts) => ({ ...f, host: { ...f.host, os } });
  const portal = facts({ components: [component('user-portal', '6.3.0.1')], portalWebConfig: true });

  it('a 32-bit web server gets the Setup32 installer, the x86 runtime, and .NET 4.6 on Server 2008 SP2', () => {
    const f = onOs({ caption: 'Windows Server 2008 Standard', version: '6.0.6002', architecture: 'x86' }, portal);
    const p = plan({ facts: f, findings: fired('MFA-INV-001', 'MFA-CMP-001', 'MFA-PRQ-001', 'MFA-PRQ-003') });
    expect(step(p, STEP.installPortal).detail).toMatch(/^Run MultiFactorAuthenticationUserPortalSetup32\.msi as an administrator/);
    expect(step(p, STEP.preparePortal).detail).toContain('MultiFactorAuthenticationUserPortalSetup32.msi');
    expect(step(p, STEP.installDotnet).detail).toBe(
      'Install .NET Framework 4.6 (Release 393297 or later), the newest Windows Server 2008 takes; a restart may be needed, so do it before the window.',
    );
    expect(step(p, STEP.installVcX86).detail).toContain('the one this 32-bit Windows runs');
    expect(ids(p)).not.toContain(STEP.installVcX64);
  });

  it('64-bit or unknown: Setup64 and .NET 4.8; Server 2003 cannot take .NET 4.5', () => {
    const p64 = plan({
      facts: onOs({ caption: null, version: '6.3.9600', architecture: null }, portal),
      findings: fired('MFA-INV-001', 'MFA-PRQ-001'),
    });
    expect(step(p64, STEP.installPortal).detail).toMatch(/^Run MultiFactorAuthenticationUserPortalSetup64\.msi/);
    expect(step(p64, STEP.installDotnet).detail).toMatch(/^Install \.NET Framework 4\.8 \(Release 528040 or later\);/);
    const p03 = plan({
      facts: onOs({ caption: 'Windows Server 2003 R2', version: '5.2.3790', architecture: 'x86' }, portal),
      findings: fired('MFA-INV-001', 'MFA-PRQ-001'),
    });
    expect(step(p03, STEP.installDotnet).detail).toBe(
      'Windows Server 2003 cannot install .NET Framework 4.5 or newer: move the MFA parts to a newer Windows Server first.',
    );
  });
});
