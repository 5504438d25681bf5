import { describe, expect, it } from 'vitest';
import { ADAPTER_CONFIG, probeAdfs, providerNameFor, REGISTER_PS1, registerPassesConfigPath } from '../../src/probes/adfs.js';
import type { ComponentFact } from '../../src/types.js';
import { MFA, memoryHost, probeContext, type MemoryHost } from '../helpers/memory.js';

describe('registerPassesConfigPath', () => {
  it.each([
    ['one call with the parameter', 'Register-AdfsAuthenticationProvider -TypeName $t -Name $n -ConfigurationFilePath $cfg', true],
    ['one call without it', 'Register-AdfsAuthenticationProvider -TypeName $t -Name $n', false],
    ['case-insensitive', 'register-adfsauthenticationprovider -typename $t -configurationfilepath "C:\\x.config"', true],
    ['continued with backticks', 'Register-AdfsAuthenticationProvider -TypeName $t `\n  -Name $n `\n  -ConfigurationFilePath $cfg', true],
    [
      'only a comment names it',
      '# add -ConfigurationFilePath to the line below\nRegister-AdfsAuthenticationProvider -TypeName $t -Name $n',
      false,
    ],
    [
      'named after a # in a comment on the same line',
      'Register-AdfsAuthenticationProvider -TypeName $t # -ConfigurationFilePath $cfg',
      false,
    ],
    [
      'a block comment holds the good call',
      '<# Register-AdfsAuthenticationProvider -ConfigurationFilePath $c #>\nRegister-AdfsAuthenticationProvider -TypeName $t',
      false,
    ],
    ['a # inside a string is not a comment', 'Register-AdfsAuthenticationProvider -Name "MFA#1" -ConfigurationFilePath $c', true],
    [
      'two calls, one without',
      'Register-AdfsAuthenticationProvider -ConfigurationFilePath $c\nRegister-AdfsAuthenticationProvider -Name x',
      false,
    ],
    [
      'splatting with the key in the hashtable',
      '$p = @{ TypeName = $t; ConfigurationFilePath = $cfg }\nRegister-AdfsAuthenticationProvider @p',
      true,
    ],
    ['splatting without the key', '$p = @{ TypeName = $t }\nRegister-AdfsAuthenticationProvider @p', false],
    ['no call at all', 'Write-Host "nothing to register"', null],
  ])('%s', (_, script, want) => {
    expect(registerPassesConfigPath(script)).toBe(want);
  });

  // Was a bug: the call pattern had no boundary before "Register", so an Unregister-AdfsAuthenticationProvider
  // line was taken for a Register call without -ConfigurationFilePath.
  it.each([
    ['Unregister only', 'Unregister-AdfsAuthenticationProvider -Name $n', null],
    [
      'Unregister first, then a good Register',
      'Unregister-AdfsAuthenticationProvider -Name $n\nRegister-AdfsAuthenticationProvider -TypeName $t -ConfigurationFilePath $c',
      true,
    ],
  ])('%s', (_, script, want) => {
    expect(registerPassesConfigPath(script)).toBe(want);
  });
});

describe('providerNameFor', () => {
  it.each([
    ['6.3.0', 'WindowsAzureMultiFactorAuthentication'],
    ['6.99', 'WindowsAzureMultiFactorAuthentication'],
    ['7.0', 'AzureMfaServerAuthentication'],
    ['8.1.2.1', 'AzureMfaServerAuthentication'],
    [null, null],
  ])('%s -> %s', (v, want) => {
    expect(providerNameFor(v)).toBe(want);
  });
});

const adapter = (over: Partial<ComponentFact> = {}): ComponentFact => ({
  component: 'adfs-adapter',
  installed: true,
  version: '6.3.0',
  displayName: null,
  installPath: MFA,
  installDate: null,
  virtualDirectory: null,
  virtualDirectoryKnown: false,
  evidence: [],
  ...over,
});
const CONFIG = (url = 'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', extra = '') =>
  `<ConfigurationData><UseWebServiceSdk>true</UseWebServiceSdk><WebServiceSdkUrl>${url}</WebServiceSdkUrl>${extra}</ConfigurationData>`;

async function adfs(h: MemoryHost, stage: 'pre' | 'adfs' = 'pre', a = adapter(), backupDirs: string[] = []) {
  const configErrors: { path: string; message: string }[] = [];
  const fact = await probeAdfs(await probeContext(h, { stage }), a, null, backupDirs, configErrors);
  return { fact, configErrors };
}

describe('probeAdfs', () => {
  it('the adapter files, the Register script (UTF-16 with a BOM) and the config with its SDK URL', async () => {
    const h = memoryHost()
      .file(`${MFA}\\${REGISTER_PS1}`, 'Register-AdfsAuthenticationProvider -TypeName $t -Name $n', { encoding: 'utf16le' })
      .file(`${MFA}\\${ADAPTER_CONFIG}`, CONFIG())
      .file(`${MFA}\\MultiFactorAuthenticationAdfsAdapterSetup64.msi`, 'MSI');
    const { fact, configErrors } = await adfs(h);
    expect(fact.files.map((f) => [f.name, f.present])).toEqual([
      ['MultiFactorAuthenticationAdfsAdapterSetup64.msi', true],
      [REGISTER_PS1, true],
      ['Unregister-MultiFactorAuthenticationAdfsAdapter.ps1', false],
      [ADAPTER_CONFIG, true],
    ]);
    expect(fact.registerScript).toEqual({ path: `${MFA}\\${REGISTER_PS1}`, passesConfigurationFilePath: false, readError: null });
    expect(fact.config).toMatchObject({
      exists: true,
      parseError: null,
      sdkUrl: 'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
    });
    expect(fact.oldProviderName).toBe('WindowsAzureMultiFactorAuthentication');
    expect(fact.configDiff).toBeNull();
    expect(configErrors).toEqual([]);
  });

  it('a config that is not an adapter config: the parse error, in configErrors too', async () => {
    const { fact, configErrors } = await adfs(memoryHost().file(`${MFA}\\${ADAPTER_CONFIG}`, '<configuration/>'));
    expect(fact.config!.parseError).toMatch(/expected <ConfigurationData>/);
    expect(configErrors).toHaveLength(1);
  });

  it('an unreadable Register script says so; no config: exists false', async () => {
    const h = memoryHost().file(`${MFA}\\${REGISTER_PS1}`, 'x').cannotRead(`${MFA}\\${REGISTER_PS1}`);
    const { fact } = await adfs(h);
    expect(fact.registerScript).toMatchObject({ passesConfigurationFilePath: null, readError: 'cannot be read' });
    expect(fact.config).toEqual({ path: `${MFA}\\${ADAPTER_CONFIG}`, exists: false, parseError: null, backup: null });
  });

  it('stage adfs: the new config is compared with the newest saved copy of other content', async () => {
    const h = memoryHost()
      .file(`${MFA}\\${ADAPTER_CONFIG}`, CONFIG('https://mfa02/PfWsSdk.asmx', '<Timeout>30</Timeout>'), { mtime: '2026-11-20T00:00:00Z' })
      .file(`${MFA}\\${ADAPTER_CONFIG}.bak`, CONFIG(), { mtime: '2026-11-01T00:00:00Z' })
      .file(`${MFA}\\${ADAPTER_CONFIG}.old`, CONFIG('https://ancient/PfWsSdk.asmx'), { mtime: '2025-01-01T00:00:00Z' });
    const { fact } = await adfs(h, 'adfs');
    expect(fact.configDiff!.saved).toBe(`${MFA}\\${ADAPTER_CONFIG}.bak`);
    expect(fact.configDiff!.differences.map((d) => d.kind).sort()).toEqual(['added', 'changed']);
    // At stage pre nothing is compared.
    expect((await adfs(h, 'pre')).fact.configDiff).toBeNull();
  });

  it('no install path: the default MFA folder', async () => {
    const { fact } = await adfs(memoryHost(), 'pre', adapter({ installPath: null, version: '7.3' }));
    expect(fact.folder).toBe(MFA);
    expect(fact.oldProviderName).toBe('AzureMfaServerAuthentication');
  });
});

describe('probeAdfs: the new files in a staging folder (--adapter-files, issue 11 item 4)', () => {
  const STAGE = 'D:\\MFA-Upgrade\\Adapter';
  const OLD = CONFIG(
    'https://mfa01.contoso.com/MFASDK/PfWsSdk.asmx',
    '<WebServiceSdkCertificateThumbprint>5E7A1C33</WebServiceSdkCertificateThumbprint>',
  );
  const NEW = CONFIG(
    'https://localhost/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
    '<WebServiceSdkCertificateThumbprint></WebServiceSdkCertificateThumbprint><WebServiceSdkTimeout>30</WebServiceSdkTimeout>',
  );
  const staged = () =>
    memoryHost()
      .drive('D')
      .file(`${MFA}\\${ADAPTER_CONFIG}`, OLD, { mtime: '2019-06-12T11:25:00Z' })
      .file(`${STAGE}\\MultiFactorAuthenticationAdfsAdapterSetup64.msi`, 'MSI', { mtime: '2026-11-19T16:02:00Z' })
      .file(`${STAGE}\\Unregister-MultiFactorAuthenticationAdfsAdapter.ps1`, 'Unregister-AdfsAuthenticationProvider -Name $n', {
        mtime: '2026-11-19T16:02:00Z',
      })
      .file(`${STAGE}\\${ADAPTER_CONFIG}`, NEW, { mtime: '2026-11-19T16:02:00Z' })
      .file(
        `${STAGE}\\${REGISTER_PS1}`,
        `Register-AdfsAuthenticationProvider -TypeName $t -Name $n -ConfigurationFilePath "${STAGE}\\${ADAPTER_CONFIG}"`,
        { mtime: '2026-11-19T16:20:00Z' },
      );
  const run = async (h: MemoryHost, opts: { adapterFiles?: string; backupDirs?: string[]; stage?: 'pre' | 'adfs' } = {}) => {
    const configErrors: { path: string; message: string }[] = [];
    const ctx = await probeContext(h, { stage: opts.stage ?? 'adfs', adapterFiles: opts.adapterFiles });
    return { fact: await probeAdfs(ctx, adapter({ version: '7.3.0.3' }), null, opts.backupDirs ?? [], configErrors), configErrors };
  };

  it('reads the four files and the edited Register script there', async () => {
    const { fact } = await run(staged(), { adapterFiles: STAGE });
    expect(fact.staging).toEqual({ folder: STAGE, source: 'flag' });
    expect(fact.files.every((f) => f.present && f.path.startsWith(STAGE))).toBe(true);
    expect(fact.registerScript).toMatchObject({ path: `${STAGE}\\${REGISTER_PS1}`, passesConfigurationFilePath: true });
  });

  it('compares OLD (the registered config) against NEW (the staged template), in that direction', async () => {
    const { fact } = await run(staged(), { adapterFiles: STAGE });
    expect(fact.configDiff!.saved).toBe(`${MFA}\\${ADAPTER_CONFIG}`);
    expect(fact.configDiff!.current).toBe(`${STAGE}\\${ADAPTER_CONFIG}`);
    const url = fact.configDiff!.differences.find((d) => d.path.endsWith('WebServiceSdkUrl'))!;
    expect(url).toMatchObject({
      old: 'https://mfa01.contoso.com/MFASDK/PfWsSdk.asmx',
      new: 'https://localhost/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
    });
    expect(fact.configDiff!.differences.find((d) => d.path.endsWith('WebServiceSdkTimeout'))!.kind).toBe('added');
  });

  it('given as a backup folder too, the template is not a backup of the registered config', async () => {
    const { fact } = await run(staged(), { adapterFiles: STAGE, backupDirs: [STAGE] });
    expect(fact.config!.backup!.candidates.map((c) => c.path)).toEqual([]);
    expect(fact.exports).toEqual([]);
  });

  it('a backup folder holding the adapter MSI and config is taken for the staging folder (no --adapter-files)', async () => {
    const { fact } = await run(staged(), { backupDirs: [STAGE] });
    expect(fact.staging).toEqual({ folder: STAGE, source: 'backup-dir' });
    expect(fact.configDiff).toMatchObject({ saved: `${MFA}\\${ADAPTER_CONFIG}`, current: `${STAGE}\\${ADAPTER_CONFIG}` });
    expect(fact.config!.backup!.candidates).toEqual([]);
  });

  it('bundle.json adapterFiles stands for the flag', async () => {
    const h = staged().bundleJson({ hostname: 'ADFS05', adapterFiles: STAGE });
    expect((await run(h)).fact.staging).toEqual({ folder: STAGE, source: 'bundle' });
  });

  it('an export under any name (UTF-16, as PowerShell writes it) is recognised by its content', async () => {
    const h = staged()
      .file('E:\\Backups\\adfs05-mfa-provider.xml', `\uFEFF${OLD}`, { encoding: 'utf16le', mtime: '2026-11-19T16:05:00Z' })
      .file('E:\\Backups\\notes.txt', 'ConfigurationData is in the export');
    const { fact } = await run(h, { adapterFiles: STAGE, backupDirs: ['E:\\Backups'] });
    expect(fact.exports).toEqual([{ path: 'E:\\Backups\\adfs05-mfa-provider.xml', mtime: '2026-11-19T16:05:00.000Z' }]);
  });

  it('the registered config gone from the adapter folder: the newest export is OLD', async () => {
    const h = memoryHost()
      .drive('D')
      .drive('E')
      .file(`${STAGE}\\${ADAPTER_CONFIG}`, NEW)
      .file('E:\\Backups\\export.xml', OLD, { mtime: '2026-11-19T16:05:00Z' });
    const { fact } = await run(h, { adapterFiles: STAGE, backupDirs: ['E:\\Backups'] });
    expect(fact.config!.exists).toBe(false);
    expect(fact.configDiff).toMatchObject({ saved: 'E:\\Backups\\export.xml', current: `${STAGE}\\${ADAPTER_CONFIG}` });
  });
});
