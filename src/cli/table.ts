import type { Report, Severity } from '../types.js';
import { SEVERITIES } from '../types.js';
import { incompleteness, visible } from '../report/text.js';

const COLOR: Record<Severity, string> = {
  critical: '\u001b[1;31m',
  high: '\u001b[31m',
  medium: '\u001b[33m',
  low: '\u001b[36m',
  info: '\u001b[2m',
};
const RESET = '\u001b[0m';

const oneLine = (s: string) => visible(s).replace(/\s*\n\s*/g, ' ');

/**
 * What a scan shows on a terminal (as Trivy and kube-bench do): the verdict, a table of the open
 * (unwaived) findings, worst first, with severity, rule, component and title, and where the reports
 * went. Only for an interactive stdout; never under --json or into a pipe.
 */
export function findingsTable(report: Report, written: string[], opts: { columns?: number; color?: boolean } = {}): string {
  const color = opts.color ?? false;
  const width = Math.max(80, opts.columns || 120);
  const open = report.findings
    .filter((f) => !f.waiver)
    .sort(
      (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
  const v = report.verdict;
  const lines: string[] = [];
  lines.push(`${oneLine(report.host.name ?? report.scan.target.location)}: ${v.status} (gate ${v.gate}, fail-on ${v.failOn})`);
  const incomplete = incompleteness(report).text;
  if (incomplete) lines.push(color ? `\x1b[1;31mWARNING: ${incomplete}\x1b[0m` : `WARNING: ${incomplete}`);
  lines.push('');
  if (open.length === 0) lines.push('No open findings.');
  else {
    const rows = open.map((f) => ({
      sev: f.severity,
      id: f.ruleId,
      comp: oneLine(f.component),
      title: oneLine(f.title) + (f.outcome === 'unknown' ? ' (could not be determined)' : ''),
    }));
    const w = {
      sev: Math.max(8, ...rows.map((r) => r.sev.length)),
      id: Math.max(4, ...rows.map((r) => r.id.length)),
      comp: Math.max(9, ...rows.map((r) => r.comp.length)),
    };
    const titleWidth = Math.max(20, width - w.sev - w.id - w.comp - 6);
    const cut = (s: string) => (s.length > titleWidth ? s.slice(0, titleWidth - 1) + '…' : s);
    lines.push(`${'SEVERITY'.padEnd(w.sev)}  ${'RULE'.padEnd(w.id)}  ${'COMPONENT'.padEnd(w.comp)}  TITLE`);
    for (const r of rows) {
      const sev = r.sev.padEnd(w.sev);
      lines.push(`${color ? COLOR[r.sev] + sev + RESET : sev}  ${r.id.padEnd(w.id)}  ${r.comp.padEnd(w.comp)}  ${cut(r.title)}`);
    }
  }
  lines.push('');
  const counts = SEVERITIES.filter((s) => v.counts[s] > 0).map((s) => `${v.counts[s]} ${s}`);
  lines.push(
    `${open.length} open finding(s)${counts.length ? ` (${counts.join(', ')})` : ''}${v.waived ? `, ${v.waived} waived` : ''}; ${report.plan.length} plan step(s)` +
      (report.problems.length ? `; ${report.problems.length} item(s) could not be read (see problems in the report)` : ''),
  );
  if (written.length) {
    lines.push('Reports:');
    for (const w of written) lines.push(`  ${oneLine(w)}`);
  }
  return lines.join('\n') + '\n';
}
