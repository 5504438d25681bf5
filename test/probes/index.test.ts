import { describe, expect, it } from 'vitest';
import { hostRoleOf, INSTALLERS, runProbes } from '../../src/probes/index.js';
import { ADAPTER_CONFIG, REGISTER_PS1 } from '../../src/probes/adfs.js';
import { NDP_V4_FULL, PHONEFACTOR_KEY, REGISTRY_INTERESTS } from '../../src/probes/registry.js';
import { DATA_UNREADABLE, type ComponentFact, type ComponentId } from '../../src/types.js';
import { APPHOST_PATH, MFA, PF, WWWROOT, applicationHost, memoryHost, portalWebConfig, uninstallEntry } from '../helpers/memory.js';

const c = (component: ComponentId) => ({ component }) as ComponentFact;

describe('hostRoleOf', () => {
  it.each([
    [['agent', 'user-portal'], 'mfa-host'],
    [['server', 'adfs-adapter'], 'mfa-host'],
    [['adfs-adapter'], 'adfs-host'],
    [['user-portal', 'mobile-app'], 'web-host'],
    [['web-service-sdk'], 'web-host'],
    [[], 'none'],
  ] as [ComponentId[], string][])('%j -> %s', (components, role) => {
    expect(hostRoleOf(components.map(c))).toBe(role);
  });
});

describe('runProbes', () => {
  it('asks the host for the registry keys the probes declare, once', async () => {
    const h = memoryHost();
    await runProbes(h, { stage: 'pre' });
    expect(h.interestsAsked).toEqual([REGISTRY_INTERESTS]);
  });

  it('an MFA Server with a portal: components, data file with a backup, SDK URL, installers the other servers need', async () => {
    const h = memoryHost()
      .bundleJson({ hostname: 'MFA01', backupDirs: ['E:\\Backups'], otherHosts: [{ name: 'WEB01', components: ['user-portal', 'bogus'] }] })
      .reg(PHONEFACTOR_KEY, { InstallPath: MFA })
      .reg(NDP_V4_FULL, { Release: 528040 })
      .file(`${MFA}\\MultiFactorAuthSvc.exe`, 'MZ')
      .file(`${MFA}\\Data\\PhoneFactor.pfdata`, 'DATA', { mtime: '2026-11-10T00:00:00Z' })
      .file(`${MFA}\\${INSTALLERS['mobile-app']}`, 'MSI')
      .file('E:\\Backups\\MFA\\PhoneFactor.pfdata', 'DATA-OLD', { mtime: '2026-11-11T00:00:00Z' })
      .file(
        APPHOST_PATH,
        applicationHost([{ path: '/MultiFactorAuth', physicalPath: `${WWWROOT}\\MultiFactorAuth` }], ['*:443:mfa.contoso.com']),
      )
      .file(
        `${WWWROOT}\\MultiFactorAuth\\web.config`,
        portalWebConfig('https://MFA.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx'),
      );
    uninstallEntry(h, '{S}', 'Multi-Factor Authentication Server', { version: '7.3.0.3', installLocation: MFA });
    const f = await runProbes(h, { stage: 'pre' });
    expect(f.host).toMatchObject({ name: 'MFA01', hostRole: 'mfa-host', backupDirs: ['E:\\Backups'] });
    expect(f.components.map((x) => x.component)).toEqual(['server', 'user-portal']);
    expect(f.dataFile!.original).toMatchObject({ path: `${MFA}\\Data\\PhoneFactor.pfdata`, exists: true });
    expect(f.dataFile!.candidates.map((x) => [x.path, x.reason, x.current])).toEqual([
      ['E:\\Backups\\MFA\\PhoneFactor.pfdata', 'backup-folder', true],
    ]);
    expect(f.sdkUrls).toEqual([expect.objectContaining({ component: 'user-portal', host: 'mfa.contoso.com', thisHost: true })]);
    expect(f.installers).toEqual({ folder: MFA, present: [INSTALLERS['mobile-app']], needed: [INSTALLERS['user-portal']] });
    expect(f.otherHosts).toEqual(['user-portal']);
    // The servers themselves, named, with only the components the tool knows (bundle.json otherHosts).
    expect(f.otherHostList).toEqual([{ name: 'WEB01', components: ['user-portal'] }]);
    expect(f.dotnet.release).toBe(528040);
    expect(f.registry).toEqual({ coversUninstall: true, files: 1 });
    expect(f.problems).toEqual([]);
  });

  it('a data folder that cannot be read: the data file is unreadable, not missing, and a problem says so', async () => {
    const h = memoryHost().file(`${PF}\\pfsvc.exe`, 'MZ').file(`${PF}\\Data\\PhoneFactor.pfdata`, 'D').cannotRead(`${PF}\\Data`);
    const f = await runProbes(h, { stage: 'pre' });
    expect(f.components.map((x) => x.component)).toEqual(['agent']);
    expect(f.dataFile!.original).toMatchObject({ exists: false, unreadable: true });
    expect(f.problems).toContainEqual({ location: `${PF}\\Data\\PhoneFactor.pfdata`, message: DATA_UNREADABLE });
  });

  it('an AD FS server whose adapter has no Uninstall entry: found by its config and Register script', async () => {
    const h = memoryHost()
      .file(`${MFA}\\${REGISTER_PS1}`, 'Register-AdfsAuthenticationProvider -ConfigurationFilePath $c')
      .file(
        `${MFA}\\${ADAPTER_CONFIG}`,
        '<ConfigurationData><WebServiceSdkUrl>https://mfa01/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx</WebServiceSdkUrl></ConfigurationData>',
      );
    const f = await runProbes(h, { stage: 'adfs' });
    expect(f.host.hostRole).toBe('adfs-host');
    expect(f.components).toEqual([expect.objectContaining({ component: 'adfs-adapter', version: null, installPath: MFA })]);
    expect(f.adfs!.registerScript!.passesConfigurationFilePath).toBe(true);
    expect(f.sdkUrls).toEqual([
      expect.objectContaining({ component: 'adfs-adapter', setting: 'WebServiceSdkUrl', host: 'mfa01', thisHost: false }),
    ]);
    expect(f.dataFile).toBeNull();
  });

  it('nothing installed: no components, no data file, nothing to read', async () => {
    const f = await runProbes(memoryHost().dir('C:\\Windows'), { stage: 'pre' });
    expect(f).toMatchObject({
      components: [],
      dataFile: null,
      userPortal: null,
      adfs: null,
      installers: { folder: null, present: [], needed: [] },
    });
    expect(f.host.hostRole).toBe('none');
    expect(f.registry).toEqual({ coversUninstall: false, files: 0 });
  });
});
