import type { Finding, Report, Verdict, WaiverEntry, WaiverStatus } from '../types.js';
import { sortFindings } from '../util/findings.js';
import { computeVerdict, NOTHING_TO_UPGRADE_RULE, type FailOn } from './verdict.js';
import { applyWaivers, asEntry, EXPIRED_WAIVER_RULE, raiseExpiredWaivers } from './waivers.js';

export interface RejudgeOptions {
  failOn: FailOn;
  /** The complete set of waivers; absent: the report's own list, as written. */
  waivers?: readonly WaiverEntry[];
  /** The waiver file as given (MFA-WVR-001's evidence); absent: the one the report's MFA-WVR-001 names. */
  waiverFile?: string;
  /** The clock for waiver expiry (ISO time); absent: the report's `scan.startedAt`. */
  now?: string;
  /** Ids of the rule catalog (host and fleet rules): a waiver naming another is `unknown-rule`, as in scan. */
  knownRuleIds: Iterable<string>;
}

export interface Rejudged {
  findings: Finding[];
  waivers: WaiverStatus[];
  verdict: Verdict;
}

/**
 * The one verdict of a saved report, wherever it is judged (gate, fleet): from its findings, never from its stored
 * verdict. The report's waiver marks are cleared and the waivers (the given set, or the report's own) re-applied
 * against the clock; MFA-WVR-001 is raised again from their expiry; the verdict is computed as the scan computes
 * it. A report judged with the scan's waivers, clock and --fail-on gives the scan's verdict.
 */
export function rejudge(report: Report, opts: RejudgeOptions): Rejudged {
  const now = opts.now ?? report.scan.startedAt;
  const host = report.host.name;
  const waivers = opts.waivers ?? report.waivers.map(asEntry);
  const base = report.findings.filter((f) => f.ruleId !== EXPIRED_WAIVER_RULE);
  const applied = applyWaivers(base, waivers, { host, now, knownRuleIds: opts.knownRuleIds });
  const oldWvr = report.findings.filter((f) => f.ruleId === EXPIRED_WAIVER_RULE);
  const file = opts.waiverFile ?? oldWvr[0]?.evidence[0]?.location ?? 'waivers';
  const wvr = raiseExpiredWaivers(applied.findings, applied.waivers, host, file);
  const findings = sortFindings([...applied.findings, ...wvr]);
  const nothing = findings.some((f) => f.ruleId === NOTHING_TO_UPGRADE_RULE && !f.waiver);
  const verdict = computeVerdict(
    findings,
    report.inventory.upgradePath,
    nothing,
    opts.failOn,
    report.inventory.components.length > 0,
    report.scan.stage,
  );
  return { findings, waivers: applied.waivers, verdict };
}

/** A copy of the report judged again (see `rejudge`): findings, waivers and verdict replaced. */
export function rejudgeReport(report: Report, opts: RejudgeOptions): Report {
  const r = rejudge(report, opts);
  return { ...report, findings: r.findings, waivers: r.waivers, verdict: r.verdict };
}
