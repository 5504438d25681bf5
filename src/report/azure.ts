/**
 * `--format azure`: Azure DevOps logging commands. One `task.logissue` per open finding above info (error where
 * it fails the gate, warning below), and `task.complete result=Failed` when the gate fails.
 * https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands
 */
import { SEVERITIES, type Finding, type Report } from '../types.js';
import type { FleetReport } from '../fleet/types.js';
import { atOrAbove, compareFindings } from './verdict.js';
import { visible } from './text.js';
import { incompleteness, outcomeLabel } from './view.js';

/**
 * A logging command's message: CR and LF encoded (one line), `%` as the agent's `%AZP25`, and any `##vso[`
 * or `##[` in a value broken up, since the agent reads a command wherever it starts on a line.
 */
export function azData(s: string): string {
  return visible(s)
    .replace(/%/g, '%AZP25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/##(?=vso\[|\[)/gi, '# #');
}
/** A property value: as the message, plus `;` and `]`, which end a property and the command. */
export function azProperty(s: string): string {
  return azData(s).replace(/;/g, '%3B').replace(/\]/g, '%5D');
}

/** The logging commands for one report. `file`: the report the issues point at (sourcepath), where written. */
export function renderAzure(report: Report, opts: { file?: string } = {}): string {
  const v = report.verdict;
  const host = report.host.name ?? 'unknown host';
  const lines: string[] = [];
  const open = report.findings.filter((f: Finding) => !f.waiver && f.severity !== 'info').sort(compareFindings);
  for (const f of open) {
    const type = atOrAbove(f.severity, v.failOn) ? 'error' : 'warning';
    const props = `type=${type};${opts.file ? `sourcepath=${azProperty(opts.file)};` : ''}code=${azProperty(f.ruleId)};`;
    lines.push(
      `##vso[task.logissue ${props}]${azData(`${host}: ${f.ruleId} ${f.title} [${f.severity}, ${outcomeLabel(f)}]: ${f.message}`)}`,
    );
  }
  const inc = incompleteness(report).text;
  if (inc) lines.push(`##vso[task.logissue type=warning;]${azData(`${host}: ${inc}`)}`);
  if (v.gate === 'fail') {
    const failing = report.findings.filter((f) => !f.waiver && atOrAbove(f.severity, v.failOn)).length;
    lines.push(
      `##vso[task.complete result=Failed;]${azData(`mfa-readiness: ${host} fails the gate at --fail-on ${v.failOn} (${failing} finding(s))`)}`,
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** A fleet: an issue per host that failed its gate or could not be used and per open fleet finding; Failed when the fleet's gate fails. */
export function renderAzureFleet(fleet: FleetReport, opts: { file?: string } = {}): string {
  const v = fleet.verdict;
  const src = opts.file ? `sourcepath=${azProperty(opts.file)};` : '';
  const lines: string[] = [];
  for (const h of fleet.hosts) {
    if (h.status === 'failed' || !h.verdict)
      lines.push(
        `##vso[task.logissue type=error;${src}]${azData(`${h.name}: could not be scanned: ${h.target}: ${h.reason ?? 'unknown reason'}`)}`,
      );
    else if (h.verdict.gate === 'fail') {
      const counts = SEVERITIES.map((s) => `${h.verdict!.counts[s] ?? 0} ${s}`).join(', ');
      lines.push(
        `##vso[task.logissue type=error;${src}]${azData(`${h.name}: gate FAIL at --fail-on ${h.verdict.failOn}: ${counts}; ${h.verdict.waived} waived`)}`,
      );
    }
  }
  for (const f of fleet.findings.filter((x) => !x.waiver && x.severity !== 'info').sort(compareFindings)) {
    const type = atOrAbove(f.severity, v.failOn) ? 'error' : 'warning';
    lines.push(
      `##vso[task.logissue type=${type};${src}code=${azProperty(f.ruleId)};]${azData(`${f.host}: ${f.ruleId} ${f.title} [${f.severity}, ${outcomeLabel(f)}]: ${f.message}`)}`,
    );
  }
  if (v.gate === 'fail')
    lines.push(
      `##vso[task.complete result=Failed;]${azData(`mfa-readiness: the fleet of ${fleet.hosts.length} server(s) fails the gate at --fail-on ${v.failOn}`)}`,
    );
  return lines.length ? lines.join('\n') + '\n' : '';
}
