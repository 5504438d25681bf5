/** MFA-WVR-001: valid and invalid cases (see tester.ts). */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { expiredWaiverFindings } from '../../src/report/waivers.js';
import { ruleById } from './tester.js';
import { makeFacts, opts } from './facts.js';
import { adfsHost, mfaHost } from './hosts.js';

describe('MFA-WVR-001', () => {
  const rule = ruleById('MFA-WVR-001');
  it('valid: never fires from host facts (the waiver step raises it)', () => {
    for (const f of [makeFacts(), mfaHost(), adfsHost()]) expect(runRules(f, opts(), [rule]).findings).toEqual([]);
  });
  it('invalid: an expired waiver raises it with the catalog severity and title', () => {
    const found = expiredWaiverFindings([{ rule: 'MFA-LIFE-001', reason: 'CHG0012345', expires: '2025-01-31', status: 'expired' }, { rule: 'MFA-VDIR-001', reason: 'ok', status: 'applied' }], 'MFA01', 'waivers.yaml');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: rule.meta.id, severity: rule.meta.severity, title: rule.meta.title, outcome: 'fail', component: rule.meta.component });
  });
});

