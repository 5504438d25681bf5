import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { NOW, cli, stageHost, tmp } from '../safety/helpers.js';
import { findingsTable } from '../../src/cli/table.js';
import type { Report } from '../../src/types.js';

/** An incomplete scan (configs that cannot be parsed) cannot read green: said in the verdict of every format and on the terminal. */
describe('an incomplete scan is impossible to miss', () => {
  it('broken-inputs: Markdown and HTML verdicts and the stderr summary say what could not be determined', () => {
    const out = tmp('incomplete');
    const r = cli(['scan', stageHost('broken-inputs'), '--format', 'json,md,html', '--out', out, '--now', NOW]);
    expect([0, 1], r.stderr).toContain(r.code);
    const file = (ext: string) =>
      readFileSync(
        path.join(
          out,
          readdirSync(out).find((f) => f.endsWith(ext))!,
        ),
        'utf8',
      );
    const report = JSON.parse(file('.json')) as Report;
    const unknown = report.findings.filter((f) => f.outcome === 'unknown' && !f.waiver).length;
    expect(unknown + report.problems.length).toBeGreaterThan(0);
    const md = file('.md');
    const verdict = md.slice(md.indexOf('## Verdict'), md.indexOf('## Upgrade plan'));
    expect(verdict).toMatch(/^> \*\*Warning: Incomplete scan: /m);
    if (unknown) expect(verdict).toContain(`${unknown} check${unknown === 1 ? '' : 's'} could not be determined`);
    const { document } = parseHTML(file('.html'));
    expect(document.querySelector('#verdict .incomplete')!.textContent).toMatch(/^Warning: Incomplete scan: /);
    expect(r.stderr).toMatch(/^WARNING: Incomplete scan: /m);
  });

  it('the terminal table puts the warning right under the verdict line', () => {
    const report = {
      host: { name: 'MFA01' },
      scan: { target: { location: 'x' } },
      plan: [],
      verdict: {
        status: 'ready-with-warnings',
        gate: 'pass',
        failOn: 'critical',
        counts: { critical: 0, high: 0, medium: 1, low: 0, info: 0 },
        waived: 0,
      },
      findings: [
        {
          id: 'a',
          ruleId: 'MFA-CFG-002',
          severity: 'medium',
          outcome: 'unknown',
          title: 'cannot parse',
          component: 'host',
          waiver: null,
          evidence: [],
          planSteps: [],
        },
      ],
      problems: [{ location: 'web.config', message: 'malformed' }],
    } as unknown as Report;
    const lines = findingsTable(report, []).split('\n');
    expect(lines[0]).toBe('MFA01: ready-with-warnings (gate pass, fail-on critical)');
    expect(lines[1]).toBe(
      'WARNING: Incomplete scan: 1 check could not be determined; 1 piece of evidence could not be read. The verdict covers only what was read: resolve these before trusting it.',
    );
  });

  it('--fail-on-unknown turns an incomplete scan into a failed gate, in scan (exit, JUnit) and in gate', () => {
    const out = tmp('fail-on-unknown');
    const plain = cli(['scan', stageHost('broken-inputs'), '--format', 'json', '--output', path.join(out, 'b.json'), '--now', NOW]);
    expect(plain.code, plain.stderr).toBe(0); // ready with warnings: nothing critical
    const strict = cli([
      'scan',
      stageHost('broken-inputs'),
      '--format',
      'junit',
      '--output',
      path.join(out, 's.json'),
      '--now',
      NOW,
      '--fail-on-unknown',
    ]);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stderr).toContain('(gate fail, fail-on critical)');
    const junit = readFileSync(path.join(out, 's.junit.xml'), 'utf8');
    expect(junit).toMatch(
      /<testcase classname="MFA04\.gate" name="gate">\s*<failure type="gate" message="Incomplete scan: 2 checks could not be determined/,
    );
    const gate = cli(['gate', path.join(out, 'b.json'), '--fail-on-unknown']);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('gate: fail: 2 checks could not be determined (--fail-on-unknown)');
    expect(cli(['gate', path.join(out, 'b.json')]).code).toBe(0);
  });
});
