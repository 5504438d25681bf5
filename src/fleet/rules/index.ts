import { sortFindings, uniqueId } from '../../util/findings.js';
import { findingId } from '../../rules/id.js';
import { formatMessage } from '../../rules/messages.js';
import type { FleetContext, FleetFinding, FleetRule } from '../types.js';
import { FLEET_RULES } from './catalog.js';

export { FLEET_RULES };

/** Runs every fleet rule; findings have the host shape (id via findingId over rule, host, component, key). */
export function runFleetRules(ctx: FleetContext, rules: readonly FleetRule[] = FLEET_RULES): FleetFinding[] {
  const out: FleetFinding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!(rule.meta.goals ?? ['upgrade']).includes(ctx.goal ?? 'upgrade')) continue;
    for (const hit of rule.check(ctx)) {
      const component = hit.component ?? rule.meta.component;
      const id = uniqueId(seen, (k) => findingId(rule.meta.id, hit.host, component, k), hit.key);
      out.push({
        id,
        ruleId: rule.meta.id,
        outcome: hit.outcome ?? 'fail',
        severity: hit.severity ?? rule.meta.severity,
        title: rule.meta.title,
        message: formatMessage(rule.meta, hit),
        component,
        evidence: hit.evidence,
        seed: rule.meta.seed,
        planSteps: [],
        waiver: null,
        host: hit.host,
      });
    }
  }
  return sortFindings(out);
}
