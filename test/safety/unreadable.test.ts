import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { scanTarget } from '../../src/scan.js';
import { validateReport } from '../../src/report/schema.js';
import type { Report } from '../../src/types.js';
import { HOSTS } from '../helpers/hosts.js';
import { BASE, NOW, cli, stageHost } from './helpers.js';

/**
 * Files the scan may not read (issue 6, part 2) and "undetermined is not ready" (part 6).
 * CI runs as root, where file modes stop nothing, so unreadable is simulated with BundleHost's
 * `denyRead` seam, in process: the target behaves as EACCES would make it.
 */

const REQ = { targetVersion: '8.1', stage: 'pre' as const, failOn: 'critical' as const, now: NOW };

async function scanDenying(host: string, deny: (rel: string) => boolean): Promise<Report> {
  const t = await BundleHost.open(path.join(HOSTS, host), { denyRead: deny });
  const { report } = await scanTarget(t, REQ);
  const v = validateReport(report);
  expect(v.ok ? [] : v.errors).toEqual([]);
  return report;
}

const startsWith = (prefix: string) => (rel: string) => rel.toLowerCase().startsWith(prefix.toLowerCase());

describe('a file or folder the scan may not read is a problem naming it, never a crash', () => {
  it('the User Portal web.config', async () => {
    const r = await scanDenying(BASE, startsWith('fs/C/inetpub/wwwroot/PhoneFactor/web.config'));
    expect(r.problems).toContainEqual({
      location: 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config',
      message: 'cannot be read: permission denied',
    });
    // MFA-INP-001 carries it into the findings.
    expect(r.findings.some((f) => f.ruleId === 'MFA-INP-001' && f.evidence.some((e) => /PhoneFactor\\web\.config/.test(e.location)))).toBe(
      true,
    );
  });

  it('a theme folder', async () => {
    const r = await scanDenying(BASE, startsWith('fs/C/inetpub/wwwroot/PhoneFactor/App_Themes/Contoso'));
    expect(r.problems).toContainEqual({
      location: 'fs/C/inetpub/wwwroot/PhoneFactor/App_Themes/Contoso',
      message: 'folder cannot be read: permission denied',
    });
  });

  it('a registry export', async () => {
    const r = await scanDenying(BASE, (rel) => rel === 'registry/phonefactor.reg');
    expect(r.problems).toContainEqual({ location: 'registry/phonefactor.reg', message: 'cannot be read: permission denied' });
  });
});

describe('undetermined is not ready', () => {
  const host = 'mfa-7x-on-adfs'; // ready-with-warnings, exit 0 as it is

  it('baseline: the host passes the gate with default flags', async () => {
    const r = await scanDenying(host, () => false);
    expect(r.verdict.gate).toBe('pass');
  });

  it('MFA-PRQ-001 with no export covering the NDP key: unknown, critical, not-ready, exit 1 with default flags', () => {
    const dir = stageHost(host);
    rmSync(path.join(dir, 'registry', 'netfx.reg'));
    const run = cli(['scan', dir, '--json', '--now', NOW]);
    const r = JSON.parse(run.stdout) as Report;
    const prq = r.findings.filter((f) => f.ruleId === 'MFA-PRQ-001');
    expect(prq.map((f) => [f.outcome, f.severity])).toEqual([['unknown', 'critical']]);
    expect(r.verdict.status).toBe('not-ready');
    expect(r.verdict.counts.critical).toBe(1);
    expect(r.verdict.gate).toBe('fail');
    expect(run.code).toBe(1);
    // --fail-on high still fails; only "none" passes.
    expect(cli(['scan', dir, '--json', '--now', NOW, '--fail-on', 'high']).code).toBe(1);
    expect(cli(['scan', dir, '--json', '--now', NOW, '--fail-on', 'none']).code).toBe(0);
  });

  it('MFA-PRQ-001 when netfx.reg exists but may not be read', async () => {
    const r = await scanDenying(host, (rel) => rel === 'registry/netfx.reg');
    expect(r.findings.find((f) => f.ruleId === 'MFA-PRQ-001')).toMatchObject({ outcome: 'unknown', severity: 'critical' });
    expect(r.verdict).toMatchObject({ status: 'not-ready', gate: 'fail' });
  });

  it('MFA-BKP-001 when the data folder may not be read: unknown and critical, not a silent pass', async () => {
    const r = await scanDenying(host, startsWith('fs/C/Program Files/Multi-Factor Authentication Server/Data'));
    const bkp = r.findings.find((f) => f.ruleId === 'MFA-BKP-001');
    expect(bkp).toMatchObject({ outcome: 'unknown', severity: 'critical' });
    expect(bkp!.message).toContain('PhoneFactor.pfdata');
    // Not reported as "missing" (MFA-BKP-003), which would be a guess.
    expect(r.findings.map((f) => f.ruleId)).not.toContain('MFA-BKP-003');
    expect(r.verdict).toMatchObject({ status: 'not-ready', gate: 'fail' });
  });
});
