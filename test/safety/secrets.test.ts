import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostNames } from '../helpers/hosts.js';
import { BASE, NOW, PORTAL, cli, regV5, stageHost, tmp } from './helpers.js';

/**
 * No secrets out (issue 6, part 4). Unique marker secrets are planted where a host keeps secrets, and
 * every output is searched for them: reports in every format, --json on stdout, debug logs and the
 * summary on stderr, compare-config, and the bundle `collect` writes.
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
};
const ALL = Object.values(M);

const ADAPTER_DIR = 'fs/C/Program Files/Multi-Factor Authentication Server';

/** Plants every marker into a staged copy: a portal web.config (BASE) or the AD FS adapter config. */
function plant(dir: string): void {
  const web = path.join(dir, PORTAL, 'web.config');
  if (existsSync(web)) {
    let t = readFileSync(web, 'utf8');
    t = t.replace(
      '</appSettings>',
      `  <add key="SMS_GATEWAY_TOKEN" value="${M.appSetting}" />\n    <add key="SMTP_CREDENTIAL" value="${M.credential}" />\n  </appSettings>`,
    );
    t = t.replace(
      '<connectionStrings />',
      `<connectionStrings>\n    <add name="PfDb" connectionString="Server=db01;Database=pf;User Id=pf;Password=${M.connPassword};" />\n    <add name="PfAudit" connectionString="Driver={SQL Server};Server=db02;Uid=audit;Pwd=${M.connPwd}" />\n  </connectionStrings>`,
    );
    t = t.replace(/validationKey="[^"]*"/, `validationKey="${M.validationKey}"`).replace(/decryptionKey="[^"]*"/, `decryptionKey="${M.decryptionKey}"`);
    t = t.replace(
      '<pfup.Properties.Settings>',
      `<pfup.Properties.Settings>\n      <setting name="pfup_ServiceAccountPassword" serializeAs="String">\n        <value>${M.applicationSetting}</value>\n      </setting>`,
    );
    // The SDK URL with a password in its user info (the URL itself is evidence in reports).
    t = t.replace(/https:\/\/pf01\.contoso\.local\//g, `https://svc:${M.urlPassword}@pf01.contoso.local/`);
    writeFileSync(web, t);
  }
  const adapter = path.join(dir, ADAPTER_DIR, 'MultiFactorAuthenticationAdfsAdapter.config');
  if (existsSync(adapter)) {
    writeFileSync(adapter, readFileSync(adapter, 'utf8').replace('<WebServiceSdkPassword></WebServiceSdkPassword>', `<WebServiceSdkPassword>${M.adapterPassword}</WebServiceSdkPassword>`));
  }
  writeFileSync(
    path.join(dir, 'registry', 'zz-secrets.reg'),
    regV5(
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor]\n"WebServiceSdkPassword"="${M.registryPassword}"\n\n` +
        `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{SECRET}]\n"DisplayName"="Multi-Factor Authentication Server"\n"DisplayVersion"="7.3.0.3"\n"ServicePassword"="${M.registryPassword}"`,
    ),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function leaks(text: string): string[] {
  return ALL.filter((m) => text.includes(m));
}

describe.each([BASE, 'mfa-7x-on-adfs'])('planted secrets in %s never leave', (host) => {
  let dir: string;
  beforeAll(() => {
    dir = stageHost(host);
    plant(dir);
    // The planting took: the markers are in the target.
    const planted = filesUnder(dir).map((f) => readFileSync(f).toString('utf8') + readFileSync(f).toString('utf16le')).join('');
    expect(ALL.filter((m) => planted.includes(m)).length).toBeGreaterThanOrEqual(host === BASE ? 9 : 2);
  });

  it('reports (JSON, HTML, Markdown, JUnit), --json stdout, debug logs and the summary on stderr', () => {
    const out = tmp('secrets-out');
    const files = cli(['scan', dir, '--format', 'json,html,md,junit', '--out', out, '--log-level', 'debug', '--now', NOW]);
    expect([0, 1], files.stderr).toContain(files.code);
    expect(files.stderr).toMatch(/"level":/); // debug logs were written
    const json = cli(['scan', dir, '--json', '--log-level', 'debug', '--now', NOW]);
    const outputs = [files.stdout, files.stderr, json.stdout, json.stderr, ...filesUnder(out).map((f) => readFileSync(f, 'utf8'))];
    expect(filesUnder(out)).toHaveLength(4);
    expect(outputs.flatMap(leaks)).toEqual([]);
    // The redaction is visible where a value was hidden.
    if (host === BASE) expect(json.stdout).toContain('[redacted]');
  });

  it('compare-config against the unplanted file', () => {
    const pairs = host === BASE
      ? [[path.join(stageHost(host), PORTAL, 'web.config'), path.join(dir, PORTAL, 'web.config')]]
      : [[path.join(stageHost(host), ADAPTER_DIR, 'MultiFactorAuthenticationAdfsAdapter.config'), path.join(dir, ADAPTER_DIR, 'MultiFactorAuthenticationAdfsAdapter.config')]];
    for (const [a, b] of pairs) {
      for (const args of [[a!, b!], [a!, b!, '--json']]) {
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
    const files = new Map(filesUnder(outDir).map((f) => [path.relative(outDir, f), readFileSync(f).toString('utf8') + readFileSync(f).toString('utf16le')]));
    expect(files.size).toBeGreaterThan(3);
    return { files, stdio: r.stdout + r.stderr, outDir };
  }

  it('the bundle collect writes: no config-file secret, and a scan of it shows none', () => {
    const { files, stdio, outDir } = collected();
    const configMarkers = ALL.filter((m) => m !== M.registryPassword);
    const found = [...files].flatMap(([f, text]) => configMarkers.filter((m) => text.includes(m)).map((m) => `${f}: ${m}`));
    expect(found).toEqual([]);
    expect(leaks(stdio)).toEqual([]);
    const again = cli(['scan', outDir, '--json', '--log-level', 'debug', '--now', NOW]);
    expect([0, 1]).toContain(again.code);
    expect(leaks(again.stdout + again.stderr)).toEqual([]);
  });

  it('the bundle collect writes: secret-named registry values are redacted in registry/collected.reg', () => {
    const { files } = collected();
    const found = [...files].filter(([, text]) => text.includes(M.registryPassword)).map(([f]) => f);
    expect(found, 'registry values named *Password copied verbatim by collect').toEqual([]);
  });
});

describe('no fixture host has a secret reach any report format', () => {
  it.each(hostNames())('%s: the fixture\'s own planted secrets (Fixture-Secret, P@ss, Sup3r) stay out of HTML, Markdown, JUnit and logs', (name) => {
    const dir = stageHost(name);
    const out = tmp('fixture-secrets');
    const r = cli(['scan', dir, '--format', 'json,html,md,junit', '--out', out, '--log-level', 'debug', '--now', NOW]);
    const text = [r.stdout, r.stderr, ...filesUnder(out).map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(text).not.toMatch(/Fixture-Secret|Sup3r|P@ss/);
  });
});
