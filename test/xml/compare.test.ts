import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareConfigs } from '../../src/xml/compare.js';
import { REDACTED } from '../../src/xml/redact.js';

const DATA = join(import.meta.dirname, 'data');
const read = (f: string): Buffer => readFileSync(join(DATA, f));

describe('compareConfigs: saved and new AD FS adapter config', () => {
  it('lists changed, added and removed elements; passwords only as redacted', () => {
    const r = compareConfigs(read('adapter.old.config'), read('adapter.new.config'));
    if (!r.ok) throw new Error(r.error);
    expect(r.differences).toEqual([
      {
        kind: 'changed',
        path: '/ConfigurationData/WebServiceSdkUrl',
        old: 'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
        new: 'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
      },
      {
        kind: 'changed',
        path: '/ConfigurationData/WebServiceSdkCertificateThumbprint',
        old: '',
        new: '3F2504E04F8911D39A0C0305E82C3301A1B2C3D4',
      },
      { kind: 'changed', path: '/ConfigurationData/WebServiceSdkPassword', old: REDACTED, new: REDACTED },
      { kind: 'removed', path: '/ConfigurationData/LegacyTimeoutSeconds', old: '60', new: null },
      { kind: 'added', path: '/ConfigurationData/ServerTimeoutSeconds', old: null, new: '90' },
    ]);
    expect(JSON.stringify(r)).not.toContain('Pl4nted');
  });

  it('the same file (even with CRLF vs LF and attribute order) has no differences', () => {
    const a = read('adapter.old.config');
    const b = a
      .toString('utf8')
      .replace(/\r\n/g, '\n')
      .replace(
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      );
    expect(compareConfigs(a, b)).toEqual({ ok: true, differences: [] });
  });

  it('a password left unchanged is not listed; an attribute change is', () => {
    const old = read('adapter.old.config').toString('utf8');
    const neu = old
      .replace('<ConfigurationData ', '<ConfigurationData version="2" ')
      .replace('<UseWebServiceSdk>true', '<UseWebServiceSdk>false');
    const r = compareConfigs(old, neu);
    if (!r.ok) throw new Error(r.error);
    expect(r.differences).toEqual([
      { kind: 'added', path: '/ConfigurationData/@version', old: null, new: '2' },
      { kind: 'changed', path: '/ConfigurationData/UseWebServiceSdk', old: 'true', new: 'false' },
    ]);
  });

  it('a file that does not parse is an error naming the side', () => {
    expect(compareConfigs(read('adapter.old.config'), '<ConfigurationData><UseWebServiceSdk>')).toEqual({
      ok: false,
      error: expect.stringMatching(/^new file: malformed XML: line 1/),
    });
  });
});

describe('compareConfigs: web.config before and after an upgrade', () => {
  it('keyed elements are matched by key/name, others by position', () => {
    const old = read('userportal.web.config').toString('utf8');
    const neu = old
      .replace('<add key="LOGOUT_URL" value="" />', '<add key="LOGOUT_URL" value="https://portal.contoso.com/logout" />')
      .replace('value="Pl4nted-Portal-S3cret!"', 'value="Pl4nted-Portal-S3cret-2!"')
      .replace('    <add key="SMTP_SERVER" value="mail.contoso.com" />\r\n', '')
      .replace('<httpRuntime targetFramework="4.5"', '<httpRuntime targetFramework="4.5" maxRequestLength="4096"')
      .replace('</customHeaders>', '  <add name="X-Content-Type-Options" value="nosniff" />\r\n      </customHeaders>');
    const r = compareConfigs(old, neu);
    if (!r.ok) throw new Error(r.error);
    expect(r.differences).toEqual([
      {
        kind: 'changed',
        path: "/configuration/appSettings/add[@key='LOGOUT_URL']/@value",
        old: '',
        new: 'https://portal.contoso.com/logout',
      },
      {
        kind: 'changed',
        path: "/configuration/appSettings/add[@key='WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD']/@value",
        old: REDACTED,
        new: REDACTED,
      },
      {
        kind: 'removed',
        path: "/configuration/appSettings/add[@key='SMTP_SERVER']",
        old: 'key="SMTP_SERVER" value="mail.contoso.com"',
        new: null,
      },
      { kind: 'added', path: '/configuration/system.web/httpRuntime/@maxRequestLength', old: null, new: '4096' },
      {
        kind: 'added',
        path: "/configuration/system.webServer/httpProtocol/customHeaders/add[@name='X-Content-Type-Options']",
        old: null,
        new: 'name="X-Content-Type-Options" value="nosniff"',
      },
    ]);
    expect(JSON.stringify(r)).not.toContain('S3cret');
  });

  it('repeated unkeyed elements get positions', () => {
    const r = compareConfigs('<a><b>1</b><b>2</b></a>', '<a><b>1</b><b>3</b><b>4</b></a>');
    if (!r.ok) throw new Error(r.error);
    expect(r.differences).toEqual([
      { kind: 'changed', path: '/a/b[2]', old: '2', new: '3' },
      { kind: 'added', path: '/a/b[3]', old: null, new: '4' },
    ]);
    const one = compareConfigs('<a><b>1</b></a>', '<a><b>1</b><b>2</b></a>');
    expect(one).toEqual({ ok: true, differences: [{ kind: 'added', path: '/a/b[2]', old: null, new: '2' }] });
  });
});
