import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bindingHost, joinUrlPath, readApplicationHost, readRedirection } from '../../src/xml/applicationhost.js';

/** test/data/realdata/iis: see test/data/realdata/PROVENANCE.md. */
const REAL = fileURLToPath(new URL('../data/realdata/iis/', import.meta.url));
interface TruthFile {
  file: string;
  size: number;
  line_endings: string;
  site_count: number;
  application_count: number;
  virtual_directory_count: number;
  tuples: [string, string, string, string][];
}
const truth = JSON.parse(readFileSync(join(REAL, 'truth.json'), 'utf8')) as { files: TruthFile[] };

describe('readApplicationHost on real applicationHost.config files', () => {
  it('covers the four files of the README', () => {
    expect(truth.files.map((f) => f.file).sort()).toEqual([
      'c1982__IIS-SharedGitConfig.applicationHost.config',
      'coso-configuration__supernova.applicationHost.config',
      'mlbakerak__WinIRISBuild.applicationHost.config',
      'shubham23nov__Web-Service-Health-Check.applicationHost.config',
    ]);
  });

  for (const t of truth.files) {
    it(`${t.file}: counts and every (site, app, vdir, physicalPath) tuple`, () => {
      const bytes = readFileSync(join(REAL, t.file));
      expect(bytes.length).toBe(t.size);
      const r = readApplicationHost(bytes);
      if (!r.ok) throw new Error(r.error);
      expect(r.sites.length).toBe(t.site_count);
      expect(r.sites.reduce((n, s) => n + s.applications.length, 0)).toBe(t.application_count);
      expect(r.virtualDirectories.length).toBe(t.virtual_directory_count);
      expect(r.virtualDirectories.map((v) => [v.site, v.app, v.vdir, v.physicalPath])).toEqual(t.tuples);
      // physical paths are kept as configured: no CR from CRLF files, env vars not expanded
      for (const v of r.virtualDirectories) expect(v.physicalPath).not.toMatch(/[\r\n]/);
    });
  }

  it('CRLF file: extra vdir /cdn and app /api give the right URL paths', () => {
    const r = readApplicationHost(readFileSync(join(REAL, 'coso-configuration__supernova.applicationHost.config')));
    if (!r.ok) throw new Error(r.error);
    expect(r.virtualDirectories.map((v) => v.urlPath)).toEqual(['/', '/cdn', '/api']);
    expect(r.sites[0].applications.map((a) => a.applicationPool)).toEqual(['DefaultAppPool', 'DefaultAppPool']);
  });

  it('nested applications keep their full path', () => {
    const r = readApplicationHost(readFileSync(join(REAL, 'mlbakerak__WinIRISBuild.applicationHost.config')));
    if (!r.ok) throw new Error(r.error);
    expect(r.virtualDirectories.map((v) => v.urlPath)).toContain('/iris/csp');
    expect(r.virtualDirectories[0].physicalPath).toBe('%SystemDrive%\\inetpub\\wwwroot');
  });

  it('bound host names come from http(s) bindings only', () => {
    const r = readApplicationHost(readFileSync(join(REAL, 'c1982__IIS-SharedGitConfig.applicationHost.config')));
    if (!r.ok) throw new Error(r.error);
    expect(r.boundHostNames).toEqual([
      'deneme.com',
      'ikinci.com',
      'redisoncloud.com',
      'www.deneme.com',
      'www.ikinci.com',
      'www.redisoncloud.com',
    ]);
    const big = readApplicationHost(readFileSync(join(REAL, 'shubham23nov__Web-Service-Health-Check.applicationHost.config')));
    if (!big.ok) throw new Error(big.error);
    // ":80:www.ImageClearingImagesService.DEV" counts, the net.tcp binding "808:ImageClearingImagesService.DEV" does not
    expect(big.boundHostNames).toContain('www.imageclearingimagesservice.dev');
    expect(big.boundHostNames).not.toContain('imageclearingimagesservice.dev');
    expect(big.boundHostNames).not.toContain('localhost'); // net.msmq bindingInformation="localhost"
    // site-level applicationDefaults gives the pool of applications that name none
    const ic = big.sites.find((s) => s.name === 'ImageClearingImagesService')!;
    expect(ic.applications[0].applicationPool).toBe('ImageClearingImagesServiceAppPool');
  });
});

const MFA_HOST = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.applicationHost>
    <applicationPools>
      <add name="DefaultAppPool" />
      <add name="MFA">
        <processModel identityType="SpecificUser" userName="CONTOSO\\svc-mfa" password="[enc:IISCngProvider:abc:enc]" />
      </add>
    </applicationPools>
    <sites>
      <site name="Default Web Site" id="1">
        <application path="/">
          <virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" />
        </application>
        <application path="/PhoneFactor" applicationPool="MFA">
          <virtualDirectory path="/" physicalPath="C:\\inetpub\\wwwroot\\PhoneFactor" />
        </application>
        <application path="/MultiFactorAuthWebServiceSdk/">
          <virtualDirectory path="/" physicalPath="C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk" />
          <virtualDirectory path="/logs" physicalPath="D:\\Logs\\Sdk" />
        </application>
        <bindings>
          <binding protocol="http" bindingInformation="*:80:" />
          <binding protocol="https" bindingInformation="*:443:MFA01.contoso.com" />
          <binding protocol="https" bindingInformation="[::1]:8443:localhost" />
          <binding protocol="net.tcp" bindingInformation="808:*" />
        </bindings>
      </site>
      <siteDefaults>
        <logFile logFormat="W3C" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />
      </siteDefaults>
      <applicationDefaults applicationPool="DefaultAppPool" />
      <virtualDirectoryDefaults allowSubDirConfig="true" />
    </sites>
  </system.applicationHost>
</configuration>`;

describe('readApplicationHost on an MFA host', () => {
  it('reads sites, apps, vdirs, defaults and host names', () => {
    const r = readApplicationHost(MFA_HOST);
    if (!r.ok) throw new Error(r.error);
    expect(r.sites.map((s) => s.name)).toEqual(['Default Web Site']);
    expect(r.sites[0].id).toBe('1');
    expect(r.sites[0].applications.map((a) => [a.path, a.applicationPool])).toEqual([
      ['/', 'DefaultAppPool'],
      ['/PhoneFactor', 'MFA'],
      ['/MultiFactorAuthWebServiceSdk/', 'DefaultAppPool'],
    ]);
    expect(r.virtualDirectories.map((v) => v.urlPath)).toEqual([
      '/',
      '/PhoneFactor',
      '/MultiFactorAuthWebServiceSdk',
      '/MultiFactorAuthWebServiceSdk/logs',
    ]);
    expect(r.boundHostNames).toEqual(['localhost', 'mfa01.contoso.com']);
  });

  it('rejects a file that is not IIS configuration, and a broken one with its line', () => {
    const notIis = readApplicationHost('<ConfigurationData/>');
    expect(notIis).toEqual({ ok: false, error: expect.stringContaining('<ConfigurationData>') });
    const broken = readApplicationHost(
      MFA_HOST.replace('</application>\n        <application path="/PhoneFactor"', '\n        <application path="/PhoneFactor"'),
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/line \d+/);
  });
});

describe('helpers', () => {
  it('bindingHost', () => {
    expect(bindingHost('http', '*:80:')).toBeNull();
    expect(bindingHost('https', '10.0.0.5:443:portal.contoso.com')).toBe('portal.contoso.com');
    expect(bindingHost('HTTP', '[2001:db8::1]:80:v6.contoso.com')).toBe('v6.contoso.com');
    expect(bindingHost('net.tcp', '808:host')).toBeNull();
  });
  it('joinUrlPath', () => {
    expect(joinUrlPath('/', '/')).toBe('/');
    expect(joinUrlPath('/', '/cdn')).toBe('/cdn');
    expect(joinUrlPath('/MultiFactorAuth', '/')).toBe('/MultiFactorAuth');
    expect(joinUrlPath('/api', '/v1')).toBe('/api/v1');
  });
});

describe('readRedirection', () => {
  it('shared configuration enabled', () => {
    const xml = `<configuration>\r\n  <configSections>\r\n    <section name="configurationRedirection" />\r\n  </configSections>\r\n  <configurationRedirection enabled="true" path="\\\\fs01\\IISConfig" userName="CONTOSO\\iisshare" password="[enc:AesProvider:x:enc]" />\r\n</configuration>\r\n`;
    expect(readRedirection(xml)).toEqual({ ok: true, enabled: true, path: '\\\\fs01\\IISConfig' });
  });
  it('default redirection.config (no element, or disabled)', () => {
    expect(
      readRedirection(
        '<configuration>\n  <configSections>\n    <section name="configurationRedirection" />\n  </configSections>\n  <configProtectedData>\n  </configProtectedData>\n</configuration>',
      ),
    ).toEqual({ ok: true, enabled: false, path: null });
    expect(readRedirection('<configuration><configurationRedirection enabled="false" path="" /></configuration>')).toEqual({
      ok: true,
      enabled: false,
      path: null,
    });
  });
  it('broken file is an error, not "disabled"', () => {
    expect(readRedirection('<configuration><configurationRedirection enabled="true"').ok).toBe(false);
  });
});
