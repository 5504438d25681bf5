import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostNames } from '../helpers/hosts.js';
import type { Report } from '../../src/types.js';
import { BASE, NOW, PORTAL, cli, regV5, stageHost, tmp } from './helpers.js';

/**
 * No secrets out (issue 6, part 4; issue 15 item 11). Unique marker secrets are planted where a host keeps
 * secrets, and in the unusual places that leaked before (ODBC braces, Jet OLEDB, URL passwords with `/` or
 * `@`, ApiKey/SmtpPass/Passphrase names, a pasted PEM key, XML comments, registry strings holding a
 * connection string or a proxy URL). Every output is searched for them: reports in every format (incl.
 * MFA-ADFS-004's evidence at --stage adfs), --json on stdout, debug logs and the summary on stderr,
 * compare-config, and the bundle `collect` writes. A marker in two pieces (`{A;B}`, `A/B@`) leaks if either
 * piece shows.
 */

const M = {
  appSetting: 'ZqMark1AppSettingToken',
  applicationSetting: 'ZqMark2ApplicationSettingPwd',
  connPassword: 'ZqMark3ConnPassword',
  connPwd: 'ZqMark4ConnPwd',
  validationKey: 'ZqMark5ValidationKey0123456789ABCDEF',
  decryptionKey: 'ZqMark6DecryptionKeyFEDCBA9876543210',
  adapterPassword: 'ZqMark7AdapterSdkPassword',
  registryPassword: 'ZqMark8RegistryPassword',
  urlPassword: 'ZqMark9UrlUserinfo',
  credential: 'ZqMark10SmtpCredential',
  // issue 15 item 11
  odbcA: 'ZqMarkOdbcBraceA',
  odbcB: 'ZqMarkOdbcBraceB',
  jet: 'ZqMarkJetDatabasePassword',
  urlSlash: 'ZqMarkUrlAfterSlash',
  urlAt: 'ZqMarkUrlAfterAt',
  apiKey: 'ZqMarkApiKey',
  smtpPass: 'ZqMarkSmtpPass',
  passphrase: 'ZqMarkPassphrase',
  pem: 'ZqMarkPemPrivateKeyBody',
  commentSetting: 'ZqMarkCommentedOutSetting',
  commentConn: 'ZqMarkCommentConnString',
  commentProse: 'ZqMarkCommentProse',
  regConn: 'ZqMarkRegistryConnString',
  regUrl: 'ZqMarkRegistryProxyUrl',
};
const ALL = Object.values(M);
/** The markers that go into a portal web.config, the adapter config and the registry. */
const IN_PORTAL = ALL.filter((m) => ![M.adapterPassword, M.registryPassword, M.regConn, M.regUrl].includes(m));
const IN_ADAPTER = [
  M.adapterPassword,
  M.odbcA,
  M.odbcB,
  M.jet,
  M.urlPassword,
  M.urlSlash,
  M.urlAt,
  M.apiKey,
  M.smtpPass,
  M.passphrase,
  M.pem,
  M.commentSetting,
  M.commentConn,
  M.commentProse,
];
const IN_REGISTRY = [M.registryPassword, M.regConn, M.regUrl];

const ADAPTER_DIR = 'fs/C/Program Files/Multi-Factor Authentication Server';
const PEM = `-----BEGIN RSA PRIVATE KEY-----&#xD;&#xA;MIIEowIBAAKCAQEA${M.pem}0123456789+/&#xD;&#xA;-----END RSA PRIVATE KEY-----`;
const COMMENTS = `<!-- <add key="SmtpPassword" value="${M.commentSetting}" /> -->\n    <!-- test database: Server=db9;Password=${M.commentConn} -->\n    <!-- the SDK password is ${M.commentProse} -->`;

/** Plants every marker into a staged copy: a portal web.config (BASE) or the AD FS adapter config. */
function plant(dir: string, opts: { mfaServer: boolean }): string[] {
  const planted: string[] = [...IN_REGISTRY];
  const web = path.join(dir, PORTAL, 'web.config');
  if (existsSync(web)) {
    let t = readFileSync(web, 'utf8');
    t = t.replace(
      '</appSettings>',
      `  <add key="SMS_GATEWAY_TOKEN" value="${M.appSetting}" />\n    <add key="SMTP_CREDENTIAL" value="${M.credential}" />\n` +
        `    <add key="ApiKey" value="${M.apiKey}" />\n    <add key="SmtpPass" value="${M.smtpPass}" />\n    <add key="CertPassphrase" value="${M.passphrase}" />\n` +
        `    <add key="SigningCertificatePem" value="${PEM}" />\n    <add key="ProxyUrl" value="http://proxyuser:p4ss/${M.urlSlash}@${M.urlAt}@proxy.contoso.local:8080/" />\n    ${COMMENTS}\n  </appSettings>`,
    );
    t = t.replace(
      '<connectionStrings />',
      `<connectionStrings>\n    <add name="PfDb" connectionString="Server=db01;Database=pf;User Id=pf;Password=${M.connPassword};" />\n    <add name="PfAudit" connectionString="Driver={SQL Server};Server=db02;Uid=audit;Pwd=${M.connPwd}" />\n` +
        `    <add name="PfOdbc" connectionString="Driver={SQL Server};Server=db03;Uid=odbc;Pwd={${M.odbcA};${M.odbcB}}" />\n` +
        `    <add name="PfJet" connectionString="Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\pf.mdb;Jet OLEDB:Database Password=${M.jet}" />\n  </connectionStrings>`,
    );
    t = t
      .replace(/validationKey="[^"]*"/, `validationKey="${M.validationKey}"`)
      .replace(/decryptionKey="[^"]*"/, `decryptionKey="${M.decryptionKey}"`);
    t = t.replace(
      '<pfup.Properties.Settings>',
      `<pfup.Properties.Settings>\n      <setting name="pfup_ServiceAccountPassword" serializeAs="String">\n        <value>${M.applicationSetting}</value>\n      </setting>`,
    );
    // The SDK URL with a password in its user info (the URL itself is evidence in reports).
    t = t.replace(/https:\/\/pf01\.contoso\.local\//g, `https://svc:${M.urlPassword}@pf01.contoso.local/`);
    writeFileSync(web, t);
    planted.push(...IN_PORTAL);
  }
  const adapter = path.join(dir, ADAPTER_DIR, 'MultiFactorAuthenticationAdfsAdapter.config');
  if (existsSync(adapter)) {
    let t = readFileSync(adapter, 'utf8');
    t = t.replace(
      /<WebServiceSdkPassword>[^<]*<\/WebServiceSdkPassword>/,
      `<WebServiceSdkPassword>${M.adapterPassword}</WebServiceSdkPassword>`,
    );
    // A URL password holding `/` and `@`: the URL is evidence in reports.
    t = t.replace(
      /<WebServiceSdkUrl>[^<]*<\/WebServiceSdkUrl>/,
      `<WebServiceSdkUrl>https://svc:${M.urlPassword}/${M.urlSlash}@${M.urlAt}@mfa01.contoso.local/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx</WebServiceSdkUrl>`,
    );
    t = t.replace(
      '</ConfigurationData>',
      `  <ApiKey>${M.apiKey}</ApiKey>\n  <SmtpPass>${M.smtpPass}</SmtpPass>\n  <ClientCertificatePassphrase>${M.passphrase}</ClientCertificatePassphrase>\n` +
        `  <AuditConnection>Driver={SQL Server};Server=db03;Pwd={${M.odbcA};${M.odbcB}}</AuditConnection>\n  <LocalStore>Provider=Microsoft.Jet.OLEDB.4.0;Jet OLEDB:Database Password=${M.jet}</LocalStore>\n` +
        `  <SigningCertificate>${PEM}</SigningCertificate>\n  ${COMMENTS}\n</ConfigurationData>`,
    );
    writeFileSync(adapter, t);
    planted.push(...IN_ADAPTER);
  }
  writeFileSync(
    path.join(dir, 'registry', 'zz-secrets.reg'),
    regV5(
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor]\n"WebServiceSdkPassword"="${M.registryPassword}"\n` +
        `"DbConnection"="Server=db;Password=${M.regConn}"\n"ProxyUrl"="http://u:${M.regUrl}@proxy/"\n\n` +
        // (an MFA Server entry would make an AD FS host an MFA host: only where there is one)
        (opts.mfaServer
          ? `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{SECRET}]\n"DisplayName"="Multi-Factor Authentication Server"\n"DisplayVersion"="7.3.0.3"\n"ServicePassword"="${M.registryPassword}"`
          : ''),
    ),
  );
  return [...new Set(planted)];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function leaks(text: string): string[] {
  return ALL.filter((m) => text.includes(m));
}

/** Hosts planted, and the scan flags that show the most (at --stage adfs, MFA-ADFS-004 lists the adapter config's differences). */
const HOSTS: [string, string[]][] = [
  [BASE, []],
  ['mfa-7x-on-adfs', []],
  ['adfs-server-stage-adfs', ['--stage', 'adfs']],
];

describe.each(HOSTS)('planted secrets in %s never leave', (host, flags) => {
  let dir: string;
  let planted: string[];
  beforeAll(() => {
    dir = stageHost(host);
    planted = plant(dir, { mfaServer: host !== 'adfs-server-stage-adfs' });
    // The planting took: every marker is in the target.
    const text = filesUnder(dir)
      .map((f) => readFileSync(f).toString('utf8') + readFileSync(f).toString('utf16le'))
      .join('');
    expect(planted.filter((m) => !text.includes(m))).toEqual([]);
  });

  it('reports (JSON, HTML, Markdown, JUnit), --json stdout, debug logs and the summary on stderr', () => {
    const out = tmp('secrets-out');
    const files = cli(['scan', dir, ...flags, '--format', 'json,html,md,junit', '--out', out, '--log-level', 'debug', '--now', NOW]);
    expect([0, 1], files.stderr).toContain(files.code);
    expect(files.stderr).toMatch(/"level":/); // debug logs were written
    const json = cli(['scan', dir, ...flags, '--json', '--log-level', 'debug', '--now', NOW]);
    const outputs = [files.stdout, files.stderr, json.stdout, json.stderr, ...filesUnder(out).map((f) => readFileSync(f, 'utf8'))];
    expect(filesUnder(out)).toHaveLength(4);
    expect(outputs.flatMap(leaks)).toEqual([]);
    // The redaction is visible where a value was hidden.
    if (host === BASE) expect(json.stdout).toContain('[redacted]');
    if (flags.includes('adfs')) {
      // MFA-ADFS-004 lists the differences, with the planted elements among them.
      const adfs4 = (JSON.parse(json.stdout) as Report).findings.find((f) => f.ruleId === 'MFA-ADFS-004');
      expect(adfs4?.evidence.map((e) => e.location).join(' ')).toMatch(/ApiKey|AuditConnection|SigningCertificate/);
      expect(JSON.stringify(adfs4)).toContain('[redacted]');
    }
  });

  it('compare-config against the unplanted file', () => {
    const pairs =
      host === BASE
        ? [[path.join(stageHost(host), PORTAL, 'web.config'), path.join(dir, PORTAL, 'web.config')]]
        : [
            [
              path.join(stageHost(host), ADAPTER_DIR, 'MultiFactorAuthenticationAdfsAdapter.config'),
              path.join(dir, ADAPTER_DIR, 'MultiFactorAuthenticationAdfsAdapter.config'),
            ],
          ];
    for (const [a, b] of pairs) {
      for (const args of [
        [a, b],
        [a, b, '--json'],
      ]) {
        const r = cli(['compare-config', ...args]);
        expect(r.code, r.stderr).not.toBe(2);
        expect(r.stdout.length).toBeGreaterThan(0);
        expect(leaks(r.stdout + r.stderr)).toEqual([]);
      }
    }
  });

  /** `collect` from the planted copy (its test hook stands the folder in for the live host); files and their text. */
  function collected(): { files: Map<string, string>; stdio: string; outDir: string } {
    const outDir = path.join(tmp('collect'), 'bundle');
    const r = cli(['collect', '--out', outDir, '--include-data'], { env: { MFA_READINESS_COLLECT_FROM: dir } });
    expect(r.code, r.stderr).toBe(0);
    const files = new Map(
      filesUnder(outDir).map((f) => [path.relative(outDir, f), readFileSync(f).toString('utf8') + readFileSync(f).toString('utf16le')]),
    );
    expect(files.size).toBeGreaterThan(3);
    return { files, stdio: r.stdout + r.stderr, outDir };
  }

  it('the bundle collect writes: no config-file secret, and a scan of it shows none', () => {
    const { files, stdio, outDir } = collected();
    const found = [...files].flatMap(([f, text]) => ALL.filter((m) => text.includes(m)).map((m) => `${f}: ${m}`));
    expect(found).toEqual([]);
    expect(leaks(stdio)).toEqual([]);
    const again = cli(['scan', outDir, '--json', '--log-level', 'debug', '--now', NOW]);
    expect([0, 1]).toContain(again.code);
    expect(leaks(again.stdout + again.stderr)).toEqual([]);
  });

  it('the bundle collect writes: registry values named like a secret, and connection strings and proxy URLs in others, are redacted', () => {
    const { files } = collected();
    const reg = [...files].find(([f]) => f.endsWith('collected.reg'))?.[1] ?? '';
    // the values are there, with the secret parts hidden
    expect(reg).toContain('"DbConnection"="Server=db;Password=[redacted]"');
    expect(reg).toContain('"ProxyUrl"="http://u:[redacted]@proxy/"');
    const found = [...files].flatMap(([f, text]) => IN_REGISTRY.filter((m) => text.includes(m)).map((m) => `${f}: ${m}`));
    expect(found, 'registry secrets copied verbatim by collect').toEqual([]);
  });

  it('the bundle collect writes: secrets in XML comments are redacted, the comments kept', () => {
    const { files } = collected();
    const configs = [...files].filter(
      ([f, text]) => /\.config$/i.test(f) && text.includes('ZqMark') === false && text.includes('<!-- <add key="SmtpPassword"'),
    );
    expect(configs.length).toBeGreaterThan(0);
    for (const [, text] of configs) expect(text).toContain('<!-- <add key="SmtpPassword" value="[redacted]" /> -->');
  });
});

describe('no fixture host has a secret reach any report format', () => {
  it.each(hostNames())(
    "%s: the fixture's own planted secrets (Fixture-Secret, P@ss, Sup3r) stay out of HTML, Markdown, JUnit and logs",
    (name) => {
      const dir = stageHost(name);
      const out = tmp('fixture-secrets');
      const r = cli(['scan', dir, '--format', 'json,html,md,junit', '--out', out, '--log-level', 'debug', '--now', NOW]);
      const text = [r.stdout, r.stderr, ...filesUnder(out).map((f) => readFileSync(f, 'utf8'))].join('\n');
      expect(text).not.toMatch(/Fixture-Secret|Sup3r|P@ss/);
    },
  );
});
