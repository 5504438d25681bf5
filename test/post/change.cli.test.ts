/**
 * A change's pair through the CLI, as a user runs it: `scan` before the window, `scan --stage post --baseline`
 * after, `gate` on both. Before-and-after fixture pairs for both paths: in place (change-7x-before ->
 * change-7x-after-*) and PhoneFactor Agent (pf-agent-5x-all-in-one -> change-pf-after-*).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, snapshot, stageHost } from '../helpers/hosts.js';
import { validateReport } from '../../src/report/schema.js';
import type { Report } from '../../src/types.js';

const NOW = '2026-11-21T09:00:00Z';
const out = mkdtempSync(path.join(tmpdir(), 'mfa-post-'));

/** The report taken before the window, written as `scan --format json --output` writes it. */
function before(host: string): string {
  const file = path.join(out, `${host}.before.json`);
  const r = runCli(['scan', stageHost(host), '--format', 'json', '--output', file, '--now', '2026-11-19T08:00:00Z']);
  expect(r.code, r.stderr).toBeLessThan(2);
  return file;
}

function post(host: string, baseline: string | null, extra: string[] = []): { code: number; report: Report; stderr: string } {
  const r = runCli([
    'scan',
    stageHost(host),
    '--stage',
    'post',
    ...(baseline ? ['--baseline', baseline] : []),
    '--json',
    '--now',
    NOW,
    ...extra,
  ]);
  return { code: r.code, report: r.code === 2 ? ({} as Report) : (JSON.parse(r.stdout) as Report), stderr: r.stderr };
}

const fired = (r: Report) => [...new Set(r.findings.map((f) => f.ruleId))].sort();

describe('in place 7.3 -> 8.1', () => {
  let base: string;
  beforeAll(() => {
    base = before('change-7x-before');
  });

  it('a clean upgrade is verified, exit 0, with every part before and after', () => {
    const { code, report } = post('change-7x-after-clean', base);
    expect(code).toBe(0);
    expect(validateReport(report)).toEqual({ ok: true });
    expect(report.scan.stage).toBe('post');
    expect(report.verdict.status).toBe('verified');
    expect(fired(report).filter((id) => id.startsWith('MFA-POST-'))).toEqual([]);
    expect(report.change?.baseline?.file).toBe(base);
    expect(report.change?.components).toEqual([
      { component: 'server', before: '7.3.0.3', after: '8.1.2.1', status: 'upgraded' },
      { component: 'user-portal', before: '7.3.0.3', after: '8.1.2.1', status: 'upgraded' },
      { component: 'mobile-app', before: '7.3.0.3', after: null, status: 'removed-by-procedure' },
      { component: 'web-service-sdk', before: '7.3.0.3', after: '8.1.2.1', status: 'upgraded' },
    ]);
    const portal = report.change?.settings.find((s) => s.component === 'user-portal');
    expect(portal).toMatchObject({ compared: true, notCarriedOver: [], releaseChanges: 1 });
    expect(report.change?.themes).toEqual({ before: ['Contoso'], after: ['Contoso'], missing: [] });
    expect(report.change?.left).toEqual([]);
  });

  it('gone wrong: the SDK left behind, a setting not carried over, a pool on .NET 2.0, the Mobile App left installed', () => {
    const { code, report } = post('change-7x-after-broken', base, ['--fail-on', 'high']);
    expect(code).toBe(1);
    expect(report.verdict).toMatchObject({ status: 'incomplete', gate: 'fail' });
    expect(fired(report)).toEqual(expect.arrayContaining(['MFA-POST-001', 'MFA-POST-003', 'MFA-POST-006', 'MFA-POST-010']));
    const by = (id: string) => report.findings.filter((f) => f.ruleId === id);
    expect(by('MFA-POST-001')[0].message).toContain('7.3.0.3');
    expect(by('MFA-POST-001')[0].component).toBe('web-service-sdk');
    expect(
      by('MFA-POST-006')
        .map((f) => f.message)
        .join('\n'),
    ).toMatch(/DEFAULT_LANGUAGE was de in the saved .*web\.config and is en/);
    expect(by('MFA-POST-010')[0].message).toContain('MultiFactorAuthAppPool with .NET CLR v2.0');
    expect(by('MFA-POST-003')[0].severity).toBe('low');
    // The SDK's password in the saved and the new web.config never reaches the report.
    expect(JSON.stringify(report)).not.toContain('Fixture-Secret-mfa31');
    expect(report.change?.components.find((c) => c.component === 'web-service-sdk')).toEqual({
      component: 'web-service-sdk',
      before: '7.3.0.3',
      after: '7.3.0.3',
      status: 'below-target',
    });
    expect(report.change?.settings.find((s) => s.component === 'user-portal')?.notCarriedOver).toEqual(['DEFAULT_LANGUAGE']);
    const ids = report.plan.map((s) => s.id);
    expect(ids[0]).toBe('install:host:finish-upgrade');
    expect(ids).toEqual(expect.arrayContaining(['restore:user-portal:settings', 'configure:host:app-pools-clr4', 'uninstall:mobile-app']));
    expect(report.change?.left).toEqual(ids);
  });

  it('without --baseline what needs the report of before is unknown, never passed', () => {
    const { code, report } = post('change-7x-after-clean', null);
    expect(code).toBe(0);
    expect(report.verdict.status).toBe('incomplete');
    const f = report.findings.find((x) => x.ruleId === 'MFA-POST-019');
    expect(f).toMatchObject({ outcome: 'unknown', severity: 'medium' });
    expect(report.change?.baseline).toBeNull();
    expect(report.change?.components.every((c) => c.status !== 'removed')).toBe(true);
    // Settings and themes still come from the backups the scan finds.
    expect(report.change?.settings.find((s) => s.component === 'user-portal')?.compared).toBe(true);
  });

  it('gate re-judges both reports the same way, and the Markdown closing note shows the change', () => {
    const dir = mkdtempSync(path.join(out, 'gate-'));
    const host = stageHost('change-7x-after-clean');
    const s = runCli(['scan', host, '--stage', 'post', '--baseline', base, '--format', 'json,md,junit', '--out', dir, '--now', NOW]);
    expect(s.code, s.stderr).toBe(0);
    const json = path.join(dir, 'mfa-readiness-MFA31-2026-11-21.json');
    const g = runCli(['gate', json, '--json']);
    expect(g.code).toBe(0);
    expect(JSON.parse(g.stdout).gate).toBe('pass');
    expect(runCli(['gate', base, '--fail-on', 'high']).code).toBe(1); // before: MFA-LIFE-001 (high) is open
    const md = readFileSync(path.join(dir, 'mfa-readiness-MFA31-2026-11-21.md'), 'utf8');
    expect(md).toContain('## Verdict: Verified');
    expect(md).toContain('## The change, before and after');
    expect(md).toMatch(/\| User Portal \| 7\.3\.0\.3 \| 8\.1\.2\.1 \| upgraded \|/);
    expect(md).toContain('Nothing: the change can be closed.');
    const junit = readFileSync(path.join(dir, 'mfa-readiness-MFA31-2026-11-21.junit.xml'), 'utf8');
    expect(junit).toContain('name="change.web-service-sdk" value="7.3.0.3 -&gt; 8.1.2.1 (upgraded)"');
  });

  it('the scan writes nothing into the host it verifies', () => {
    const host = stageHost('change-7x-after-broken');
    const a = snapshot(host);
    post('change-7x-after-broken', base);
    runCli(['scan', host, '--stage', 'post', '--baseline', base, '--json', '--now', NOW]);
    expect(snapshot(host)).toEqual(a);
  });
});

describe('PhoneFactor Agent 5.2 -> 8.1', () => {
  let base: string;
  beforeAll(() => {
    base = before('pf-agent-5x-all-in-one');
  });

  it('a clean upgrade is verified: agent and Mobile App gone as the procedure says, SDK renamed with its URL', () => {
    const { code, report } = post('change-pf-after-clean', base);
    expect(code).toBe(0);
    expect(report.verdict.status).toBe('verified');
    expect(report.change?.components.map((c) => `${c.component}:${c.status}`)).toEqual([
      'agent:removed-by-procedure',
      'server:added',
      'user-portal:upgraded',
      'mobile-app:removed-by-procedure',
      'web-service-sdk:upgraded',
    ]);
    expect(report.change?.virtualDirectories.find((v) => v.component === 'web-service-sdk')).toEqual({
      component: 'web-service-sdk',
      before: '/PhoneFactorWebServiceSdk',
      after: '/MultiFactorAuthWebServiceSdk',
      renamed: true,
    });
  });

  it('gone wrong: a renamed SDK with a stale URL, the portal moved, the theme and Default edits lost', () => {
    const { code, report } = post('change-pf-after-broken', base, ['--fail-on', 'high']);
    expect(code).toBe(1);
    expect(report.verdict.status).toBe('incomplete');
    expect(fired(report)).toEqual(expect.arrayContaining(['MFA-CFG-001', 'MFA-POST-004', 'MFA-POST-005', 'MFA-POST-008', 'MFA-POST-009']));
    const stale = report.findings.find((f) => f.ruleId === 'MFA-POST-004')!;
    expect(stale.message).toContain('https://pf01.contoso.local/PhoneFactorWebServiceSdk/PfWsSdk.asmx');
    expect(stale.message).toContain('from /PhoneFactorWebServiceSdk to /MultiFactorAuthWebServiceSdk');
    expect(stale.planSteps).toEqual(['configure:host:virtual-directory-urls']);
    expect(report.findings.find((f) => f.ruleId === 'MFA-POST-008')!.message).toContain('Contoso');
    expect(report.findings.find((f) => f.ruleId === 'MFA-POST-005')!.planSteps).toEqual(['notify:user-portal']);
    expect(report.change?.themes).toMatchObject({ before: ['Contoso'], missing: ['Contoso'] });
  });
});

describe('--baseline refused with one line naming the file', () => {
  it('a report of another host', () => {
    const other = before('change-7x-before');
    const r = post('change-pf-after-clean', other);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${other}: is a report of MFA31, not of PF01`);
  });

  it('a report taken after a window', () => {
    const file = path.join(out, 'post.json');
    writeFileSync(file, runCli(['scan', stageHost('change-7x-after-clean'), '--stage', 'post', '--json', '--now', NOW]).stdout);
    const r = post('change-7x-after-clean', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: is a report taken after a window (stage post)`);
  });

  it('a file that is not a report', () => {
    const file = path.join(out, 'not-a-report.json');
    writeFileSync(file, '{"hello": 1}');
    const r = post('change-7x-after-clean', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
  });

  it('--baseline without --stage post', () => {
    const r = runCli(['scan', stageHost('change-7x-after-clean'), '--baseline', path.join(out, 'x.json'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('--baseline: only with --stage post');
  });
});
