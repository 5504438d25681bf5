/**
 * Re-rendering a saved report after gate re-judged it (as `trivy convert` does): the files and CI output
 * then say what the gate says. Also the rules a saved report's scan ran, for JUnit's one testcase per rule.
 */
import type { Report, ScanOptions } from '../types.js';
import type { FleetReport } from '../fleet/types.js';
import { RULES } from '../rules/index.js';
import { ruleRuns } from '../rules/engine.js';
import type { RuleRan } from './junit.js';
import { resolve } from 'node:path';
import { SEVERITIES } from '../types.js';
import { atOrAbove, failingFindingIds, type FailOn } from './verdict.js';
import { EXTENSIONS, reportBasePath, writeReports, type ReportFormat } from './write.js';
import { loadReport, readTextFile, ReportFileError, REPORT_MAX_BYTES } from './load.js';

/** The catalog rules a scan of this report's stage and upgrade path ran (plus MFA-WVR-001 where waivers were given). */
export function rulesRanFor(report: Report): RuleRan[] {
  const opts = { stage: report.scan.stage } as ScanOptions;
  return RULES.filter(
    (r) => ruleRuns(r.meta, opts, report.inventory.upgradePath) || (r.meta.id === 'MFA-WVR-001' && report.waivers.length > 0),
  ).map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    component: r.meta.component,
  }));
}

export const isFleetReport = (r: Report | FleetReport): r is FleetReport =>
  Array.isArray((r as FleetReport).hosts) && Array.isArray((r as FleetReport).waves);

/** `--max-age`: `7d`, `36h`, `2w`, `90m` -> milliseconds; throws one line naming what is wrong. */
export function parseMaxAge(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|w)\s*$/i.exec(s);
  if (!m || Number(m[1]) <= 0) throw new Error(`--max-age ${s}: expected a positive duration such as 7d, 36h, 2w or 90m`);
  const unit = { m: 60e3, min: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 }[m[2].toLowerCase() as 'm' | 'min' | 'h' | 'd' | 'w'];
  return Number(m[1]) * unit;
}

/** An age as people say it: `9 days 4 hours`, `5 hours`, `12 minutes`. */
export function humanAge(ms: number): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const min = Math.floor(ms / 60e3);
  const days = Math.floor(min / 1440);
  const hours = Math.floor((min % 1440) / 60);
  if (days > 0) return hours ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return plural(hours, 'hour');
  return plural(min, 'minute');
}

/**
 * Whether a report is older than `--max-age`: null where it is young enough, else the line gate prints.
 * `now`: the clock (ISO; gate's --now, else the real time). A scan from the future is not "old".
 */
export function staleReport(startedAt: string, maxAge: string, now: string): string | null {
  const max = parseMaxAge(maxAge);
  const age = Date.parse(now) - Date.parse(startedAt);
  if (!Number.isFinite(age) || age <= max) return null;
  return `the report is ${humanAge(age)} old (scanned ${startedAt}), older than --max-age ${maxAge.trim()}: scan again`;
}

/** The failing findings as gate prints them: one line each, `  critical MFA-BKP-001 The data file has no backup (finding id)`. */
export function failingLines(
  report: Pick<Report, 'findings'> & { verdict: { failOn: Report['verdict']['failOn'] } },
  ids: readonly string[],
): string[] {
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  return ids.map((id) => {
    const f = byId.get(id);
    const host = f && 'host' in f ? ` on ${(f as { host: string }).host}` : '';
    return f
      ? `  ${f.severity.padEnd(8)} ${f.ruleId} ${f.title}${host} (${f.outcome === 'unknown' ? 'could not be determined; ' : ''}finding ${f.id})`
      : `  ${id}`;
  });
}

/**
 * Writes the formats asked of `gate` from the re-judged report (`--format junit,md,github --output base`), so
 * every file says what the gate says. The saved report itself is never overwritten.
 */
export async function writeGatedReports(
  report: Report,
  opts: { formats: readonly ReportFormat[]; output?: string; out?: string; cwd: string; input: string },
): Promise<string[]> {
  const base = reportBasePath(report, opts);
  const input = resolve(opts.cwd, opts.input);
  for (const f of opts.formats) {
    if (EXTENSIONS[f] && resolve(base + EXTENSIONS[f]) === input)
      throw new Error(`${opts.input}: gate does not overwrite the report it reads; give --output another name`);
  }
  return writeReports(report, { formats: opts.formats, output: opts.output, out: opts.out, cwd: opts.cwd, rulesRan: rulesRanFor(report) });
}

/**
 * A saved fleet report judged again at `failOn`: fails where a host could not be used, where a host's open
 * findings reach the threshold (its counts are of unwaived findings), or where an unwaived fleet finding does.
 * Returns the gate and the lines naming why.
 */
export function gateFleetReport(fleet: FleetReport, failOn: FailOn): { gate: 'pass' | 'fail'; reasons: string[]; failing: string[] } {
  const reasons: string[] = [];
  for (const h of fleet.hosts) {
    if (h.status === 'failed' || !h.verdict) {
      reasons.push(`  ${h.name}: could not be scanned (${h.reason ?? 'unknown reason'})`);
      continue;
    }
    const over = SEVERITIES.filter((s) => atOrAbove(s, failOn) && (h.verdict!.counts[s] ?? 0) > 0);
    if (over.length) reasons.push(`  ${h.name}: ${over.map((s) => `${h.verdict!.counts[s]} ${s}`).join(', ')} open`);
  }
  const failing = failingFindingIds(fleet.findings, failOn);
  reasons.push(...failingLines({ findings: fleet.findings, verdict: { failOn } }, failing));
  return { gate: reasons.length && failOn !== 'none' ? 'fail' : 'pass', reasons: failOn === 'none' ? [] : reasons, failing };
}

/** Reads a saved report, host or fleet; a fleet report is checked against schemas/fleet.schema.json. */
export async function loadAnyReport(file: string): Promise<Report | FleetReport> {
  try {
    return await loadReport(file);
  } catch (e) {
    if (!(e instanceof ReportFileError) || !/this is a fleet report/.test(e.message)) throw e;
  }
  const text = await readTextFile(file, REPORT_MAX_BYTES, 'report', (d) => new ReportFileError(file, d));
  const obj = JSON.parse(text) as unknown;
  const { validateFleetReport } = await import('../fleet/render.js');
  const v = validateFleetReport(obj);
  if (!v.ok) throw new ReportFileError(file, `${v.errors[0]}${v.errors.length > 1 ? ` (and ${v.errors.length - 1} more)` : ''}`);
  return obj as FleetReport;
}

/**
 * `--fail-on-unknown`: an incomplete scan fails the gate whatever the threshold: an unwaived finding that could
 * not be determined, at any severity, turns the gate to fail (the verdict's status is unchanged). Returns the
 * line to print where it did, else null.
 */
export function applyFailOnUnknown(report: Pick<Report, 'findings' | 'verdict'>): string | null {
  const unknown = report.findings.filter((f) => !f.waiver && f.outcome === 'unknown').length;
  if (unknown === 0) return null;
  report.verdict.gate = 'fail';
  return `${unknown} ${unknown === 1 ? 'check' : 'checks'} could not be determined (--fail-on-unknown)`;
}
