import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../cli/base.js';
import type { Finding, Report, Severity, VerdictStatus } from '../types.js';
import { loadReport } from '../report/load.js';
import { atOrAbove, FAIL_ON_VALUES, severityRank, type FailOn } from '../report/verdict.js';
import { visible } from '../report/text.js';

type Listed = Pick<Finding, 'id' | 'ruleId' | 'severity' | 'title'>;

export interface DiffResult {
  host: string | null;
  /** What differs between the two scans themselves (stage, target version, tool or ruleset version): read these first. */
  context: { field: 'stage' | 'targetVersion' | 'toolVersion' | 'rulesetVersion' | 'host'; old: string | null; new: string | null }[];
  /** Components whose version changed, appeared or went (null where absent). */
  components: { component: string; old: string | null; new: string | null }[];
  new: Listed[];
  /** Findings in both reports whose severity rose or whose waiver no longer applies. */
  escalated: (Listed & { was: Severity; wasWaived: boolean })[];
  resolved: Listed[];
  open: Listed[];
  verdict: { old: string; new: string; worse: boolean };
  failOn: FailOn;
  /** The changes at or above --fail-on (finding ids; `verdict` where the verdict got worse there): exit 1 where any. */
  failing: string[];
}

const pick = (f: Finding): Listed => ({ id: f.id, ruleId: f.ruleId, severity: f.severity, title: f.title });

/** Worst first: a move to a lower index is a verdict that got worse. */
const STATUS_ORDER: readonly VerdictStatus[] = ['not-ready', 'ready-with-warnings', 'ready', 'up-to-date', 'nothing-to-upgrade'];
const statusRank = (s: string) => {
  const i = STATUS_ORDER.indexOf(s as VerdictStatus);
  return i === -1 ? STATUS_ORDER.length : i;
};

/** Pure: what changed from report `a` to report `b`, judged at `failOn`. */
export function diffReports(a: Report, b: Report, failOn: FailOn): DiffResult {
  const context: DiffResult['context'] = [];
  const ctx = (field: DiffResult['context'][number]['field'], x: string | null, y: string | null) => {
    if ((x ?? '') !== (y ?? '')) context.push({ field, old: x, new: y });
  };
  if ((a.host.name ?? '').toLowerCase() !== (b.host.name ?? '').toLowerCase()) ctx('host', a.host.name, b.host.name);
  ctx('stage', a.scan.stage, b.scan.stage);
  ctx('targetVersion', a.scan.targetVersion, b.scan.targetVersion);
  ctx('toolVersion', a.tool.version, b.tool.version);
  ctx('rulesetVersion', a.tool.rulesetVersion, b.tool.rulesetVersion);

  const versions = (r: Report) => {
    const m = new Map<string, string | null>();
    for (const c of r.inventory.components) m.set(c.component, c.version);
    return m;
  };
  const [va, vb] = [versions(a), versions(b)];
  const components: DiffResult['components'] = [];
  for (const comp of [...new Set([...va.keys(), ...vb.keys()])].sort()) {
    const [x, y] = [va.has(comp) ? (va.get(comp) ?? 'unknown') : null, vb.has(comp) ? (vb.get(comp) ?? 'unknown') : null];
    if (x !== y) components.push({ component: comp, old: x, new: y });
  }

  const oldById = new Map(a.findings.map((f) => [f.id, f]));
  const newIds = new Set(b.findings.map((f) => f.id));
  const added = b.findings.filter((f) => !oldById.has(f.id));
  const escalated: DiffResult['escalated'] = [];
  for (const f of b.findings) {
    const was = oldById.get(f.id);
    if (!was) continue;
    const rose = severityRank(f.severity) > severityRank(was.severity);
    const unwaived = !!was.waiver && !f.waiver;
    if ((rose || unwaived) && !f.waiver) escalated.push({ ...pick(f), was: was.severity, wasWaived: !!was.waiver });
  }
  const worse = statusRank(b.verdict.status) < statusRank(a.verdict.status);
  const failing = [...added.filter((f) => !f.waiver), ...escalated].filter((f) => atOrAbove(f.severity, failOn)).map((f) => f.id);
  if (worse && b.findings.some((f) => !f.waiver && atOrAbove(f.severity, failOn))) failing.push('verdict');
  return {
    host: b.host.name,
    context,
    components,
    new: added.map(pick),
    escalated,
    resolved: a.findings.filter((f) => !newIds.has(f.id)).map(pick),
    open: b.findings.filter((f) => oldById.has(f.id)).map(pick),
    verdict: { old: a.verdict.status, new: b.verdict.status, worse },
    failOn,
    failing,
  };
}

const CONTEXT_TEXT: Record<DiffResult['context'][number]['field'], string> = {
  host: 'the reports are of different hosts',
  stage: 'the reports are of different stages (rules that run at one stage only show as new or resolved)',
  targetVersion: 'the reports judge different target versions',
  toolVersion: 'the reports were written by different versions of mfa-readiness',
  rulesetVersion: 'the reports were judged by different rule sets',
};

export default class Diff extends BaseCommand {
  static override summary = 'What changed between two reports of the same host: findings new, escalated, resolved, still open.';
  static override description =
    'Findings are matched by their stable id. Where the two scans differ in stage, target version or tool version, that is said first. ' +
    'A change is a new finding, a finding whose severity rose or whose waiver no longer applies, or a verdict that got worse. ' +
    'Exit 1 where a change is at or above --fail-on (default info: any change), 0 otherwise, 2 when a report cannot be read.';
  static override examples = [
    '<%= config.bin %> diff monday.json friday.json',
    '<%= config.bin %> diff monday.json friday.json --fail-on high',
    '<%= config.bin %> diff before.json after.json --json',
  ];
  static override enableJsonFlag = true;
  static override args = {
    old: Args.string({ required: true, description: 'the earlier JSON report' }),
    new: Args.string({ required: true, description: 'the later JSON report' }),
  };
  static override flags = {
    'fail-on': Flags.string({
      description: 'exit 1 where a new or escalated finding (or a worse verdict) is at or above this severity; none never fails',
      options: [...FAIL_ON_VALUES],
      default: 'info',
    }),
  };

  async run(): Promise<DiffResult> {
    const { args, flags } = await this.parse(Diff);
    // ReportFileError (unreadable, not a report, an error report): an input error, exit 2 (src/cli/errors.ts).
    const a = await loadReport(args.old);
    const b = await loadReport(args.new);
    const res = diffReports(a, b, flags['fail-on'] as FailOn);
    if (!this.jsonEnabled()) {
      const t = (s: string | null) => visible(s ?? 'none').replace(/\n/g, ' ');
      const lines: string[] = [];
      for (const c of res.context) lines.push(`note: ${CONTEXT_TEXT[c.field]}: ${t(c.old)} -> ${t(c.new)}`);
      lines.push(`verdict: ${res.verdict.old} -> ${res.verdict.new}${res.verdict.worse ? ' (worse)' : ''}`);
      if (res.components.length) {
        lines.push(`components: ${res.components.length}`);
        for (const c of res.components) lines.push(`  ${c.component.padEnd(16)} ${t(c.old)} -> ${t(c.new)}`);
      }
      const show = (label: string, list: readonly (Listed & { was?: Severity; wasWaived?: boolean })[]) => {
        lines.push(`${label}: ${list.length}`);
        for (const f of list)
          lines.push(
            `  ${f.severity.padEnd(8)} ${t(f.ruleId)}  ${t(f.title)} (${t(f.id)})${f.was ? ` (was ${f.was}${f.wasWaived ? ', waived' : ''})` : ''}`,
          );
      };
      show('new', res.new);
      show('escalated', res.escalated);
      show('resolved', res.resolved);
      show('still open', res.open);
      if (res.failing.length) lines.push(`fail (fail-on ${res.failOn}): ${res.failing.length} change(s) at or above ${res.failOn}`);
      this.log(lines.join('\n'));
    }
    if (res.failing.length) process.exitCode = 1;
    return res;
  }
}
