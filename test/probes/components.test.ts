import { describe, expect, it } from 'vitest';
import { probeInventory } from '../../src/probes/components.js';
import { probeIis } from '../../src/probes/iis.js';
import { PHONEFACTOR_KEY, wow64 } from '../../src/probes/registry.js';
import {
  APPHOST_PATH,
  MFA,
  PF,
  WWWROOT,
  applicationHost,
  memoryHost,
  mobileWebConfig,
  portalWebConfig,
  probeContext,
  uninstallEntry,
  type MemoryHost,
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
    expect(inv.installPaths).toEqual([
      {
        path: PF,
        exists: true,
        evidence: {
          source: 'registry',
          location: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\\InstallPath',
          observed: `${PF}\\`,
        },
      },
    ]);
    expect(inv.components[0].evidence.map((e) => e.observed)).toEqual([
      'PhoneFactor Agent 5.2.1',
      'PhoneFactor Agent executables, data file',
    ]);
    expect(inv.uninstallCovered).toBe(true);
  });

  it('files only (no registry): the agent from a PhoneFactor folder, the server from its executables', async () => {
    expect(summary(await inventory(memoryHost().file(`${PF}\\Data\\PhoneFactor.pfdata`, 'D')))).toEqual([['agent', null, PF, null, false]]);
    expect(summary(await inventory(memoryHost().file(`${MFA}\\MultiFactorAuthSvc.exe`, 'MZ')))).toEqual([
      ['server', null, MFA, null, false],
    ]);
    // A data file described in manifest.json only still marks the folder.
    const m = await inventory(
      memoryHost()
        .dir(`${MFA}\\Data`)
        .file(`${MFA}\\readme.txt`, '')
        .manifestFile({ path: `${MFA}\\Data\\PhoneFactor.pfdata`, size: 1 }),
    );
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
      .file(
        APPHOST_PATH,
        applicationHost([
          { path: '/MultiFactorAuth', physicalPath: '%SystemDrive%\\inetpub\\wwwroot\\MultiFactorAuth' },
          { path: '/MultiFactorAuthWebServiceSdk', physicalPath: 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk' },
          { path: '/MultiFactorAuthMobileAppWebService', physicalPath: 'C:\\inetpub\\wwwroot\\MultiFactorAuthMobileAppWebService' },
        ]),
      )
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
    const h = memoryHost()
      .file(`${WWWROOT}\\PhoneFactor\\web.config`, '<configuration><pfup.Properties.Settings>')
      .file(`${WWWROOT}\\Other\\web.config`, '<configuration/>');
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

describe('probeInventory: an entry is a component where its publisher or its files confirm it', () => {
  const UN = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
  const RSA_DIR = 'C:\\Program Files\\RSA\\RSA MFA Agent';

  it('an RSA MFA agent is not the PhoneFactor Agent: ignored, with what was seen, and no install path from it', async () => {
    const h = memoryHost()
      .reg(`${UN}\\{7F3A1C55-0B6E-4C3B-9E1D-2A9B7C4D5E6F}`, {
        DisplayName: 'RSA MFA Agent for Microsoft Windows',
        DisplayVersion: '2.3.6',
        Publisher: 'RSA Security LLC',
        InstallLocation: `${RSA_DIR}\\`,
      })
      .file(`${RSA_DIR}\\RSAAgent.exe`, 'MZ');
    const inv = await inventory(h);
    expect(summary(inv)).toEqual([]);
    expect(inv.installPaths).toEqual([]);
    expect(inv.ignored).toEqual([
      {
        displayName: 'RSA MFA Agent for Microsoft Windows',
        version: '2.3.6',
        publisher: 'RSA Security LLC',
        lookedLike: 'agent',
        installLocation: `${RSA_DIR}\\`,
        evidence: [
          {
            source: 'registry',
            location: `${UN}\\{7F3A1C55-0B6E-4C3B-9E1D-2A9B7C4D5E6F}\\DisplayName`,
            observed: 'RSA MFA Agent for Microsoft Windows 2.3.6',
          },
          { source: 'registry', location: `${UN}\\{7F3A1C55-0B6E-4C3B-9E1D-2A9B7C4D5E6F}\\Publisher`, observed: 'RSA Security LLC' },
          { source: 'file', location: RSA_DIR, observed: 'no MFA Server, PhoneFactor Agent or part files' },
        ],
      },
    ]);
  });

  it('an entry of another publisher whose folder holds the service executables is confirmed by its files', async () => {
    const h = memoryHost().file(`${MFA}\\MultiFactorAuthSvc.exe`, 'MZ');
    h.reg(`${UN}\\{S}`, {
      DisplayName: 'Multi-Factor Authentication Server',
      DisplayVersion: '7.3.0.3',
      Publisher: 'Contoso IT (repackaged)',
      InstallLocation: `${MFA}\\`,
    });
    const inv = await inventory(h);
    expect(summary(inv)).toEqual([['server', '7.3.0.3', MFA, null, false]]);
    expect(inv.ignored).toEqual([]);
  });

  it('a portal entry of another publisher is confirmed by its web.config; a Duo entry with the MFA token is not', async () => {
    const h = memoryHost().file(`${WWWROOT}\\MultiFactorAuth\\web.config`, portalWebConfig());
    h.reg(`${UN}\\{P}`, {
      DisplayName: 'MFA User Portal',
      DisplayVersion: '7.3.0.3',
      Publisher: 'Contoso IT',
      InstallLocation: `${WWWROOT}\\MultiFactorAuth\\`,
    });
    h.reg(`${UN}\\{D}`, { DisplayName: 'Duo MFA Server Agent', DisplayVersion: '4.2.0', Publisher: 'Duo Security, Inc.' });
    const inv = await inventory(h);
    expect(summary(inv)).toEqual([['user-portal', '7.3.0.3', `${WWWROOT}\\MultiFactorAuth`, null, false]]);
    expect(inv.ignored.map((e) => [e.displayName, e.lookedLike])).toEqual([['Duo MFA Server Agent', 'server']]);
  });

  it("publishers PhoneFactor, Positive Networks and Microsoft confirm; no publisher confirms only the parts' own brand", async () => {
    for (const [name, publisher, want] of [
      ['PhoneFactor Agent', 'PhoneFactor', 'agent'],
      ['PhoneFactor Agent', 'Positive Networks, Inc.', 'agent'],
      ['Azure Multi-Factor Authentication Server', 'Microsoft Corporation', 'server'],
      ['Multi-Factor Authentication Server', undefined, 'server'],
      ['MFA Agent', undefined, null],
    ] as const) {
      const h = memoryHost();
      h.reg(`${UN}\\{X}`, { DisplayName: name, DisplayVersion: '5.2.1', ...(publisher ? { Publisher: publisher } : {}) });
      expect((await inventory(h)).components.map((c) => c.component)).toEqual(want ? [want] : []);
    }
  });
});

describe('probeInventory: an interrupted PhoneFactor Agent upgrade', () => {
  const UN = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

  it('no agent entry or executables, the PhoneFactor key and the data file left, the portal still installed', async () => {
    const h = memoryHost()
      .reg(wow64(PHONEFACTOR_KEY), { InstallPath: `${PF}\\` })
      .file(`${PF}\\Data\\PhoneFactor.pfdata`, 'DATA')
      .file(`${PF}\\Logs\\pfsvc.log`, 'log')
      .file(`${WWWROOT}\\PhoneFactor\\web.config`, portalWebConfig());
    uninstallEntry(h, '{P}', 'PhoneFactor User Portal', { version: '5.2.1', installLocation: `${WWWROOT}\\PhoneFactor\\` });
    h.reg(`${UN}\\{V}`, { DisplayName: 'VMware Tools', DisplayVersion: '11.3.5' });
    const inv = await inventory(h);
    expect(summary(inv)).toEqual([['user-portal', '5.2.1', `${WWWROOT}\\PhoneFactor`, null, false]]);
    expect(inv.mfaFolder).toBe(PF);
    expect(inv.interrupted).toMatchObject({ installPath: PF, remaining: ['user-portal'] });
    expect(inv.interrupted!.evidence.map((e) => e.observed)).toEqual([
      `${PF}\\`,
      'data file present',
      'no PhoneFactor Agent or MFA Server executables',
      'no PhoneFactor Agent or MFA Server entry in either view',
    ]);
  });

  it('not interrupted: the agent executables are there, or the registry has no PhoneFactor key (files only)', async () => {
    const withExe = memoryHost()
      .reg(wow64(PHONEFACTOR_KEY), { InstallPath: `${PF}\\` })
      .file(`${PF}\\pfsvc.exe`, 'MZ')
      .file(`${PF}\\Data\\PhoneFactor.pfdata`, 'D');
    uninstallEntry(withExe, '{V}', 'VMware Tools');
    expect((await inventory(withExe)).interrupted).toBeNull();
    const filesOnly = await inventory(memoryHost().file(`${PF}\\Data\\PhoneFactor.pfdata`, 'D'));
    expect(filesOnly.interrupted).toBeNull();
    expect(summary(filesOnly)).toEqual([['agent', null, PF, null, false]]);
  });
});
