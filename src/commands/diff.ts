import * as Args from '@oclif/core/args';
import { BaseCommand } from '../cli/base.js';
import type { Finding, Report } from '../types.js';
import { loadReport } from '../report/load.js';

export interface DiffResult {
  host: string | null;
  new: Pick<Finding, 'id' | 'ruleId' | 'severity' | 'title'>[];
  resolved: Pick<Finding, 'id' | 'ruleId' | 'severity' | 'title'>[];
  open: Pick<Finding, 'id' | 'ruleId' | 'severity' | 'title'>[];
  verdict: { old: string; new: string };
}

const pick = (f: Finding) => ({ id: f.id, ruleId: f.ruleId, severity: f.severity, title: f.title });

export default class Diff extends BaseCommand {
  static override summary = 'What changed between two reports of the same host: findings new, resolved, still open.';
  static override description = 'Findings are matched by their stable id. Exit 0 when nothing new appeared, 1 when a finding is new, 2 when a report cannot be read.';
  static override examples = ['<%= config.bin %> diff monday.json friday.json', '<%= config.bin %> diff before.json after.json --json'];
  static override enableJsonFlag = true;
  static override args = {
    old: Args.string({ required: true, description: 'the earlier JSON report' }),
    new: Args.string({ required: true, description: 'the later JSON report' }),
  };

  async run(): Promise<DiffResult> {
    const { args } = await this.parse(Diff);
    const load = async (p: string): Promise<Report> => {
      try {
        return await loadReport(p);
      } catch (e) {
        return this.error((e as Error).message, { exit: 2 });
      }
    };
    const a = await load(args.old);
    const b = await load(args.new);
    if ((a.host.name ?? '').toLowerCase() !== (b.host.name ?? '').toLowerCase()) {
      this.warn(`the reports are of different hosts (${a.host.name ?? '?'} and ${b.host.name ?? '?'})`);
    }
    const oldIds = new Set(a.findings.map((f) => f.id));
    const newIds = new Set(b.findings.map((f) => f.id));
    const res: DiffResult = {
      host: b.host.name,
      new: b.findings.filter((f) => !oldIds.has(f.id)).map(pick),
      resolved: a.findings.filter((f) => !newIds.has(f.id)).map(pick),
      open: b.findings.filter((f) => oldIds.has(f.id)).map(pick),
      verdict: { old: a.verdict.status, new: b.verdict.status },
    };
    if (!this.jsonEnabled()) {
      this.log(`verdict: ${res.verdict.old} -> ${res.verdict.new}`);
      for (const [label, list] of [['new', res.new], ['resolved', res.resolved], ['still open', res.open]] as const) {
        this.log(`${label}: ${list.length}`);
        for (const f of list) this.log(`  ${f.severity.padEnd(8)} ${f.ruleId}  ${f.title} (${f.id})`);
      }
    }
    if (res.new.length) process.exitCode = 1;
    return res;
  }
}
