import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NOW, ROOT, cli, stageHost, tmp } from '../safety/helpers.js';

/** What a CI job sees of `--format github` and `--format azure`: the lines on stdout, the step summary, the exit code. */
describe('scan --format github,azure in CI', () => {
  it('github: annotations on stdout, a compact step summary appended to $GITHUB_STEP_SUMMARY, the report files as asked', () => {
    const out = tmp('gh-out');
    const summary = path.join(out, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = cli(['scan', stageHost('pf-agent-5x-all-in-one'), '--format', 'md,github', '--out', out, '--now', NOW], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(
      lines.every((l) => /^::(error|warning|notice) file=/.test(l)),
      r.stdout,
    ).toBe(true);
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^::error file=.*mfa-readiness-PF01-2026-11-21\.md,title=MFA-BKP-001 The data file has no backup \(PF01\)::\[critical, failed\] /,
    );
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n### ❌ PF01: Not ready, gate FAIL at fail-on critical\n')).toBe(true);
    expect(md.trimEnd().split('\n').length).toBeLessThan(15);
    expect(readdirSync(out).sort()).toEqual(['mfa-readiness-PF01-2026-11-21.md', 'step-summary.md']);
  });

  it('azure: logging commands on stdout and task.complete Failed when the gate fails; nothing failed when it passes', () => {
    const fail = cli(['scan', stageHost('pf-agent-5x-all-in-one'), '--format', 'azure', '--out', tmp('az-out'), '--now', NOW]);
    expect(fail.code, fail.stderr).toBe(1);
    const lines = fail.stdout.trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('##vso['))).toBe(true);
    expect(lines[0]).toMatch(/^##vso\[task\.logissue type=error;code=MFA-BKP-001;\]PF01: MFA-BKP-001 /);
    expect(lines.at(-1)).toBe('##vso[task.complete result=Failed;]mfa-readiness: PF01 fails the gate at --fail-on critical (1 finding(s))');
    const pass = cli([
      'scan',
      stageHost('pf-agent-5x-all-in-one'),
      '--format',
      'azure',
      '--fail-on',
      'none',
      '--out',
      tmp('az-out2'),
      '--now',
      NOW,
    ]);
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stdout).toContain('##vso[task.logissue type=warning;');
    expect(pass.stdout).not.toContain('task.complete');
  });

  it('fleet --format junit: one testsuite per host and one for the fleet rules, classnames host.component', () => {
    const out = tmp('fleet-junit');
    const r = cli(['fleet', path.join(ROOT, 'fixtures', 'fleets', 'ha-pair-with-portal'), '--format', 'junit', '--out', out, '--now', NOW]);
    expect([0, 1], r.stderr).toContain(r.code);
    const file = readdirSync(out).find((f) => f.endsWith('.junit.xml'))!;
    expect(existsSync(path.join(out, file))).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    }).parse(readFileSync(path.join(out, file), 'utf8'));
    const names = doc.testsuites.testsuite.map((s: { name: string }) => s.name);
    expect(names).toEqual(['MFA01', 'MFA02', 'WEB01', 'fleet']);
    expect(doc.testsuites.skipped).toBeUndefined();
    for (const s of doc.testsuites.testsuite) for (const tc of s.testcase) expect(tc.classname.startsWith(`${s.name}.`)).toBe(true);
  });
});
