import type { WaiverState } from '../../types.js';
import { defineRule, type RuleContext, type RuleHit } from '../types.js';

/** The rule an expired waiver raises. */
export const EXPIRED_WAIVER_RULE = 'MFA-WVR-001';

/**
 * This rule's input: the waivers with their status after they were applied to the host's findings, the host,
 * and the waiver file as given (the evidence's location). Host facts cannot say whether a waiver expired, so
 * the rule is fed this after the waiver step (scan, gate, fleet) as `ctx.waivers`; without it, nothing fires.
 */
export interface WaiverRuleInput {
  /** A report's WaiverStatus list (absent matchers may also be left out). */
  waivers: readonly {
    rule: string;
    host?: string | null;
    finding?: string | null;
    reason: string;
    expires?: string | null;
    status: WaiverState;
  }[];
  host: string | null;
  file: string;
}

/** A rule context that carries the waiver step's result. */
export type WaiverRuleContext = RuleContext & { waivers?: WaiverRuleInput };

/** One hit per waiver whose status is `expired` and that concerns this host (no `host`, or this host), in file order. */
export function expiredWaiverHits(input: WaiverRuleInput): RuleHit[] {
  const host = input.host?.toLowerCase() ?? null;
  return input.waivers
    .filter((w) => w.status === 'expired' && (!w.host || (host !== null && w.host.toLowerCase() === host)))
    .map((w) => {
      const scope = [w.host ? `host ${w.host}` : null, w.finding ? `finding ${w.finding}` : null].filter(Boolean).join(', ');
      const observed = `rule: ${w.rule}${w.host ? `, host: ${w.host}` : ''}${w.finding ? `, finding: ${w.finding}` : ''}, expires: ${w.expires}`;
      return {
        messageId: 'expired',
        data: { rule: w.rule, scope: scope ? ` (${scope})` : '', expires: w.expires ?? '', reason: w.reason },
        evidence: [{ source: 'file' as const, location: input.file, observed }],
        key: observed,
      };
    });
}

export default defineRule({
  meta: {
    id: EXPIRED_WAIVER_RULE,
    title: 'A waiver has expired',
    severity: 'low',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Waivers (report.md)' },
    procedure: 'tool-waivers',
    messages: {
      expired:
        'The waiver for {{rule}}{{scope}} expired on {{expires}} and waives nothing: ' +
        'renew it with the change board or fix what it covered. Reason given: {{reason}}',
    },
    description:
      'An expired waiver counts for nothing; this finding makes it seen so it is renewed or removed. Fed the waiver ' +
      'statuses after the waiver step (ctx.waivers), not host facts: scan, gate and fleet raise it the same way.',
  },
  check(ctx: WaiverRuleContext) {
    return ctx.waivers ? expiredWaiverHits(ctx.waivers) : [];
  },
});
