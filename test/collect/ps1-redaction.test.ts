/**
 * Issue 15: the PowerShell scripts `collect` copies (the AD FS adapter's Register script) pass the one redaction
 * policy, as config files do: planted secrets in the script never reach the bundle, and an offline scan of the
 * bundle still sees what the script says.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { collect, type CollectResult } from '../../src/collect.js';
import { stageHost } from '../helpers/hosts.js';
import { outcome, scanFolder } from './helpers.js';

const HOST = 'mfa-8x-on-adfs-stage-adfs';
const SCRIPT = 'fs/C/Program Files/Multi-Factor Authentication Server/Register-MultiFactorAuthenticationAdfsAdapter.ps1';
const M = ['ZqPsMarkParam', 'ZqPsMarkVar', 'ZqPsMarkSecure', 'ZqPsMarkConn', 'ZqPsMarkUrl', 'ZqPsMarkComment'];
const PLANTED = [
  `$SdkPassword = '${M[1]}'`,
  `$sec = ConvertTo-SecureString "${M[2]}" -AsPlainText -Force`,
  `Set-MfaSdk -Url https://mfa01.contoso.local/sdk -Username svc -Password '${M[0]}'`,
  `$db = "Server=db01;Database=pf;User Id=pf;Password=${M[3]};"`,
  `$proxy = 'http://proxyuser:${M[4]}@proxy.contoso.local:8080/'`,
  `# the SDK password is ${M[5]}`,
].join('\r\n');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}
const leaks = (dir: string) =>
  filesUnder(dir).flatMap((f) => {
    const b = readFileSync(f);
    const text = b.toString('latin1') + b.toString('utf16le');
    return M.filter((m) => text.includes(m)).map((m) => `${path.relative(dir, f)}: ${m}`);
  });

describe('collect: .ps1 copies pass the redaction policy', () => {
  let host: string;
  let red: CollectResult;
  let raw: CollectResult;
  beforeAll(async () => {
    host = stageHost(HOST);
    const script = path.join(host, SCRIPT);
    writeFileSync(script, `${PLANTED}\r\n${readFileSync(script, 'utf8')}`);
    const out = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), 'mfa-collect-ps1-')), name);
    red = await collect(await BundleHost.open(host), { out: out('bundle'), now: new Date('2026-11-21T08:00:00Z') });
    raw = await collect(await BundleHost.open(host), { out: out('raw'), now: new Date('2026-11-21T08:00:00Z'), redact: false });
  });

  it('the script is copied, and without redaction every planted secret would be in the bundle', () => {
    expect(filesUnder(raw.out).some((f) => f.endsWith('Register-MultiFactorAuthenticationAdfsAdapter.ps1'))).toBe(true);
    expect(
      leaks(raw.out)
        .map((l) => l.split(': ')[1])
        .sort(),
    ).toEqual([...M].sort());
  });

  it('with redaction (the default), no planted secret is anywhere in the bundle', () => {
    expect(leaks(red.out)).toEqual([]);
    expect(red.redacted).toBeGreaterThan(0);
    const copy = filesUnder(red.out).find((f) => f.endsWith('Register-MultiFactorAuthenticationAdfsAdapter.ps1'))!;
    expect(readFileSync(copy, 'utf8')).toContain("-Username svc -Password '[redacted]'");
  });

  it('an offline scan of the redacted bundle reaches what a scan of the host does', async () => {
    expect(outcome(await scanFolder(red.out, 'adfs'))).toEqual(outcome(await scanFolder(host, 'adfs')));
  });
});
