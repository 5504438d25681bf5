import { describe, expect, it } from 'vitest';
import type { Finding, Severity, UpgradePath } from '../../src/types.js';
import { atOrAbove, compareFindings, computeVerdict, severityRank } from '../../src/report/verdict.js';

let n = 0;
function f(severity: Severity, opts: { waived?: boolean; outcome?: 'fail' | 'unknown'; ruleId?: string } = {}): Finding {
  return {
    id: `id${++n}`,
    ruleId: opts.ruleId ?? 'MFA-TST-001',
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

describe('computeVerdict status (docs/report-format.md precedence)', () => {
  const cases: [string, Finding[], UpgradePath, boolean, string][] = [
    ['nothing-to-upgrade wins over a critical', [f('critical'), f('info', { ruleId: 'MFA-INV-003' })], 'none', true, 'nothing-to-upgrade'],
    ['any unwaived critical is not-ready', [f('critical'), f('low')], 'in-place', false, 'not-ready'],
    ['an unknown critical is not-ready', [f('critical', { outcome: 'unknown' })], 'in-place', false, 'not-ready'],
    ['a waived critical does not count', [f('critical', { waived: true }), f('medium')], 'in-place', false, 'ready-with-warnings'],
    ['a low finding is a warning', [f('low')], 'phonefactor-agent', false, 'ready-with-warnings'],
    // rules.md: a host at the target gets the lifecycle finding (high) and is still up-to-date.
    ['a host at the target with a high finding is up-to-date', [f('high')], 'none', false, 'up-to-date'],
    ['a critical still makes a host at the target not-ready', [f('critical')], 'none', false, 'not-ready'],
    ['only info on path none is up-to-date', [f('info')], 'none', false, 'up-to-date'],
    ['only info with an upgrade pending is ready', [f('info'), f('high', { waived: true })], 'in-place', false, 'ready'],
    ['no findings at all is ready', [], 'phonefactor-agent', false, 'ready'],
  ];
  it.each(cases)('%s', (_name, findings, path, nothing, status) => {
    expect(computeVerdict(findings, path, nothing, 'critical').status).toBe(status);
  });
});

describe('computeVerdict gate and counts', () => {
  const findings = [
    f('critical', { waived: true }),
    f('high'),
    f('high', { outcome: 'unknown' }),
    f('medium'),
    f('info'),
    f('info'),
    f('low', { waived: true }),
  ];
  it('counts unwaived findings by severity, info included, and the waived ones apart', () => {
    const v = computeVerdict(findings, 'in-place', false, 'critical');
    expect(v.counts).toEqual({ critical: 0, high: 2, medium: 1, low: 0, info: 2 });
    expect(v.waived).toBe(2);
  });
  it.each([
    ['critical', 'pass'],
    ['high', 'fail'],
    ['medium', 'fail'],
    ['info', 'fail'],
    ['none', 'pass'],
  ] as const)('--fail-on %s -> %s', (failOn, gate) => {
    const v = computeVerdict(findings, 'in-place', false, failOn);
    expect(v.gate).toBe(gate);
    expect(v.failOn).toBe(failOn);
  });
  it('an unknown outcome fails the gate like a failure of its severity', () => {
    expect(computeVerdict([f('high', { outcome: 'unknown' })], 'in-place', false, 'high').gate).toBe('fail');
  });
  it('--fail-on none never fails, even on criticals', () => {
    expect(computeVerdict([f('critical')], 'in-place', false, 'none').gate).toBe('pass');
  });
});

describe('severity helpers', () => {
  it('ranks critical highest and compares at-or-above', () => {
    expect(severityRank('critical')).toBeGreaterThan(severityRank('high'));
    expect(severityRank('low')).toBeGreaterThan(severityRank('info'));
    expect(atOrAbove('high', 'medium')).toBe(true);
    expect(atOrAbove('medium', 'medium')).toBe(true);
    expect(atOrAbove('low', 'medium')).toBe(false);
    expect(atOrAbove('critical', 'none')).toBe(false);
  });
  it('sorts findings by severity, then rule, then id', () => {
    const a = { ...f('low', { ruleId: 'MFA-A-001' }), id: 'b' };
    const b = { ...f('low', { ruleId: 'MFA-A-001' }), id: 'a' };
    const c = { ...f('critical', { ruleId: 'MFA-Z-001' }), id: 'z' };
    const d = { ...f('low', { ruleId: 'MFA-0-001' }), id: 'z' };
    expect([a, b, c, d].sort(compareFindings).map((x) => x.id)).toEqual(['z', 'z', 'a', 'b']);
    expect([a, b, c, d].sort(compareFindings)[1].ruleId).toBe('MFA-0-001');
  });
});
