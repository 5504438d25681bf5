/**
 * The close of the change on an AD FS farm and an MFA Server, through the CLI: scan before the window, then
 * `scan --stage post --baseline` after it. The report says which provider AD FS has, whether the swap was done,
 * and whether the MFA Server service will come back after a restart.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, stageHost } from '../helpers/hosts.js';
import type { Report } from '../../src/types.js';

const NOW = '2026-11-21T09:00:00Z';

function scan(args: string[]): { code: number; report: Report } {
  const r = runCli(['scan', ...args, '--json', '--now', NOW]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

describe('AD FS farm: scan before, scan --stage post --baseline after', () => {
  let before: { code: number; report: Report };
  let baseline: string;
  beforeAll(() => {
    before = scan([stageHost('adfs-farm-before')]);
    baseline = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-baseline-')), 'ADFS11-before.json');
    writeFileSync(baseline, JSON.stringify(before.report));
  });

  it('before: the provider AD FS has registered today is in the report, from the recorded cmdlet output', () => {
    const f = before.report.findings.find((x) => x.ruleId === 'MFA-ADFS-010');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('AD FS has WindowsAzureMultiFactorAuthentication registered');
    expect(f?.message).toContain('the global policy checks WindowsAzureMultiFactorAuthentication');
    expect(f?.evidence.map((e) => e.location)).toEqual(['adfs/authentication-providers.json', 'adfs/global-policy.json']);
  });

  it('after a clean window: verified, with nothing left for the adapter but the policy check', () => {
    const after = scan([stageHost('adfs-farm-after'), '--stage', 'post', '--baseline', baseline]);
    expect(after.code).toBe(0);
    expect(after.report.verdict.status).toBe('verified');
    expect(after.report.findings.filter((f) => /^MFA-POST-02/.test(f.ruleId))).toEqual([]);
    expect(after.report.plan.map((s) => s.id)).not.toContain('install:adfs-adapter:provider');
  });

  it('after a window where the provider swap was not done: incomplete, each check named, the swap left in the plan', () => {
    const after = scan([stageHost('adfs-farm-after-old-provider'), '--stage', 'post']);
    expect(after.report.verdict.status).toBe('incomplete');
    const got = after.report.findings
      .filter((f) => /^MFA-POST-02/.test(f.ruleId))
      .map((f) => `${f.ruleId} ${f.severity}`)
      .sort();
    expect(got).toEqual(['MFA-POST-022 medium', 'MFA-POST-023 high', 'MFA-POST-023 medium', 'MFA-POST-024 high', 'MFA-POST-024 medium']);
    const provider = after.report.findings.find((f) => f.ruleId === 'MFA-POST-023' && f.severity === 'high')!;
    expect(provider.message).toContain('The new provider AzureMfaServerAuthentication is not registered in AD FS');
    const carried = after.report.findings.find((f) => f.ruleId === 'MFA-POST-022')!;
    expect(carried.message).toContain('WebServiceSdkUsername');
    const plan = after.report.plan.map((s) => s.id);
    expect(plan.indexOf('uninstall:adfs-adapter:provider')).toBeLessThan(plan.indexOf('install:adfs-adapter:provider'));
    expect(plan.indexOf('install:adfs-adapter:provider')).toBeLessThan(plan.indexOf('configure:adfs-adapter:policy-check'));
    // The planted SDK password of the saved config never reaches the report.
    expect(JSON.stringify(after.report)).not.toContain('Fixture-Secret');
  });

  it('without the recorded cmdlet output the provider checks are unknown, with the commands to run', () => {
    const host = stageHost('adfs-farm-after');
    rmSync(path.join(host, 'adfs'), { recursive: true });
    const after = scan([host, '--stage', 'post', '--baseline', baseline]);
    const unknown = after.report.findings.filter((f) => f.ruleId === 'MFA-POST-023' || f.ruleId === 'MFA-POST-024');
    expect(unknown.map((f) => f.outcome)).toEqual(['unknown', 'unknown']);
    expect(unknown[0].message).toContain('Get-AdfsAuthenticationProvider | ConvertTo-Json | Out-File adfs\\authentication-providers.json');
    expect(after.report.verdict.status).not.toBe('verified');
  });
});

describe('MFA Server after the window, its service left on manual start', () => {
  it('MFA-POST-020 at medium names the service and its start type; the plan says to fix it', () => {
    const after = scan([stageHost('mfa-8x-service-manual'), '--stage', 'post']);
    const f = after.report.findings.find((x) => x.ruleId === 'MFA-POST-020')!;
    expect(f.severity).toBe('medium');
    expect(f.message).toContain('The MFA Server service MultiFactorAuthSvc starts manual (Start = 3)');
    expect(f.evidence[0].location).toBe('HKLM\\SYSTEM\\CurrentControlSet\\Services\\MultiFactorAuthSvc\\Start');
    expect(after.report.plan.map((s) => s.id)).toContain('configure:server:service');
  });
});
