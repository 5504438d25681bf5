/** The `collect` command as a user runs it (bin/run.js, needs `npm run build`). */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, stageHost } from '../helpers/hosts.js';

const NOW = '2026-11-21T09:00:00Z';

describe('mfa-readiness collect', () => {
  it.skipIf(process.platform === 'win32')('refuses to run off Windows without a host to collect from: exit 2, one line', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-cli-collect-')), 'b');
    const r = runCli(['collect', '--out', out], { env: { MFA_READINESS_COLLECT_FROM: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/collect runs only on the Windows host/);
    expect(existsSync(out)).toBe(false);
  });

  it('collects (test hook MFA_READINESS_COLLECT_FROM) a bundle that `scan` reads to the same verdict and plan', () => {
    const host = stageHost('mfa-7x-on-adfs');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-cli-collect-')), 'ADFS01');
    const c = runCli(['collect', '--out', out, '--role', 'primary', '--replication-group', 'HQ', '--load-balanced'], {
      env: { MFA_READINESS_COLLECT_FROM: host },
    });
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toMatch(/collected \d+ file\(s\).*described in manifest\.json/);
    expect(c.stderr).toContain(`wrote ${out}`);
    const bj = JSON.parse(readFileSync(path.join(out, 'bundle.json'), 'utf8'));
    expect(bj.roles).toMatchObject({ replication: 'primary', replicationGroup: 'HQ', loadBalanced: true });

    const a = JSON.parse(runCli(['scan', host, '--json', '--now', NOW]).stdout);
    const b = JSON.parse(runCli(['scan', out, '--json', '--now', NOW]).stdout);
    expect(b.verdict.status).toBe(a.verdict.status);
    expect(b.plan.map((s: { id: string }) => s.id)).toEqual(a.plan.map((s: { id: string }) => s.id));
    expect(b.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(a.findings.map((f: { ruleId: string }) => f.ruleId).sort());
  });

  it('an existing --out is exit 2 with one line, and --json reports what was written', () => {
    const host = stageHost('ready-8x');
    const dir = mkdtempSync(path.join(tmpdir(), 'mfa-cli-collect-'));
    const env = { MFA_READINESS_COLLECT_FROM: host };
    const r = runCli(['collect', '--out', host], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const j = runCli(['collect', '--out', path.join(dir, 'b'), '--zip', '--json'], { env });
    expect(j.code, j.stderr).toBe(0);
    const res = JSON.parse(j.stdout);
    expect(res.out).toBe(path.join(dir, 'b.zip'));
    expect(res.copied).toBeGreaterThan(0);
    expect(res.described.some((p: string) => /PhoneFactor\.pfdata$/i.test(p))).toBe(true);
    expect(existsSync(path.join(dir, 'b.zip'))).toBe(true);
  });
});
