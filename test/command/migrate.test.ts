/**
 * scan and fleet --goal migrate through the CLI, on the migration fixture hosts: what a user sees (exit code,
 * report goal and migration part, the plan touching only the server that runs the Migration Utility, the fleet's
 * waves and its "Unhandled SB" and must-change notes), and that the default goal is still upgrade.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, stageHost } from '../helpers/hosts.js';
import { validateReport } from '../../src/report/schema.js';
import type { Report } from '../../src/types.js';

const NOW = '2026-11-21T09:00:00Z';
const scan = (name: string, ...flags: string[]) => {
  const r = runCli(['scan', stageHost(name), '--json', '--now', NOW, ...flags]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
};

describe('scan --goal migrate', () => {
  it('records the goal and what the server is to the migration; the report stays valid', () => {
    const { code, report } = scan('migrate-primary-8x', '--goal', 'migrate');
    expect(code).toBe(1);
    expect(report.scan.goal).toBe('migrate');
    expect(report.migration).toMatchObject({ role: 'primary', mustChange: true, migrationServer: null });
    const v = validateReport(report);
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('plans the primary only: no portal, SDK or adapter step although they are on the same server', () => {
    const { report } = scan('migrate-primary-8x', '--goal', 'migrate');
    expect(report.plan.map((s) => s.id)).toEqual([
      'prepare:server:keep-installer',
      'backup:data',
      'drain:host',
      'install:server',
      'configure:migration-utility',
      'configure:migration-utility:consent',
      'verify:migration-utility',
      'restore:host',
    ]);
    const install = report.plan.find((s) => s.id === 'install:server')!;
    expect(install.detail).toMatch(/Visual C\+\+ 2015/);
    expect(install.detail).toMatch(/Do not update the User Portal, the Web Service SDK or the AD FS adapter/);
    expect(report.findings.map((f) => f.ruleId)).not.toContain('MFA-BKP-010');
  });

  it('the same host at the default goal is an upgrade report, without goal or migration', () => {
    const { report } = scan('migrate-primary-8x');
    expect(report.scan.goal).toBeUndefined();
    expect(report.migration).toBeUndefined();
    expect(report.plan.map((s) => s.id)).toContain('install:user-portal');
    expect(report.findings.some((f) => f.ruleId.startsWith('MFA-MIG-'))).toBe(false);
  });

  it('a government primary with .us sign-in and .com Graph fails the gate with both values as evidence', () => {
    const { code, report } = scan('migrate-gov-mixed', '--goal', 'migrate');
    expect(code).toBe(1);
    const f = report.findings.find((x) => x.ruleId === 'MFA-MIG-003')!;
    expect(f.severity).toBe('critical');
    expect(f.evidence.map((e) => e.observed)).toEqual(['https://login.microsoftonline.us', 'https://graph.microsoft.com']);
    expect(report.migration?.cloud).toBe('mixed');
  });

  it('the checklist items no bundle can show are unknown, never a pass', () => {
    const { report } = scan('migrate-primary-8x', '--goal', 'migrate');
    for (const id of ['MFA-MIG-010', 'MFA-MIG-011', 'MFA-MIG-013'])
      expect(report.findings.find((f) => f.ruleId === id)?.outcome, id).toBe('unknown');
    const adfs = scan('migrate-adfs-2012r2', '--goal', 'migrate').report;
    expect(adfs.findings.find((f) => f.ruleId === 'MFA-MIG-012')?.outcome).toBe('unknown');
    expect(adfs.findings.find((f) => f.ruleId === 'MFA-MIG-005')?.message).toMatch(/2 relying party trust\(s\).*Intranet, Payroll/);
    expect(adfs.plan).toEqual([]);
    expect(adfs.migration).toMatchObject({ role: 'unchanged', mustChange: false });
  });

  it('the Markdown and HTML reports say whether the server must change', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'mfa-migrate-out-'));
    const r = runCli(['scan', stageHost('migrate-adfs-2012r2'), '--goal', 'migrate', '--format', 'md,html', '--out', out, '--now', NOW]);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(out, 'mfa-readiness-ADFS11-2026-11-21.md'), 'utf8');
    expect(md).toContain('## Migration to Microsoft Entra MFA');
    expect(md).toContain('**This server need not change** (unchanged)');
    expect(readFileSync(path.join(out, 'mfa-readiness-ADFS11-2026-11-21.html'), 'utf8')).toContain(
      '<strong>This server need not change</strong>',
    );
  });

  it('rejects an unknown goal with a usage error (exit 2)', () => {
    const r = runCli(['scan', stageHost('migrate-gov-mixed'), '--json', '--goal', 'cloud']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/goal/);
  });
});

describe('collect --migration-server', () => {
  it('writes bundle.json migrationServer, and the collected bundle scans as the dedicated migration server', () => {
    const host = stageHost('ready-8x');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-migrate-collect-')), 'MFA21');
    const c = runCli(['collect', '--out', out, '--role', 'subordinate', '--migration-server', 'MFA21'], {
      env: { MFA_READINESS_COLLECT_FROM: host },
    });
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'bundle.json'), 'utf8')).migrationServer).toBe('MFA21');
    const r = runCli(['scan', out, '--goal', 'migrate', '--json', '--now', NOW]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.migration).toMatchObject({ role: 'migration-server', mustChange: true, migrationServer: 'MFA21' });
    // ready-8x runs the User Portal and the SDK too (MFA-MIG-006), and has the 8.1 build but not the utility's files:
    // the plan takes that traffic off and installs the utility here, without the primary's consent step.
    expect(
      report.findings
        .filter((f) => f.ruleId === 'MFA-MIG-006')
        .map((f) => f.component)
        .sort(),
    ).toEqual(['user-portal', 'user-portal', 'web-service-sdk']); // the portal, its SDK address naming this host, the SDK
    expect(report.plan.map((s) => s.id)).toEqual([
      'configure:migration-server:no-traffic',
      'prepare:server:keep-installer',
      'install:server',
      'configure:migration-utility',
      'verify:migration-utility',
    ]);
  });
});

describe('scan --goal migrate --stage post', () => {
  it('verifies the primary after the window: build, utility, values, data file and service in place', () => {
    const { code, report } = scan('migrate-primary-after', '--goal', 'migrate', '--stage', 'post');
    expect(code).toBe(0);
    expect(report.verdict.status).toBe('verified');
    expect(report.plan.map((s) => s.id)).toEqual(['verify:migration-utility']);
    expect(report.migration?.cloud).toBe('commercial');
  });

  it('a migration server installed elsewhere, its service left on the old folder, not configured: incomplete', () => {
    const { code, report } = scan('migrate-secondary-after-moved', '--goal', 'migrate', '--stage', 'post', '--fail-on', 'high');
    expect(code).toBe(1);
    expect(report.verdict.status).toBe('incomplete');
    const ids = report.findings.map((f) => `${f.ruleId} ${f.severity}`);
    expect(ids).toEqual(expect.arrayContaining(['MFA-MIG-020 critical', 'MFA-MIG-020 high', 'MFA-POST-020 high']));
    expect(report.findings.find((f) => f.ruleId === 'MFA-POST-020')?.message).toMatch(/outside the install folder D:\\MFA/);
    expect(report.plan.map((s) => s.id)).toEqual(['configure:migration-utility', 'verify:migration-utility']);
  });
});

describe('fleet --goal migrate', () => {
  let report: {
    scan: { goal?: string };
    waves: { kind: string; steps: { host: string; id: string }[] }[];
    findings: { ruleId: string; host: string; message: string }[];
  };
  let code: number;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mfa-migrate-fleet-'));
    // A primary with a subordinate, a User Portal server, an AD FS 2012 R2 farm server and a dedicated migration server.
    for (const n of ['migrate-primary-8x', 'migrate-secondary-dedicated', 'migrate-adfs-2012r2', 'ha-subordinate', 'user-portal-web-host'])
      cpSync(stageHost(n), path.join(dir, n), { recursive: true });
    const r = runCli(['fleet', dir, '--goal', 'migrate', '--json', '--now', NOW]);
    code = r.code;
    report = JSON.parse(r.stdout);
  });

  it('changes only the primary and the dedicated migration server: no promotion, no adapter swap, no subordinate, no portal', () => {
    expect(code).toBe(1);
    expect(report.scan.goal).toBe('migrate');
    const hosts = new Set(report.waves.flatMap((w) => w.steps.map((s) => s.host)));
    expect([...hosts].sort()).toEqual(['MFA01', 'MFA05']);
    const ids = report.waves.flatMap((w) => w.steps.map((s) => s.id));
    expect(ids).not.toContain('configure:server:promote');
    expect(ids.some((id) => id.includes('adfs-adapter'))).toBe(false);
    expect(
      report.waves
        .flatMap((w) => w.steps)
        .filter((s) => s.host === 'MFA05')
        .map((s) => s.id),
    ).toEqual(['configure:migration-utility', 'verify:migration-utility']);
  });

  it('says which servers must change and warns of "Unhandled SB" on the subordinate left behind', () => {
    const split = report.findings.find((f) => f.ruleId === 'MFA-FLEET-021')!;
    expect(split.message).toBe('Must change: MFA01, MFA05. Need not change: ADFS11, MFA02, WEB01.');
    const sb = report.findings.find((f) => f.ruleId === 'MFA-FLEET-020')!;
    expect(sb.host).toBe('MFA01');
    expect(sb.message).toMatch(/MFA02/);
    expect(sb.message).toMatch(/10,000 users/);
  });
});
