import { describe, expect, it } from 'vitest';
import { isThisHost, partFolderNames, probeThemes, probeWebConfig, sdkUrlFact } from '../../src/probes/web.js';
import type { ComponentFact } from '../../src/types.js';
import { memoryHost, mobileWebConfig, portalWebConfig, probeContext, type MemoryHost } from '../helpers/memory.js';

describe('isThisHost', () => {
  it.each([
    ['localhost', null, [], true],
    ['LOCALHOST', null, [], true],
    ['127.0.0.1', null, [], true],
    ['127.10.20.30', null, [], true],
    ['[::1]', null, [], true],
    ['::1', null, [], true],
    ['mfa01', 'MFA01', [], true],
    ['MFA01.contoso.com', 'mfa01', [], true],
    ['mfa01x.contoso.com', 'mfa01', [], false],
    ['mfa02.contoso.com', 'mfa01', [], false],
    ['mfa.contoso.com', 'mfa01', ['mfa.contoso.com'], true],
    ['MFA.contoso.com', null, ['mfa.contoso.com'], true],
    ['128.0.0.1', null, [], false],
    ['127.0.0.1.evil.com', null, [], false],
    ['contoso.com', 'contoso', [], true],
  ])('%s (host %s, bound %j) -> %s', (host, hostname, bound, want) => {
    expect(isThisHost(host, hostname, bound)).toBe(want);
  });
});

describe('sdkUrlFact', () => {
  it.each([
    [
      'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
      'mfa01.contoso.com',
      '/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
      true,
    ],
    ['https://MFA02:4443/Phone%20Factor/PfWsSdk.asmx', 'mfa02', '/Phone Factor/PfWsSdk.asmx', false],
    ['  http://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx ', 'localhost', '/PhoneFactorWebServiceSdk/PfWsSdk.asmx', true],
    ['not a url', '', '', false],
  ])('%s', (url, host, path, thisHost) => {
    expect(sdkUrlFact('user-portal', 'C:\\x\\web.config', 'pfup_pfwssdk_PfWsSdk', url, 'MFA01', [])).toEqual({
      component: 'user-portal',
      file: 'C:\\x\\web.config',
      setting: 'pfup_pfwssdk_PfWsSdk',
      url,
      host,
      path,
      thisHost,
    });
  });
});

const PORTAL = 'C:\\inetpub\\wwwroot\\PhoneFactor';
const part = (over: Partial<ComponentFact> = {}): ComponentFact => ({
  component: 'user-portal',
  installed: true,
  version: '6.3',
  displayName: null,
  installPath: PORTAL,
  installDate: null,
  virtualDirectory: '/PhoneFactor',
  virtualDirectoryKnown: true,
  evidence: [],
  ...over,
});

describe('partFolderNames', () => {
  it('its folder, its virtual directory and the defaults, once each', () => {
    expect(partFolderNames(part({ installPath: 'C:\\inetpub\\wwwroot\\MFAPortal', virtualDirectory: '/sites/Portal' }))).toEqual([
      'MFAPortal',
      'Portal',
      'PhoneFactor',
      'MultiFactorAuth',
      'UserPortal',
      'User Portal',
    ]);
    expect(partFolderNames(part({ component: 'web-service-sdk', installPath: null, virtualDirectory: null }))).toEqual([]);
  });
});

async function webConfig(h: MemoryHost, p: ComponentFact = part(), backupDirs: string[] = []) {
  const configErrors: { path: string; message: string }[] = [];
  const fact = await probeWebConfig(await probeContext(h), p, backupDirs, configErrors);
  return { fact, configErrors };
}

describe('probeWebConfig', () => {
  it('a portal web.config: settings, the SDK URL and its setting name', async () => {
    const { fact, configErrors } = await webConfig(memoryHost().file(`${PORTAL}\\web.config`, portalWebConfig()));
    expect(fact).toMatchObject({
      path: `${PORTAL}\\web.config`,
      exists: true,
      parseError: null,
      sdkUrl: 'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
      sdkUrlSetting: 'pfup.Properties.Settings/pfup_pfwssdk_PfWsSdk',
      backup: { searched: true, candidates: [] },
    });
    expect(fact!.settings!.appSettings).toEqual({ LOG_LEVEL: '3' });
    expect(configErrors).toEqual([]);
  });

  it('a broken web.config: the parse error, in configErrors too', async () => {
    const { fact, configErrors } = await webConfig(memoryHost().file(`${PORTAL}\\web.config`, '<configuration><appSettings>'));
    expect(fact!.parseError).toBeTruthy();
    expect(configErrors).toEqual([{ path: `${PORTAL}\\web.config`, message: fact!.parseError }]);
  });

  it('missing: exists false; no install path: null', async () => {
    expect((await webConfig(memoryHost().dir(PORTAL))).fact).toMatchObject({ exists: false, backup: null });
    expect((await webConfig(memoryHost(), part({ installPath: null }))).fact).toBeNull();
  });

  it('unreadable: cannot be read', async () => {
    const { fact } = await webConfig(memoryHost().file(`${PORTAL}\\web.config`, portalWebConfig()).cannotRead(`${PORTAL}\\web.config`));
    expect(fact).toMatchObject({ exists: true, parseError: 'cannot be read' });
  });

  it('a backup in a backup folder counts by its section (pfup), in UTF-16 too; a Mobile App one does not', async () => {
    const h = memoryHost()
      .file(`${PORTAL}\\web.config`, portalWebConfig(), { mtime: '2026-11-01T00:00:00Z' })
      .file('E:\\Backups\\x\\web.config', portalWebConfig('https://old/PfWsSdk.asmx'), {
        mtime: '2026-11-02T00:00:00Z',
        encoding: 'utf16le',
      })
      .file('E:\\Backups\\y\\web.config', mobileWebConfig(), { mtime: '2026-11-02T00:00:00Z' });
    const { fact } = await webConfig(h, part(), ['E:\\Backups']);
    expect(fact!.backup!.candidates.map((c) => [c.path, c.reason, c.current])).toEqual([
      ['E:\\Backups\\x\\web.config', 'backup-folder', true],
    ]);
  });
});

describe('probeThemes', () => {
  const themes = async (h: MemoryHost, p: ComponentFact = part()) => probeThemes(await probeContext(h), p, []);

  it('custom themes are listed; Default only with what changed a day after the install date', async () => {
    const h = memoryHost()
      .file(`${PORTAL}\\App_Themes\\Default\\a.css`, 'a', { mtime: '2025-03-01T20:00:00Z' })
      .file(`${PORTAL}\\App_Themes\\Default\\b.css`, 'b', { mtime: '2025-03-03T00:00:00Z' })
      .file(`${PORTAL}\\App_Themes\\Contoso\\c.css`, 'c')
      .file(`${PORTAL}\\App_Themes\\readme.txt`, 'not a theme');
    const t = await themes(h, part({ installDate: '20250301' }));
    expect(t.map((x) => [x.name, x.custom, x.changedFiles])).toEqual([
      ['Contoso', true, []],
      ['Default', false, [`${PORTAL}\\App_Themes\\Default\\b.css`]],
    ]);
    expect(t[1].reference).toEqual({ time: '2025-03-01T00:00:00.000Z', source: 'Uninstall InstallDate' });
    expect(t[0].backup).toMatchObject({ searched: true });
  });

  it('no install date: Default.aspx is the reference; an unchanged Default is not searched for backups', async () => {
    const h = memoryHost()
      .file(`${PORTAL}\\Default.aspx`, 'x', { mtime: '2025-03-01T00:00:00Z' })
      .file(`${PORTAL}\\App_Themes\\Default\\a.css`, 'a', { mtime: '2025-03-01T00:00:00Z' });
    const [d] = await themes(h);
    expect(d).toMatchObject({
      name: 'Default',
      changedFiles: [],
      reference: { source: `last write of ${PORTAL}\\Default.aspx` },
      backup: null,
    });
  });

  it('no App_Themes: no themes', async () => {
    expect(await themes(memoryHost().dir(PORTAL))).toEqual([]);
  });
});
