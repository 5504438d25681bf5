import type { FailOn, Finding, Severity, Stage, UpgradePath, Verdict, VerdictStatus } from '../types.js';
import { severityRank } from '../util/findings.js';

export { severityRank, compareFindings, sortFindings } from '../util/findings.js';

export type { FailOn } from './report.generated.js';
/** `--fail-on` values: the severities, most severe first, then none (the schema's FailOn). */
export { FAIL_ON_VALUES } from './report.generated.js';

/** Whether a finding of `sev` trips `--fail-on failOn`; `none` never does. */
export function atOrAbove(sev: Severity, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return severityRank(sev) >= severityRank(failOn);
}

/** The rule whose firing means "nothing to upgrade" (docs/report-format.md, status precedence). */
export const NOTHING_TO_UPGRADE_RULE = 'MFA-INV-003';

/**
 * The verdict per docs/report-format.md. `status` ignores `--fail-on`; `gate` is where it applies.
 * A finding with outcome `unknown` counts exactly like a failure of its severity.
 * `nothingToUpgrade`: MFA-INV-003 fired (the lead passes
 * `findings.some(f => f.ruleId === NOTHING_TO_UPGRADE_RULE)`).
 * `up-to-date` is given for upgrade path `none` when nothing unwaived above info is open.
 */
export function computeVerdict(
  findings: readonly Finding[],
  upgradePath: UpgradePath,
  nothingToUpgrade: boolean,
  failOn: FailOn,
  /** Whether any component was found: `up-to-date` means every found component is at the target. */
  componentsFound = true,
  /** The scan's stage: at `post` the status is `incomplete`, `verified-with-warnings` or `verified` (postStatus). */
  stage?: Stage,
): Verdict {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let waived = 0;
  let failing = false;
  for (const f of findings) {
    if (f.waiver) {
      waived++;
      continue;
    }
    counts[f.severity]++;
    if (atOrAbove(f.severity, failOn)) failing = true;
  }
  let status: VerdictStatus;
  if (stage === 'post') status = postStatus(counts);
  else if (nothingToUpgrade) status = 'nothing-to-upgrade';
  else if (counts.critical > 0) status = 'not-ready';
  // rules.md: "A host already at the target gets the inventory and lifecycle findings, and its verdict is
  // up-to-date". the first specified order would put MFA-LIFE-001 (high, on every host with MFA) first and make
  // up-to-date unreachable; the rules.md reading wins (README, "Choices").
  else if (upgradePath === 'none' && componentsFound) status = 'up-to-date';
  else if (counts.high + counts.medium + counts.low > 0) status = 'ready-with-warnings';
  else status = 'ready';
  return { status, failOn, counts, waived, gate: failing ? 'fail' : 'pass' };
}

/**
 * The status after the window (stage `post`, docs/report-format.md): `incomplete` where an unwaived finding of
 * severity critical, high or medium is open (a part left behind, a setting or theme lost, a URL left stale, or a
 * check that could not be made: `unknown` counts as a failure); `verified-with-warnings` where only low findings
 * are (leftovers such as the Mobile App Web Service to uninstall); `verified` otherwise.
 */
export function postStatus(counts: Readonly<Record<Severity, number>>): VerdictStatus {
  if (counts.critical + counts.high + counts.medium > 0) return 'incomplete';
  if (counts.low > 0) return 'verified-with-warnings';
  return 'verified';
}

/** Ids of the unwaived findings that make the gate fail, in report order. */
export function failingFindingIds(findings: readonly Finding[], failOn: FailOn): string[] {
  return findings.filter((f) => !f.waiver && atOrAbove(f.severity, failOn)).map((f) => f.id);
}
