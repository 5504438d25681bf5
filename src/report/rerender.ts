/**
 * Re-rendering a saved report after gate re-judged it (as `trivy convert` does): the files and CI output
 * then say what the gate says. Also the rules a saved report's scan ran, for JUnit's one testcase per rule.
 */
import type { Report, ScanOptions } from '../types.js';
import type { FleetReport } from '../fleet/types.js';
import { RULES } from '../rules/index.js';
import { ruleRuns } from '../rules/engine.js';
import type { RuleRan } from './junit.js';

/** The catalog rules a scan of this report's stage and upgrade path ran (plus MFA-WVR-001 where waivers were given). */
export function rulesRanFor(report: Report): RuleRan[] {
  const opts = { stage: report.scan.stage } as ScanOptions;
  return RULES.filter((r) => ruleRuns(r.meta, opts, report.inventory.upgradePath) || (r.meta.id === 'MFA-WVR-001' && report.waivers.length > 0)).map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    component: r.meta.component,
  }));
}

export const isFleetReport = (r: Report | FleetReport): r is FleetReport => Array.isArray((r as FleetReport).hosts) && Array.isArray((r as FleetReport).waves);
