import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/xml/redact.js';
import { componentOfSections, readAdapterConfig, readWebConfig } from '../../src/xml/webconfig.js';

const DATA = join(import.meta.dirname, 'data');
const read = (f: string): Buffer => readFileSync(join(DATA, f));
/** Every secret planted in the fixtures, and parts of them that must not leak either. */
const PLANTED = ['Pl4nted', 'S3cret', 'Pa55word', 'Conn;', 'Conn-MobileApp', '7A1F0E3C9B5D', 'C0FFEE1234'];
const noSecrets = (v: unknown): void => {
  const s = JSON.stringify(v);
  for (const p of PLANTED) expect(s).not.toContain(p);
};

describe('readWebConfig: User Portal', () => {
  const r = readWebConfig(read('userportal.web.config'));
  if (!r.ok) throw new Error(r.error);

  it('finds the SDK URL and the component', () => {
    expect(r.sdkUrl).toEqual({
      setting: 'pfup.Properties.Settings/pfup_pfwssdk_PfWsSdk',
      url: 'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
    });
    expect(r.sections).toEqual(['pfup.Properties.Settings']);
    expect(r.component).toBe('user-portal');
  });

  it('appSettings in order, remove honoured, password redacted', () => {
    expect(r.settings.appSettings).toEqual({
      LOGOUT_URL: '',
      USE_WEB_SERVICE_SDK: 'true',
      WEB_SERVICE_SDK_AUTHENTICATION_USERNAME: 'CONTOSO\\svc-mfasdk',
      WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD: REDACTED,
      WEB_SERVICE_SDK_CERTIFICATE_THUMBPRINT: '',
      SMTP_SERVER: 'mail.contoso.com',
    });
    expect(r.settings.applicationSettings).toEqual({
      'pfup.Properties.Settings': { pfup_pfwssdk_PfWsSdk: 'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx' },
    });
  });

  it('the raw tree keeps everything but the secrets', () => {
    const cs = r.raw.children.find((c) => c.name === 'connectionStrings')!.children[0];
    expect(cs.attributes.find((a) => a.name === 'connectionString')!.value).toBe(
      `Data Source=sql01.contoso.com;Initial Catalog=PortalAudit;User ID=portal_audit;Password=${REDACTED};Encrypt=True`,
    );
    const mk = r.raw.children.find((c) => c.name === 'system.web')!.children.find((c) => c.name === 'machineKey')!;
    expect(mk.attributes).toEqual([
      { name: 'validationKey', value: REDACTED },
      { name: 'decryptionKey', value: REDACTED },
      { name: 'validation', value: 'HMACSHA256' },
      { name: 'decryption', value: 'AES' },
    ]);
  });

  it('no planted secret in any output', () => noSecrets(r));
});

describe('readWebConfig: Mobile App Web Service', () => {
  const r = readWebConfig(read('mobileapp.web.config'));
  if (!r.ok) throw new Error(r.error);
  it('SDK URL, component, redaction', () => {
    expect(r.sdkUrl).toEqual({
      setting: 'pfpaws.Properties.Settings/pfpaws_pfwssdk_PfWsSdk',
      url: 'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
    });
    expect(r.component).toBe('mobile-app');
    expect(r.settings.appSettings.WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD).toBe(REDACTED);
    expect(r.settings.appSettings.LOG_LEVEL).toBe('1');
    noSecrets(r);
  });
});

describe('readWebConfig: other shapes', () => {
  it('clear, remove, a later add wins, and an appSettings SDK URL', () => {
    const xml = `<configuration>
  <appSettings file="..\\shared\\appSettings.config">
    <add key="A" value="1"/>
    <clear/>
    <add key="B" value="2"/>
    <add key="B" value="3"/>
    <add key="C" value="x"/>
    <remove key="c"/>
    <add key="WEB_SERVICE_SDK_URL" value=" https://sdk.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx "/>
  </appSettings>
</configuration>`;
    const r = readWebConfig(xml);
    if (!r.ok) throw new Error(r.error);
    expect(r.settings.appSettings).toEqual({
      B: '3',
      WEB_SERVICE_SDK_URL: ' https://sdk.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx ',
    });
    expect(r.sdkUrl).toEqual({
      setting: 'appSettings/WEB_SERVICE_SDK_URL',
      url: 'https://sdk.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
    });
    expect(r.externalFiles).toEqual([{ section: 'appSettings', attribute: 'file', path: '..\\shared\\appSettings.config' }]);
    expect(r.component).toBeNull();
  });

  it('a declared section with no settings still names the component', () => {
    const r = readWebConfig(
      '<configuration><configSections><sectionGroup name="applicationSettings"><section name="pfpaws.Properties.Settings"/></sectionGroup></configSections></configuration>',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.sections).toEqual(['pfpaws.Properties.Settings']);
    expect(r.component).toBe('mobile-app');
    expect(r.sdkUrl).toBeNull();
  });

  it('a secret applicationSettings setting is redacted', () => {
    const r = readWebConfig(
      '<configuration><applicationSettings><pfup.Properties.Settings><setting name="pfup_SdkPassword" serializeAs="String"><value>hunter2</value></setting></pfup.Properties.Settings></applicationSettings></configuration>',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.settings.applicationSettings['pfup.Properties.Settings'].pfup_SdkPassword).toBe(REDACTED);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('errors: not a config, malformed', () => {
    expect(readWebConfig('<html><body/></html>')).toEqual({
      ok: false,
      error: 'not a .NET configuration file: root element is <html>, expected <configuration>',
    });
    const bad = readWebConfig(read('userportal.web.config').subarray(0, 900));
    expect(bad.ok).toBe(false);
  });

  it('componentOfSections', () => {
    expect(componentOfSections(['System.Web.Foo', 'pfup.Properties.Settings'])).toBe('user-portal');
    expect(componentOfSections(['PFPAWS.Properties.Settings'])).toBe('mobile-app');
    expect(componentOfSections(['pfupx.Settings'])).toBeNull();
  });
});

describe('readAdapterConfig', () => {
  it('reads the old adapter config (CRLF), password redacted', () => {
    const r = readAdapterConfig(read('adapter.old.config'));
    if (!r.ok) throw new Error(r.error);
    expect(r.values).toEqual({
      UseWebServiceSdk: 'true',
      WebServiceSdkUrl: 'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
      WebServiceSdkCertificateThumbprint: '',
      WebServiceSdkUsername: 'CONTOSO\\svc-mfasdk',
      WebServiceSdkPassword: REDACTED,
      LegacyTimeoutSeconds: '60',
    });
    expect(r.useWebServiceSdk).toBe(true);
    expect(r.sdkUrl).toEqual({ setting: 'WebServiceSdkUrl', url: 'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx' });
    expect(r.raw.attributes.map((a) => a.name)).toEqual(['xmlns:xsi', 'xmlns:xsd']);
    noSecrets(r);
  });
  it('an empty adapter config has no URL', () => {
    const r = readAdapterConfig(
      '<?xml version="1.0"?>\n<ConfigurationData xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <UseWebServiceSdk>false</UseWebServiceSdk>\n  <WebServiceSdkUrl />\n</ConfigurationData>',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.useWebServiceSdk).toBe(false);
    expect(r.sdkUrl).toBeNull();
  });
  it('a web.config is not an adapter config', () => {
    expect(readAdapterConfig(read('mobileapp.web.config'))).toEqual({
      ok: false,
      error: 'not an AD FS adapter config: root element is <configuration>, expected <ConfigurationData>',
    });
  });
});
