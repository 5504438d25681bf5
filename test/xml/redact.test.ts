import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSecretName, REDACTED, redactConnectionString, redactValue, redactXmlBytes, redactXmlText } from '../../src/xml/redact.js';
import { parseXmlSafe } from '../../src/xml/safe.js';
import { readAdapterConfig, readWebConfig } from '../../src/xml/webconfig.js';

const DATA = join(import.meta.dirname, 'data');
const read = (f: string): Buffer => readFileSync(join(DATA, f));

describe('isSecretName', () => {
  it('matches the names docs/report-format.md lists, case-insensitively', () => {
    for (const n of [
      'password',
      'WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD',
      'WebServiceSdkPassword',
      'passwd',
      'Pwd',
      'clientSecret',
      'accessToken',
      'Credentials',
      'validationKey',
      'DecryptionKey',
    ])
      expect(isSecretName(n), n).toBe(true);
    for (const n of [
      'key',
      'value',
      'WebServiceSdkUsername',
      'pfup_pfwssdk_PfWsSdk',
      'WebServiceSdkUrl',
      'validation',
      'decryption',
      'physicalPath',
    ])
      expect(isSecretName(n), n).toBe(false);
  });
});

describe('redactConnectionString', () => {
  it('bare, quoted, doubled quotes, spacing and case; the rest kept', () => {
    expect(redactConnectionString('Server=sql01;Database=Mfa;User Id=mfa;Password=p@ss;Encrypt=True')).toBe(
      `Server=sql01;Database=Mfa;User Id=mfa;Password=${REDACTED};Encrypt=True`,
    );
    expect(redactConnectionString('Data Source=x; pwd = secret ;Initial Catalog=y')).toBe(
      `Data Source=x; pwd = ${REDACTED} ;Initial Catalog=y`,
    );
    expect(redactConnectionString('PASSWORD="a;b""c";User ID=u')).toBe(`PASSWORD=${REDACTED};User ID=u`);
    expect(redactConnectionString("Password='x;''y';Pooling=false")).toBe(`Password=${REDACTED};Pooling=false`);
    expect(redactConnectionString('DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==;')).toBe(
      `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${REDACTED};`,
    );
    expect(redactConnectionString('Integrated Security=SSPI;Data Source=.')).toBe('Integrated Security=SSPI;Data Source=.');
    // "PasswordHint=" is not the Password part
    expect(redactConnectionString('PasswordHint=h;Password=p')).toBe(`PasswordHint=h;Password=${REDACTED}`);
  });
});

describe('redactValue', () => {
  it('whole value for secret names, password parts otherwise', () => {
    expect(redactValue('WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD', 'x')).toBe(REDACTED);
    expect(redactValue('connectionString', 'Server=a;Pwd=b')).toBe(`Server=a;Pwd=${REDACTED}`);
    expect(redactValue('url', 'https://svc:hunter2@mfa01.contoso.com/x')).toBe(`https://svc:${REDACTED}@mfa01.contoso.com/x`);
    expect(redactValue('LOGOUT_URL', 'https://portal.contoso.com/logout')).toBe('https://portal.contoso.com/logout');
  });
});

/** Lines of a and b that differ (same line count expected). */
function changedLines(a: string, b: string): string[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  expect(lb.length).toBe(la.length);
  return lb.filter((l, i) => l !== la[i]);
}

describe('redactXmlText', () => {
  it('User Portal web.config: only the secret values change, CRLF and BOM kept, still parses', () => {
    const original = read('userportal.web.config').toString('utf8');
    const red = redactXmlText(original);
    expect(red.charCodeAt(0)).toBe(0xfeff);
    expect(red.split('\r\n').length).toBe(original.split('\r\n').length);
    const changed = changedLines(original, red);
    expect(changed.every((l) => l.endsWith('\r'))).toBe(true);
    expect(changed.map((l) => l.trim())).toEqual([
      `<add key="WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD" value="${REDACTED}" />`,
      `<add name="PortalAudit" connectionString="Data Source=sql01.contoso.com;Initial Catalog=PortalAudit;User ID=portal_audit;Password=${REDACTED};Encrypt=True" providerName="System.Data.SqlClient" />`,
      `<machineKey validationKey="${REDACTED}" decryptionKey="${REDACTED}" validation="HMACSHA256" decryption="AES" />`,
    ]);
    for (const p of ['Pl4nted', 'Pa55word', '7A1F0E3C', 'C0FFEE']) expect(red).not.toContain(p);
    // the copy reads the same as the original through the reader (which redacts anyway)
    const a = readWebConfig(original);
    const b = readWebConfig(red);
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(b.settings).toEqual(a.settings);
    expect(b.sdkUrl).toEqual(a.sdkUrl);
  });

  it('adapter config: element text is redacted, nothing else', () => {
    const original = read('adapter.old.config').toString('utf8');
    const red = redactXmlText(original);
    expect(changedLines(original, red)).toEqual([`  <WebServiceSdkPassword>${REDACTED}</WebServiceSdkPassword>\r`]);
    const r = readAdapterConfig(red);
    expect(r.ok).toBe(true);
  });

  it('settings named as secrets, nested secret elements, CDATA, entities', () => {
    const xml = `<configuration>
  <applicationSettings><x.Settings><setting name="SdkPassword" serializeAs="String">
        <value>hunter2</value>
      </setting><setting name="Url" serializeAs="String"><value>https://a</value></setting></x.Settings></applicationSettings>
  <system.web><authentication mode="Forms"><forms><credentials passwordFormat="Clear"><user name="admin" password='o&apos;neil'/></credentials></forms></authentication></system.web>
  <Token><![CDATA[abc<def]]></Token>
  <conn>Server=a;Password=p&amp;q;Database=d</conn>
</configuration>`;
    const red = redactXmlText(xml);
    expect(red).toContain(`<setting name="SdkPassword" serializeAs="String">\n        <value>${REDACTED}</value>`);
    expect(red).toContain('<value>https://a</value>');
    expect(red).toContain(`<user name="admin" password='${REDACTED}'/>`);
    expect(red).toContain(`<Token>${REDACTED}</Token>`);
    expect(red).toContain(`<conn>${REDACTED}</conn>`);
    for (const p of ['hunter2', 'neil', 'abc', 'def', 'p&amp;q']) expect(red).not.toContain(p);
    expect(parseXmlSafe(red).ok).toBe(true);
  });

  it('text that does not parse still gets the secrets hidden', () => {
    const broken =
      '<configuration>\n<appSettings>\n<add key="SDK_PASSWORD" value="hunter2"/>\n<add name="db" connectionString="Server=a;Pwd=xyz;"/>\n<WebServiceSdkPassword>abc</WebServiceSdkPassword>\n<machineKey validationKey="AB12"';
    const red = redactXmlText(
      broken + '\n<add name="b" connectionString="Server=b;Password=&quot;q;r&quot;" /><add name="c" connectionString="Password=s t u"/>',
    );
    for (const p of ['hunter2', 'xyz', '>abc<', 'AB12', 'q;r', 'r&quot;', 's t u']) expect(red).not.toContain(p);
    // the structure after a connection string survives
    expect(red).toContain(`<add name="db" connectionString="Server=a;Pwd=${REDACTED};"/>\n<WebServiceSdkPassword>`);
    expect(red).toContain('<add key="SDK_PASSWORD" value="[redacted]"/>');
  });
});

describe('redactXmlBytes', () => {
  it('UTF-16LE with BOM stays UTF-16LE with BOM', () => {
    const text =
      '<?xml version="1.0" encoding="utf-16"?>\r\n<ConfigurationData>\r\n  <WebServiceSdkPassword>Pässwörd</WebServiceSdkPassword>\r\n  <WebServiceSdkUsername>Jürgen</WebServiceSdkUsername>\r\n</ConfigurationData>\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const out = redactXmlBytes(bytes);
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(out.subarray(2).toString('utf16le')).toBe(text.replace('Pässwörd', REDACTED));
  });
  it('8-bit files keep every other byte, even invalid UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<configuration>\n<!-- '),
      Buffer.from([0xff, 0xc3]),
      Buffer.from(' -->\n<appSettings><add key="Name" value="Ren'),
      Buffer.from([0xc3, 0xa9]),
      Buffer.from('"/><add key="pwd" value="s'),
      Buffer.from([0xe9]),
      Buffer.from('cret"/></appSettings>\n</configuration>'),
    ]);
    const out = redactXmlBytes(bytes);
    const expected = Buffer.concat([
      bytes.subarray(0, bytes.indexOf('value="s')),
      Buffer.from(`value="${REDACTED}"/></appSettings>\n</configuration>`),
    ]);
    expect(out.equals(expected)).toBe(true);
  });
});
