import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/types.js';
import { computeVerdict } from '../../src/report/verdict.js';
import { rejudge } from '../../src/report/rejudge.js';
import { sampleReport } from '../report/sample.js';

let n = 0;
function f(severity: Severity, opts: { waived?: boolean; outcome?: 'fail' | 'unknown'; ruleId?: string } = {}): Finding {
  return {
    id: `id${++n}`,
    ruleId: opts.ruleId ?? 'MFA-POST-001',
    outcome: opts.outcome ?? 'fail',
    severity,
    title: 't',
    message: 'm',
    component: 'server',
    evidence: [],
    seed: { file: 'x.md', section: 's' },
    planSteps: [],
    waiver: opts.waived ? { reason: 'accepted', expires: null } : null,
  };
}

describe('the verdict at stage post (docs/report-format.md)', () => {
  const cases: [string, Finding[], string][] = [
    ['no findings: verified', [], 'verified'],
    ['only info: verified', [f('info')], 'verified'],
    ['a low leftover: verified-with-warnings', [f('low'), f('info')], 'verified-with-warnings'],
    ['a medium finding: incomplete', [f('medium'), f('low')], 'incomplete'],
    ['a high finding: incomplete', [f('high')], 'incomplete'],
    ['a check that could not be made counts as a failure: incomplete', [f('high', { outcome: 'unknown' })], 'incomplete'],
    ['a waived high does not count', [f('high', { waived: true }), f('low')], 'verified-with-warnings'],
    // At post, path none (every part at the target) is the expected outcome, not "up-to-date".
    ['nothing-to-upgrade and up-to-date are pre statuses', [f('info', { ruleId: 'MFA-INV-003' })], 'verified'],
  ];
  it.each(cases)('%s', (_name, findings, status) => {
    expect(
      computeVerdict(
        findings,
        'none',
        findings.some((x) => x.ruleId === 'MFA-INV-003'),
        'high',
        true,
        'post',
      ).status,
    ).toBe(status);
  });

  it('the gate at post follows --fail-on exactly as at pre', () => {
    expect(computeVerdict([f('low')], 'none', false, 'low', true, 'post').gate).toBe('fail');
    expect(computeVerdict([f('low')], 'none', false, 'medium', true, 'post').gate).toBe('pass');
  });

  it('gate re-judges a saved post report into the post statuses', () => {
    const r = sampleReport('high');
    r.scan.stage = 'post';
    expect(['verified', 'verified-with-warnings', 'incomplete']).toContain(rejudge(r, { failOn: 'high', knownRuleIds: [] }).verdict.status);
    r.findings = r.findings.filter((x) => x.severity === 'low' || x.severity === 'info');
    expect(rejudge(r, { failOn: 'high', knownRuleIds: [] }).verdict.status).toBe(
      r.findings.some((x) => x.severity === 'low') ? 'verified-with-warnings' : 'verified',
    );
    r.findings = [];
    expect(rejudge(r, { failOn: 'high', knownRuleIds: [] }).verdict.status).toBe('verified');
  });
});
