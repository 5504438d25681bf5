import { describe, expect, it } from 'vitest';
import { probeIis } from '../../src/probes/iis.js';
import { APPHOST_PATH, applicationHost, memoryHost, probeContext, type MemoryHost } from '../helpers/memory.js';

const REDIRECTION_PATH = 'C:\\Windows\\System32\\inetsrv\\config\\redirection.config';

async function iis(h: MemoryHost) {
  const configErrors: { path: string; message: string }[] = [];
  const fact = await probeIis(await probeContext(h), configErrors);
  return { fact, configErrors };
}

describe('probeIis', () => {
  it('no IIS: nothing known', async () => {
    const { fact, configErrors } = await iis(memoryHost());
    expect(fact).toEqual({
      known: false,
      configPath: null,
      sharedConfig: null,
      parseError: null,
      virtualDirectories: [],
      boundHostNames: [],
    });
    expect(configErrors).toEqual([]);
  });

  it('applicationHost.config: virtual directories and bound host names (lower case, sorted, once)', async () => {
    const h = memoryHost().file(
      APPHOST_PATH,
      applicationHost(
        [{ path: '/MultiFactorAuth', physicalPath: 'C:\\inetpub\\wwwroot\\MultiFactorAuth' }],
        ['*:443:MFA.contoso.com', '*:80:mfa.contoso.com', '*:443:'],
      ),
    );
    const { fact } = await iis(h);
    expect(fact.known).toBe(true);
    expect(fact.configPath).toBe(APPHOST_PATH);
    expect(fact.virtualDirectories).toEqual([
      { site: 'Default Web Site', app: '/', vdir: '/', urlPath: '/', physicalPath: '%SystemDrive%\\inetpub\\wwwroot' },
      {
        site: 'Default Web Site',
        app: '/MultiFactorAuth',
        vdir: '/',
        urlPath: '/MultiFactorAuth',
        physicalPath: 'C:\\inetpub\\wwwroot\\MultiFactorAuth',
      },
    ]);
    expect(fact.boundHostNames).toEqual(['mfa.contoso.com']);
  });

  it('the config found through a localized system root', async () => {
    const h = memoryHost()
      .reg('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', { SystemRoot: 'D:\\Windows' })
      .file('D:\\Windows\\System32\\inetsrv\\config\\applicationHost.config', applicationHost([]));
    expect((await iis(h)).fact).toMatchObject({
      known: true,
      configPath: 'D:\\Windows\\System32\\inetsrv\\config\\applicationHost.config',
    });
  });

  it('shared configuration on: the local file is not what IIS runs, virtual directories unknown', async () => {
    const h = memoryHost()
      .file(APPHOST_PATH, applicationHost([{ path: '/MFA', physicalPath: 'C:\\x' }]))
      .file(REDIRECTION_PATH, '<configuration><configurationRedirection enabled="true" path="\\\\fs01\\IISConfig$" /></configuration>');
    const { fact } = await iis(h);
    expect(fact.sharedConfig).toEqual({ enabled: true, path: '\\\\fs01\\IISConfig$' });
    expect(fact.known).toBe(false);
  });

  it('a cut-off applicationHost.config: the parse error, in configErrors too', async () => {
    const { fact, configErrors } = await iis(memoryHost().file(APPHOST_PATH, applicationHost([]).slice(0, 200)));
    expect(fact.known).toBe(false);
    expect(fact.parseError).toBeTruthy();
    expect(configErrors).toEqual([{ path: APPHOST_PATH, message: fact.parseError }]);
  });

  it('a broken redirection.config is a config error; the local file is still read', async () => {
    const h = memoryHost().file(APPHOST_PATH, applicationHost([])).file(REDIRECTION_PATH, '<configuration>');
    const { fact, configErrors } = await iis(h);
    expect(fact.known).toBe(true);
    expect(configErrors.map((e) => e.path)).toEqual([REDIRECTION_PATH]);
  });
});
