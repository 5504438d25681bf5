import { findingId } from '../rules/id.js';
import { readFile } from 'node:fs/promises';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../cli/base.js';
import { SEVERITIES, type Finding, type Report, type Severity, type Waiver } from '../types.js';
import { validateReport } from '../report/schema.js';
import { compareFindings, computeVerdict, failingFindingIds, FAIL_ON_VALUES, NOTHING_TO_UPGRADE_RULE, type FailOn } from '../report/verdict.js';
import { applyWaivers, EXPIRED_WAIVER_RULE, expiredWaiverFindings, loadWaivers } from '../report/waivers.js';

export interface GateResult {
  gate: 'pass' | 'fail';
  failOn: FailOn;
  counts: Record<Severity, number>;
  failing: string[];
  waivers: Waiver[];
  /** Findings waived (an addition to report.md's gate --json shape). */
  waived: number;
}

/**
 * Re-gates a saved report. Waivers: with `--waivers FILE`, that file is the complete set
 * (the report's own waiver marks are cleared and re-applied from it); without it, the report's
 * own waivers list is re-applied. Either way against `--now`, by default the report's
 * `scan.startedAt`, so a report gates exactly as the scan that wrote it did with the same flags.
 * MFA-WVR-001 findings are recomputed from the waivers' expiry. Without the rule catalog, a
 * waiver naming a rule unknown to the report stays `unknown-rule` only where the report said so.
 */
export async function gateReport(
  report: Report,
  opts: { failOn: FailOn; waivers?: Waiver[]; waiverFile?: string; now?: string },
): Promise<GateResult> {
  const now = opts.now ?? report.scan.startedAt;
  const own = report.waivers;
  const waivers = opts.waivers ?? own.map(({ status: _status, ...w }) => w);
  const unknownBefore = new Set(own.filter((w) => w.status === 'unknown-rule').map((w) => w.rule));
  const known = new Set(report.findings.map((f) => f.ruleId));
  for (const w of waivers) if (!unknownBefore.has(w.rule)) known.add(w.rule);
  const base = report.findings.filter((f) => f.ruleId !== EXPIRED_WAIVER_RULE);
  const applied = applyWaivers(base, waivers, { host: report.host.name, now, knownRuleIds: known });
  // Expired waivers raise MFA-WVR-001 again; keep the id the report gave it where it is the same one.
  const oldWvr = report.findings.filter((f) => f.ruleId === EXPIRED_WAIVER_RULE);
  const file = opts.waiverFile ?? oldWvr[0]?.evidence[0]?.location ?? 'waivers';
  const wvr: Finding[] = expiredWaiverFindings(applied.waivers, report.host.name, file).map((f) => {
    const same = oldWvr.find((o) => o.evidence[0]?.observed === f.evidence[0]?.observed);
    const id = same?.id ?? findingId(f.ruleId, report.host.name, f.component, f.evidence[0]?.observed ?? '');
    return { ...f, id, planSteps: [] };
  });
  const findings = [...applied.findings, ...wvr].sort(compareFindings);
  const nothing = findings.some((f) => f.ruleId === NOTHING_TO_UPGRADE_RULE);
  const verdict = computeVerdict(findings, report.inventory.upgradePath, nothing, opts.failOn);
  return {
    gate: verdict.gate,
    failOn: opts.failOn,
    counts: verdict.counts,
    failing: failingFindingIds(findings, opts.failOn),
    waivers: applied.waivers,
    waived: verdict.waived,
  };
}

export default class Gate extends BaseCommand {
  static summary = 'Gate CI on a saved JSON report: apply --fail-on and waivers, exit 0 (pass) or 1 (fail).';
  static description =
    'Reads a report written by `scan --format json`, re-applies waivers (the --waivers file if given, else the ' +
    "report's own) against the scan's clock (or --now), and recomputes the gate. Exit 0 pass, 1 fail, 2 when the " +
    'report or waiver file cannot be read.';
  static examples = [
    '<%= config.bin %> <%= command.id %> mfa-readiness-MFA01-2026-11-21.json',
    '<%= config.bin %> <%= command.id %> report.json --fail-on high --waivers waivers.yml',
    '<%= config.bin %> <%= command.id %> report.json --fail-on medium --json',
  ];
  static enableJsonFlag = true;
  static args = {
    report: Args.string({ required: true, description: 'JSON report written by `mfa-readiness scan`' }),
  };
  static flags = {
    'fail-on': Flags.string({
      description: 'fail where an unwaived finding is at or above this severity; none never fails',
      options: [...FAIL_ON_VALUES],
      default: 'critical',
    }),
    waivers: Flags.string({ description: "waiver file (YAML or JSON); replaces the report's own waivers" }),
    now: Flags.string({ description: "clock for waiver expiry (ISO time); default: the report's scan.startedAt" }),
  };

  async run(): Promise<GateResult> {
    const { args, flags } = await this.parse(Gate);
    const file = args.report;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      this.error(`${file}: cannot read the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { exit: 2 });
    }
    let obj: unknown;
    try {
      obj = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      this.error(`${file}: not JSON (${(e as Error).message.split('\n')[0]})`, { exit: 2 });
    }
    const valid = validateReport(obj);
    if (!valid.ok) {
      const more = valid.errors.length > 1 ? ` (and ${valid.errors.length - 1} more)` : '';
      this.error(`${file}: not a valid mfa-readiness report: ${valid.errors[0]}${more}`, { exit: 2 });
    }
    if (flags.now !== undefined && Number.isNaN(Date.parse(flags.now))) {
      this.error(`--now: not an ISO time (${flags.now})`, { exit: 2 });
    }
    let waivers: Waiver[] | undefined;
    if (flags.waivers) {
      try {
        waivers = await loadWaivers(flags.waivers);
      } catch (e) {
        this.error((e as Error).message, { exit: 2 });
      }
    }
    const failOn = flags['fail-on'] as FailOn;
    const result = await gateReport(obj as Report, { failOn, waivers, waiverFile: flags.waivers, now: flags.now });
    this.log(
      `gate: ${result.gate} (fail-on ${failOn}): ` +
        SEVERITIES.map((s) => `${result.counts[s]} ${s}`).join(', ') +
        `; ${result.waived} waived` +
        (result.failing.length ? `; failing: ${result.failing.join(', ')}` : ''),
    );
    if (result.gate === 'fail') process.exitCode = 1;
    return result;
  }
}
