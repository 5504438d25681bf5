/**
 * A rule tester in the style of ESLint's RuleTester. For one rule, `valid` cases (facts and options under which
 * it must stay silent: facts fine, wrong stage, nothing pending, wrong host) and `invalid` cases (what it must
 * report: message id and placeholder data, severity, outcome, component). Each case runs the rule alone through
 * the engine (`runRules(facts, opts, [rule])`), so stage and pending-upgrade gating are tested too; the rule's
 * own hits give the message ids, so tests assert ids and data, not prose.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/rules/messages.js';
import { ruleContext, ruleRuns, runRules } from '../../src/rules/engine.js';
import { RULES } from '../../src/rules/index.js';
import type { MessageData, Rule } from '../../src/rules/types.js';
import type { Facts, Finding, ScanOptions, Severity } from '../../src/types.js';
import { opts } from './facts.js';

export interface Case {
  name: string;
  facts: Facts;
  opts?: Partial<ScanOptions>;
}
export interface Expected {
  messageId: string;
  /** Placeholder values the message must get (a subset: the keys given must match). */
  data?: MessageData;
  severity: Severity;
  outcome?: 'fail' | 'unknown';
  component?: Finding['component'];
}
export interface Invalid extends Case {
  findings: Expected[];
}

export function ruleById(id: string): Rule {
  const r = RULES.find((x) => x.meta.id === id);
  if (!r) throw new Error(`${id} is not in RULES`);
  return r;
}

interface Reported {
  messageId: string | undefined;
  data: MessageData;
  severity: Severity;
  outcome: 'fail' | 'unknown';
  component: Finding['component'];
  message: string;
}

function matches(got: Reported, e: Expected): boolean {
  if (got.messageId !== e.messageId || got.severity !== e.severity || got.outcome !== (e.outcome ?? 'fail')) return false;
  if (e.component !== undefined && got.component !== e.component) return false;
  return Object.entries(e.data ?? {}).every(([k, v]) => got.data[k] === v);
}

/** Runs the `valid` and `invalid` cases of one rule. */
export function ruleTester(id: string, cases: { valid: Case[]; invalid: Invalid[] }): void {
  const rule = ruleById(id);
  describe(id, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_n, c) => {
      const run = runRules(c.facts, opts(c.opts), [rule]);
      expect(run.findings.map((f) => `${f.outcome} ${f.severity}: ${f.message}`)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_n, c) => {
      const o = opts(c.opts);
      const run = runRules(c.facts, o, [rule]);
      const ctx = ruleContext(c.facts, o);
      const hits = ruleRuns(rule.meta, o, ctx.upgradePath) ? rule.check(ctx) : [];
      const reported: Reported[] = hits.map((h) => ({
        messageId: h.messageId,
        data: h.data ?? {},
        severity: h.severity ?? rule.meta.severity,
        outcome: h.outcome ?? 'fail',
        component: h.component ?? rule.meta.component,
        message: formatMessage(rule.meta, h),
      }));
      // The engine reports exactly the rule's hits, each with its formatted message.
      expect(run.findings.map((f) => f.message).sort()).toEqual(reported.map((r) => r.message).sort());
      expect(reported.map((r) => `${r.outcome} ${r.severity} ${r.component} ${r.messageId} ${JSON.stringify(r.data)}`)).toHaveLength(
        c.findings.length,
      );
      // Each expected finding matches a distinct reported one.
      const left = [...reported];
      for (const e of c.findings) {
        const i = left.findIndex((r) => matches(r, e));
        expect(
          i,
          `no finding matches ${JSON.stringify(e)} in ${JSON.stringify(left.map(({ message: _m, ...r }) => r))}`,
        ).toBeGreaterThanOrEqual(0);
        left.splice(i, 1);
      }
      // What the engine adds from the catalog.
      for (const f of run.findings) {
        expect(f.ruleId).toBe(id);
        expect(f.title).toBe(rule.meta.title);
        expect(f.seed).toEqual(rule.meta.seed);
        expect(f.id).toMatch(new RegExp(`^${id}-[0-9a-f]{8}$`));
        expect(f.waiver).toBeNull();
        expect(f.message).not.toMatch(/\{\{|\}\}/);
      }
      expect(new Set(run.findings.map((f) => f.id)).size).toBe(run.findings.length);
    });
  });
}
