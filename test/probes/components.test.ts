import { describe, expect, it } from 'vitest';
import { probeInventory } from '../../src/probes/components.js';
import { probeIis } from '../../src/probes/iis.js';
import { PHONEFACTOR_KEY, wow64 } from '../../src/probes/registry.js';
import {
  APPHOST_PATH, MFA, PF, WWWROOT, applicationHost, memoryHost, mobileWebConfig, portalWebConfig, probeContext, uninstallEntry, type MemoryHost,
} from '../helpers/memory.js';

async function inventory(h: MemoryHost) {
  const ctx = await probeContext(h);
  const iis = await probeIis(ctx, []);
  return probeInventory(ctx, iis);
}
const summary = (inv: Awaited<ReturnType<typeof inventory>>) =>
  inv.components.map((c) => [c.component, c.version, c.installPath, c.virtualDirectory, c.virtualDirectoryKnown]);

describe('probeInventory', () => {
  it('a PhoneFactor Agent 5.x: Uninstall entry, confirmed by its folder; the install path from the PhoneFactor key', async () => {
    const h = memoryHost()
      .reg(wow64(PHONEFACTOR_KEY), { InstallPath: `${PF}\\` })
      .file(`${PF}\\pfsvc.exe`, 'MZ')
      .file(`${PF}\\Data\\PhoneFactor.pfdata`, 'DATA');
    uninstallEntry(h, '{A}', 'PhoneFactor Agent', { version: '5.2.1', installLocation: `${PF}\\` });
    const inv = await inventory(h);
    expect(summary(inv)).toEqual([['agent', '5.2.1', PF, null, false]]);
    expect(inv.mfaFolder).toBe(PF);
    expect(inv.installPaths).toEqual([{ path: PF, exists: true, evidence: { source: 'registry', location: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\\InstallPath', observed: `${PF}\\` } }]);
    expect(inv.components[0]!.evidence.map((e) => e.observed)).toEqual(['PhoneFactor Agent 5.2.1', 'PhoneFactor Agent executables, data file']);
    expect(inv.uninstallCovered).toBe(true);
  });

  it('files only (no registry): the agent from a PhoneFactor folder, the server from its executables', async () => {
    expect(summary(await inventory(memoryHost().file(`${PF}\\Data\\PhoneFactor.pfdata`, 'D')))).toEqual([['agent', null, PF, null, false]]);
    expect(summary(await inventory(memoryHost().file(`${MFA}\\MultiFactorAuthSvc.exe`, 'MZ')))).toEqual([['server', null, MFA, null, false]]);
    // A data file described in manifest.json only still marks the folder.
    const m = await inventory(memoryHost().dir(`${MFA}\\Data`).file(`${MFA}\\readme.txt`, '').manifestFile({ path: `${MFA}\\Data\\PhoneFactor.pfdata`, size: 1 }));
    expect(summary(m)).toEqual([['server', null, MFA, null, false]]);
    expect(summary(await inventory(memoryHost().file(`${MFA}\\readme.txt`, '')))).toEqual([]);
  });

  it('an install path on a drive the copy does not have is not known missing; on a drive it has, it is missing', async () => {
    const h = memoryHost().reg(PHONEFACTOR_KEY, { InstallPath: 'D:\\MFA\\' });
    uninstallEntry(h, '{S}', 'Multi-Factor Authentication Server', { version: '6.3.0', installLocation: 'D:\\MFA\\' });
    expect((await inventory(h)).installPaths.map((p) => [p.path, p.exists])).toEqual([['D:\\MFA', null]]);
    h.drive('D');
    expect((await inventory(h)).installPaths.map((p) => [p.path, p.exists])).toEqual([['D:\\MFA', false]]);
  });

  it('web parts from IIS applications: the folder by its files, the virtual directory from IIS', async () => {
    const h = memoryHost()
      .file(APPHOST_PATH, applicationHost([
        { path: '/MultiFactorAuth', physicalPath: '%SystemDrive%\\inetpub\\wwwroot\\MultiFactorAuth' },
        { path: '/MultiFactorAuthWebServiceSdk', physicalPath: 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk' },
        { path: '/MultiFactorAuthMobileAppWebService', physicalPath: 'C:\\inetpub\\wwwroot\\MultiFactorAuthMobileAppWebService' },
      ]))
      .file(`${WWWROOT}\\MultiFactorAuth\\web.config`, portalWebConfig())
      .file(`${WWWROOT}\\MultiFactorAuthWebServiceSdk\\PfWsSdk.asmx`, '')
      .file(`${WWWROOT}\\MultiFactorAuthMobileAppWebService\\web.config`, mobileWebConfig());
    expect(summary(await inventory(h))).toEqual([
      ['user-portal', null, `${WWWROOT}\\MultiFactorAuth`, '/MultiFactorAuth', true],
      ['mobile-app', null, `${WWWROOT}\\MultiFactorAuthMobileAppWebService`, '/MultiFactorAuthMobileAppWebService', true],
      ['web-service-sdk', null, `${WWWROOT}\\MultiFactorAuthWebServiceSdk`, '/MultiFactorAuthWebServiceSdk', true],
    ]);
  });

  it('no IIS config: web parts from folders under wwwroot, virtual directory unknown; a broken web.config still tells the portal', async () => {
    const h = memoryHost().file(`${WWWROOT}\\PhoneFactor\\web.config`, '<configuration><pfup.Properties.Settings>').file(`${WWWROOT}\\Other\\web.config`, '<configuration/>');
    expect(summary(await inventory(h))).toEqual([['user-portal', null, `${WWWROOT}\\PhoneFactor`, null, false]]);
  });

  it('a portal known only from Uninstall: IIS read and serving nothing from its folder means no virtual directory, known', async () => {
    const h = memoryHost().file(APPHOST_PATH, applicationHost([]));
    uninstallEntry(h, '{P}', 'Multi-Factor Authentication User Portal', { version: '7.3', installLocation: 'C:\\Sites\\Portal' });
    expect(summary(await inventory(h))).toEqual([['user-portal', '7.3', 'C:\\Sites\\Portal', null, true]]);
  });

  it('the MFA folder that cannot be listed finds no executables there', async () => {
    const h = memoryHost().file(`${PF}\\pfsvc.exe`, 'MZ').cannotRead(PF);
    expect(summary(await inventory(h))).toEqual([]);
    expect(h.problems.map((p) => p.location)).toContain(PF);
  });
});
