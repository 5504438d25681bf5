/** probeMigration on the in-memory host: the utility's files, StsUrl/GraphUrl in either view, migrationServer, relying party trusts. */
import { describe, expect, it } from 'vitest';
import { probeMigration, RELYING_PARTY_FILE } from '../../src/probes/migration.js';
import { RELYING_PARTY_FILE as RULES_FILE } from '../../src/rules/migration.js';
import { memoryHost, probeContext } from '../helpers/memory.js';

const DIR = 'C:\\Program Files\\Multi-Factor Authentication Server';
const PF = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';

describe('probeMigration', () => {
  it('finds the utility files and the values the configure script writes (32-bit view)', async () => {
    const host = memoryHost()
      .file(`${DIR}\\MultiFactorAuthMigrationUtilityUI.exe`, 'MZ')
      .file(`${DIR}\\Configure-MultiFactorAuthMigrationUtility.ps1`, '# script')
      .reg(PF, { InstallPath: `${DIR}\\`, StsUrl: 'https://login.microsoftonline.us', GraphUrl: 'https://graph.microsoft.us' });
    const f = await probeMigration(await probeContext(host), DIR, 'MFA01');
    expect(f.files.map((x) => [x.name, x.present])).toEqual([
      ['MultiFactorAuthMigrationUtilityUI.exe', true],
      ['Configure-MultiFactorAuthMigrationUtility.ps1', true],
    ]);
    expect(f.stsUrl).toEqual({ value: 'https://login.microsoftonline.us', key: PF });
    expect(f.graphUrl?.value).toBe('https://graph.microsoft.us');
    expect(f.registryKnown).toBe(true);
  });

  it('an existing folder without the files: absent (false), not unknown; no values: null', async () => {
    const host = memoryHost()
      .file(`${DIR}\\MultiFactorAuthUI.exe`, 'MZ')
      .reg(PF, { InstallPath: `${DIR}\\` });
    const f = await probeMigration(await probeContext(host), DIR, 'MFA01');
    expect(f.files.every((x) => x.present === false)).toBe(true);
    expect([f.stsUrl, f.graphUrl]).toEqual([null, null]);
  });

  it('a folder that is not there: whether the files are is unknown (null); no PhoneFactor key: registry not known', async () => {
    const f = await probeMigration(await probeContext(memoryHost()), DIR, 'MFA01');
    expect(f.files.map((x) => x.present)).toEqual([null, null]);
    expect(f.registryKnown).toBe(false);
  });

  it('migrationServer from bundle.json, matched to this host without regard to case', async () => {
    const host = memoryHost().bundleJson({ hostname: 'MFA05', migrationServer: 'mfa05' });
    const f = await probeMigration(await probeContext(host), null, 'MFA05');
    expect(f).toMatchObject({ migrationServer: 'mfa05', isMigrationServer: true, files: [] });
    const other = await probeMigration(await probeContext(memoryHost().bundleJson({ migrationServer: 'MFA05' })), null, 'MFA01');
    expect(other.isMigrationServer).toBe(false);
  });

  it('relying party trusts as Out-File writes them (UTF-16LE, the 5.1 value wrapper), names sorted', async () => {
    const json = JSON.stringify({ value: [{ Name: 'Payroll' }, { Name: 'Microsoft Office 365 Identity Platform' }], Count: 2 });
    const host = memoryHost().bundleFile(RELYING_PARTY_FILE, json, { encoding: 'utf16le' });
    const f = await probeMigration(await probeContext(host), null, 'ADFS11');
    expect(f.relyingParties).toEqual({ location: RELYING_PARTY_FILE, names: ['Microsoft Office 365 Identity Platform', 'Payroll'] });
  });

  it('a file that is not a list of trusts is a problem naming it, and the trusts stay unknown', async () => {
    const host = memoryHost().bundleFile(RELYING_PARTY_FILE, '{"Name": 42}');
    const ctx = await probeContext(host);
    const f = await probeMigration(ctx, null, 'ADFS11');
    expect(f.relyingParties).toBeNull();
    expect(host.problems.map((p) => p.location)).toEqual([expect.stringContaining('relying-party-trusts.json')]);
  });

  it('the rules name the same file the probe reads', () => {
    expect(RULES_FILE).toBe(RELYING_PARTY_FILE);
  });
});
