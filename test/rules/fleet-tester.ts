/**
 * The RuleTester of the cross-host rules (src/fleet/rules): `valid` fleets the rule stays silent on, `invalid`
 * fleets with the findings it must report (host, message id and data, severity, outcome). Each case runs the
 * rule alone through the fleet engine (`runFleetRules(ctx, [rule])`).
 */
import { describe, expect, it } from 'vitest';
import { FLEET_RULES, runFleetRules } from '../../src/fleet/rules/index.js';
import type { FleetContext, FleetRule, HostSummary } from '../../src/fleet/types.js';
import { formatMessage } from '../../src/rules/messages.js';
import type { MessageData } from '../../src/rules/types.js';
import type { Severity } from '../../src/types.js';

export interface FleetCase {
  name: string;
  hosts: HostSummary[];
  targetVersion?: string;
  /** --goal of the fleet scan (absent: upgrade). */
  goal?: 'upgrade' | 'migrate';
}
export interface FleetExpected {
  host: string;
  messageId: string;
  data?: MessageData;
  severity: Severity;
  outcome?: 'fail' | 'unknown';
}
export interface FleetInvalid extends FleetCase {
  findings: FleetExpected[];
}

export function fleetRuleById(id: string): FleetRule {
  const r = FLEET_RULES.find((x) => x.meta.id === id);
  if (!r) throw new Error(`${id} is not in FLEET_RULES`);
  return r;
}

export function fleetRuleTester(id: string, cases: { valid: FleetCase[]; invalid: FleetInvalid[] }): void {
  const rule = fleetRuleById(id);
  const ctxOf = (c: FleetCase): FleetContext => ({ hosts: c.hosts, targetVersion: c.targetVersion ?? '8.1', stage: 'pre', goal: c.goal });
  describe(`${id} (fleet)`, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_n, c) => {
      expect(runFleetRules(ctxOf(c), [rule]).map((f) => `${f.host} ${f.outcome}: ${f.message}`)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_n, c) => {
      const found = runFleetRules(ctxOf(c), [rule]);
      const hits = rule.check(ctxOf(c)).map((h) => ({
        host: h.host,
        messageId: h.messageId,
        data: h.data ?? {},
        severity: h.severity ?? rule.meta.severity,
        outcome: h.outcome ?? 'fail',
        message: formatMessage(rule.meta, h),
      }));
      expect(found.map((f) => f.message).sort()).toEqual(hits.map((h) => h.message).sort());
      expect(hits.map(({ message: _m, ...h }) => h)).toHaveLength(c.findings.length);
      const left = [...hits];
      for (const e of c.findings) {
        const i = left.findIndex(
          (h) =>
            h.host === e.host &&
            h.messageId === e.messageId &&
            h.severity === e.severity &&
            h.outcome === (e.outcome ?? 'fail') &&
            Object.entries(e.data ?? {}).every(([k, v]) => h.data[k] === v),
        );
        expect(
          i,
          `no finding matches ${JSON.stringify(e)} in ${JSON.stringify(left.map(({ message: _m, ...h }) => h))}`,
        ).toBeGreaterThanOrEqual(0);
        left.splice(i, 1);
      }
      for (const f of found) {
        expect(f.ruleId).toBe(id);
        expect(f.title).toBe(rule.meta.title);
        expect(f.id).toMatch(new RegExp(`^${id}-[0-9a-f]{8}$`));
        expect(f.message).not.toMatch(/\{\{|\}\}/);
      }
    });
  });
}
