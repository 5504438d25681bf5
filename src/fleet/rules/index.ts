import { sortFindings } from '../../rules/engine.js';
import { findingId } from '../../rules/id.js';
import { formatMessage } from '../../rules/messages.js';
import type { FleetContext, FleetFinding, FleetRule } from '../types.js';
import CMP002 from './MFA-CMP-002.js';
import F001 from './MFA-FLEET-001.js';
import F002 from './MFA-FLEET-002.js';
import F003 from './MFA-FLEET-003.js';
import F004 from './MFA-FLEET-004.js';
import F005 from './MFA-FLEET-005.js';
import F006 from './MFA-FLEET-006.js';
import F007 from './MFA-FLEET-007.js';
import F008 from './MFA-FLEET-008.js';
import F009 from './MFA-FLEET-009.js';

/** The cross-host checks, in id order. */
export const FLEET_RULES: readonly FleetRule[] = [CMP002, F001, F002, F003, F004, F005, F006, F007, F008, F009];

/** Runs every fleet rule; findings have the host shape (id via findingId over rule, host, component, key). */
export function runFleetRules(ctx: FleetContext, rules: readonly FleetRule[] = FLEET_RULES): FleetFinding[] {
  const out: FleetFinding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    for (const hit of rule.check(ctx)) {
      const component = hit.component ?? rule.meta.component;
      let id = findingId(rule.meta.id, hit.host, component, hit.key);
      for (let n = 2; seen.has(id); n++) id = findingId(rule.meta.id, hit.host, component, `${hit.key}#${n}`);
      seen.add(id);
      out.push({
        id, ruleId: rule.meta.id, outcome: hit.outcome ?? 'fail', severity: hit.severity ?? rule.meta.severity, title: rule.meta.title,
        message: formatMessage(rule.meta, hit), component, evidence: hit.evidence, seed: rule.meta.seed, planSteps: [], waiver: null, host: hit.host,
      });
    }
  }
  return sortFindings(out) as FleetFinding[];
}
