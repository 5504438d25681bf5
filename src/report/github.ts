/**
 * `--format github`: GitHub Actions workflow commands, one annotation per open finding, and a compact
 * Markdown step summary (a few lines per host) for $GITHUB_STEP_SUMMARY.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { SEVERITIES, type Finding, type Report } from '../types.js';
import { atOrAbove, compareFindings } from './verdict.js';
import { mdEscape, visible } from './text.js';
import { STATUS_LABELS, incompleteness, outcomeLabel } from './view.js';
import type { FleetFinding, FleetReport } from '../fleet/types.js';

/** A workflow command's message: `%`, CR and LF encoded, so a value cannot end the line and start a command. */
export function ghData(s: string): string {
  return visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A workflow command's property value: as the message, plus `:` and `,`. */
export function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The open (unwaived) findings, worst first. */
const open = (findings: readonly Finding[]) => [...findings].filter((f) => !f.waiver).sort(compareFindings);

/** error where the finding fails the gate, warning for the rest above info, notice for info. */
function level(f: Finding, failOn: Report['verdict']['failOn']): 'error' | 'warning' | 'notice' {
  if (atOrAbove(f.severity, failOn)) return 'error';
  return f.severity === 'info' ? 'notice' : 'warning';
}

/**
 * One workflow command per open finding: `::error file=REPORT,title=RULE title (host)::message`. `file` is
 * the report the annotation points at (a path in the workspace), left out where none was written.
 */
export function githubAnnotations(report: Report, opts: { file?: string } = {}): string {
  const host = report.host.name ?? 'unknown host';
  const lines = open(report.findings).map((f) => {
    const props = [...(opts.file ? [`file=${ghProperty(opts.file)}`] : []), `title=${ghProperty(`${f.ruleId} ${f.title} (${host})`)}`].join(
      ',',
    );
    const first = f.evidence[0];
    const text = `[${f.severity}, ${outcomeLabel(f)}] ${f.message}${first ? `\n${first.location}: ${first.observed}` : ''}`;
    return `::${level(f, report.verdict.failOn)} ${props}::${ghData(text)}`;
  });
  const inc = incompleteness(report).text;
  if (inc) lines.push(`::warning title=${ghProperty(`Incomplete scan of ${host}`)}::${ghData(inc)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** How many failing findings a summary names before "and N more". */
const SUMMARY_FINDINGS = 5;

/**
 * The step summary of one host: a heading with the verdict and gate, the counts, what could not be
 * determined, and the first few failing findings. A few lines, whatever the number of findings.
 */
export function githubSummary(report: Report, opts: { reportFiles?: readonly string[] } = {}): string {
  const v = report.verdict;
  const host = mdEscape(report.host.name ?? 'unknown host');
  const counts = SEVERITIES.map((s) => `${v.counts[s] ?? 0} ${s}`).join(', ');
  const failing = open(report.findings).filter((f) => atOrAbove(f.severity, v.failOn));
  const lines = [
    `### ${v.gate === 'fail' ? '❌' : '✅'} ${host}: ${STATUS_LABELS[v.status] ?? mdEscape(v.status)}, gate ${v.gate === 'fail' ? 'FAIL' : 'PASS'} at fail-on ${v.failOn}`,
    '',
    `Open findings: ${counts}; ${v.waived} waived.`,
  ];
  const inc = incompleteness(report).text;
  if (inc) lines.push('', `**Warning: ${mdEscape(inc)}**`);
  if (failing.length) {
    lines.push('', 'Failing:');
    for (const f of failing.slice(0, SUMMARY_FINDINGS)) lines.push(`- ${mdEscape(f.ruleId)} (${f.severity}) ${mdEscape(f.title)}`);
    if (failing.length > SUMMARY_FINDINGS) lines.push(`- and ${failing.length - SUMMARY_FINDINGS} more`);
  }
  if (opts.reportFiles?.length) lines.push('', `Reports: ${opts.reportFiles.map((f) => mdEscape(f)).join(', ')}`);
  return lines.join('\n') + '\n\n';
}

/** A fleet: one annotation per open fleet finding, per host whose gate failed and per host that could not be used. */
export function githubFleetAnnotations(fleet: FleetReport, opts: { file?: string } = {}): string {
  const file = opts.file ? [`file=${ghProperty(opts.file)}`] : [];
  const lines: string[] = [];
  for (const h of fleet.hosts) {
    if (h.status === 'failed' || !h.verdict) {
      lines.push(
        `::error ${[...file, `title=${ghProperty(`${h.name} could not be scanned`)}`].join(',')}::${ghData(`${h.target}: ${h.reason ?? 'unknown reason'}`)}`,
      );
    } else if (h.verdict.gate === 'fail') {
      const counts = SEVERITIES.map((s) => `${h.verdict!.counts[s] ?? 0} ${s}`).join(', ');
      lines.push(
        `::error ${[...file, `title=${ghProperty(`${h.name}: ${STATUS_LABELS[h.verdict.status] ?? h.verdict.status}, gate FAIL`)}`].join(',')}::${ghData(`${counts}; ${h.verdict.waived} waived (fail-on ${h.verdict.failOn})`)}`,
      );
    }
  }
  for (const f of open(fleet.findings) as FleetFinding[]) {
    lines.push(
      `::${level(f, fleet.verdict.failOn)} ${[...file, `title=${ghProperty(`${f.ruleId} ${f.title} (${f.host})`)}`].join(',')}::${ghData(`[${f.severity}, ${outcomeLabel(f)}] ${f.message}`)}`,
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** A fleet's step summary: the fleet's verdict, a table with one row per host, the first few failing fleet findings. */
export function githubFleetSummary(fleet: FleetReport, opts: { reportFiles?: readonly string[] } = {}): string {
  const v = fleet.verdict;
  const lines = [
    `### ${v.gate === 'fail' ? '❌' : '✅'} Fleet of ${fleet.hosts.length} server(s): ${STATUS_LABELS[v.status] ?? mdEscape(v.status)}, gate ${v.gate === 'fail' ? 'FAIL' : 'PASS'} at fail-on ${v.failOn}`,
    '',
    '| Host | Verdict | Gate | ' + SEVERITIES.map((s) => s[0].toUpperCase() + s.slice(1)).join(' | ') + ' |',
    '|---|---|---|' + SEVERITIES.map(() => '---:|').join(''),
  ];
  for (const h of fleet.hosts) {
    if (!h.verdict || h.status === 'failed')
      lines.push(
        `| ${mdEscape(h.name)} | could not be scanned: ${mdEscape(h.reason ?? 'unknown reason')} | FAIL |${SEVERITIES.map(() => ' – |').join('')}`,
      );
    else
      lines.push(
        `| ${mdEscape(h.name)} | ${STATUS_LABELS[h.verdict.status] ?? mdEscape(h.verdict.status)} | ${h.verdict.gate === 'fail' ? 'FAIL' : 'PASS'} |${SEVERITIES.map((s) => ` ${h.verdict!.counts[s] ?? 0} |`).join('')}`,
      );
  }
  const failing = (open(fleet.findings) as FleetFinding[]).filter((f) => atOrAbove(f.severity, v.failOn));
  if (failing.length) {
    lines.push('', 'Failing fleet checks:');
    for (const f of failing.slice(0, SUMMARY_FINDINGS))
      lines.push(`- ${mdEscape(f.ruleId)} (${f.severity}) ${mdEscape(f.title)}: ${mdEscape(f.host)}`);
    if (failing.length > SUMMARY_FINDINGS) lines.push(`- and ${failing.length - SUMMARY_FINDINGS} more`);
  }
  if (opts.reportFiles?.length) lines.push('', `Reports: ${opts.reportFiles.map((f) => mdEscape(f)).join(', ')}`);
  return lines.join('\n') + '\n\n';
}
