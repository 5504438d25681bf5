import { describe, expect, it } from 'vitest';
import { isSecretName, REDACTED, redactText, redactValue, redactXmlText } from '../../src/xml/redact.js';
import { compareConfigs } from '../../src/xml/compare.js';
import { parseXmlSafe } from '../../src/xml/safe.js';

/**
 * The one redaction policy against the leaks of issue 15 item 11: each case is an attack that showed a
 * secret (or part of one) before. A secret is the marker `S3cr` plus something; none may survive.
 */
const leak = (s: string) => /S3cr/.test(s);

describe('connection-string grammar', () => {
  it.each([
    [
      'ODBC braces hold a ;',
      'Driver={SQL Server};Server=db;Uid=u;Pwd={S3crA;S3crB}',
      `Driver={SQL Server};Server=db;Uid=u;Pwd=${REDACTED}`,
    ],
    ['ODBC braces with }} inside', 'Pwd={S3cr}};B};Server=db', `Pwd=${REDACTED};Server=db`],
    ['an unterminated brace runs to the end', 'Server=db;Pwd={S3crA;S3crB', `Server=db;Pwd=${REDACTED}`],
    ['double quotes with "" inside', 'Password="S3cr;""S3crB";User ID=u', `Password=${REDACTED};User ID=u`],
    ['single quotes', "Password='S3cr;S3crB';Pooling=false", `Password=${REDACTED};Pooling=false`],
    [
      'Jet OLEDB database password',
      'Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\pf.mdb;Jet OLEDB:Database Password=S3crJet;',
      `Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\pf.mdb;Jet OLEDB:Database Password=${REDACTED};`,
    ],
    ['Jet OLEDB new database password', 'Jet OLEDB:New Database Password=S3crNew', `Jet OLEDB:New Database Password=${REDACTED}`],
    ['a registry value', 'Server=db;Password=S3crReg', `Server=db;Password=${REDACTED}`],
    ['prose', 'login failed, Password=S3crProse', `login failed, Password=${REDACTED}`],
  ])('%s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
  it('PasswordHint is not a password part', () => {
    expect(redactText('PasswordHint=h;Password=S3cr')).toBe(`PasswordHint=h;Password=${REDACTED}`);
  });
});

describe('URL user-info', () => {
  it.each([
    ['plain', 'http://u:S3crX@proxy/', `http://u:${REDACTED}@proxy/`],
    [
      'a / in the password',
      'https://svc:S3cr/x/y@pf01.contoso.local/MultiFactorAuthWebServiceSdk',
      `https://svc:${REDACTED}@pf01.contoso.local/MultiFactorAuthWebServiceSdk`,
    ],
    ['an @ in the password', 'https://svc:S3cr@x@pf01.contoso.local/', `https://svc:${REDACTED}@pf01.contoso.local/`],
    ['an @ in the user', 'https://svc@contoso.com:S3cr@pf01/', `https://svc@contoso.com:${REDACTED}@pf01/`],
    ['# and ? in the password', 'http://u:S3cr#?1@proxy:8080', `http://u:${REDACTED}@proxy:8080`],
  ])('%s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
  it('a URL without user-info is kept', () => {
    for (const u of ['https://pf01.contoso.local:4443/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', 'http://user@host:8080/path'])
      expect(redactText(u)).toBe(u);
  });
});

describe('secret names', () => {
  it('ApiKey, SmtpPass, Passphrase and kin are secrets; ordinary names are not', () => {
    for (const n of [
      'ApiKey',
      'API_KEY',
      'apikey',
      'SmtpPass',
      'SMTP_PASS',
      'smtp.pass',
      'Passphrase',
      'KeyPassphrase',
      'AccessKey',
      'SharedAccessKey',
      'ClientSecret',
      'PrivateKey',
      'SigningKey',
      'SubscriptionKey',
    ])
      expect(isSecretName(n), n).toBe(true);
    for (const n of [
      'key',
      'machineKey',
      'PassThrough',
      'Passport',
      'BypassProxy',
      'KeyName',
      'PinLength',
      'requireSignature',
      'CompassUrl',
    ])
      expect(isSecretName(n), n).toBe(false);
    expect(redactValue('SmtpPass', 'S3cr')).toBe(REDACTED);
  });
});

describe('private keys', () => {
  it('a pasted PEM private key keeps its armour only', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAS3crPemBody0123456789+/==\nAAAA\n-----END RSA PRIVATE KEY-----';
    expect(redactText(`key: ${pem} end`)).toBe(`key: -----BEGIN RSA PRIVATE KEY-----${REDACTED}-----END RSA PRIVATE KEY----- end`);
    expect(leak(redactText('-----BEGIN PRIVATE KEY-----\nS3crNoEnd'))).toBe(false);
    expect(leak(redactText('-----BEGIN ENCRYPTED PRIVATE KEY-----\nS3crEnc\n-----END ENCRYPTED PRIVATE KEY-----'))).toBe(false);
  });
});

describe('config files', () => {
  const xml = `<?xml version="1.0"?>
<!-- before the root: the SDK password is S3crProse1 -->
<configuration>
  <appSettings>
    <!-- <add key="SmtpPassword" value="S3crComment1"/> -->
    <!-- old: Server=db;Password=S3crComment2 and http://u:S3crComment3@proxy/ -->
    <add key="ApiKey" value="S3crApiKey" />
    <add key="SmtpPass" value="S3crSmtp" />
    <add key="Passphrase" value="S3crPhrase" />
    <add key="Proxy" value="http://u:S3cr/p@ss@proxy/" />
    <add key="Cert" value="-----BEGIN PRIVATE KEY-----&#xA;S3crPem&#xA;-----END PRIVATE KEY-----" />
    <add key="Logo" value="https://cdn.contoso.com/logo.png" />
  </appSettings>
  <connectionStrings>
    <add name="odbc" connectionString="Driver={SQL Server};Pwd={S3crA;S3crB};Server=db" />
    <add name="jet" connectionString="Provider=Microsoft.Jet.OLEDB.4.0;Jet OLEDB:Database Password=S3crJet" />
  </connectionStrings>
  <key>-----BEGIN RSA PRIVATE KEY-----
S3crPemText
-----END RSA PRIVATE KEY-----</key>
</configuration>
`;
  it('redactXmlText hides every planted secret, keeps the rest and still parses', () => {
    const red = redactXmlText(xml);
    expect(red.split('\n').filter((l) => leak(l))).toEqual([]);
    expect(red).toContain('https://cdn.contoso.com/logo.png');
    expect(red).toContain(`<!-- <add key="SmtpPassword" value="${REDACTED}"/> -->`);
    expect(red).toContain(`Pwd=${REDACTED};Server=db`);
    expect(parseXmlSafe(red).ok).toBe(true);
    // the same text when it does not parse
    const broken = redactXmlText(xml.replace('</configuration>', '<unclosed'));
    expect(broken.split('\n').filter((l) => leak(l))).toEqual([]);
  });
  it('compare-config (and MFA-ADFS-004, which uses it) shows no part of a secret', () => {
    const r = compareConfigs('<configuration><appSettings /></configuration>', xml);
    if (!r.ok) throw new Error(r.error);
    const shown = JSON.stringify(r.differences);
    expect(shown).not.toMatch(/S3cr/);
    const changed = compareConfigs(xml.replace(/S3cr/g, 'Old'), xml);
    if (!changed.ok) throw new Error(changed.error);
    expect(changed.differences.length).toBeGreaterThan(0);
    expect(JSON.stringify(changed.differences)).not.toMatch(/S3cr|Old[A-Z]/);
  });
});
