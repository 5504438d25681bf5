import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../cli/base.js';
import { terminalLine } from '../util/terminal.js';
import { parseNow } from '../cli/now.js';
import { SEVERITIES, type Report, type Severity, type WaiverEntry, type WaiverStatus } from '../types.js';
import {
  applyFailOnUnknown,
  failingLines,
  gateFleetReport,
  isFleetReport,
  loadAnyReport,
  parseMaxAge,
  staleReport,
  writeGatedReports,
} from '../report/rerender.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/write.js';
import { rejudgeReport } from '../report/rejudge.js';
import type { FleetReport } from '../fleet/types.js';
import { rejudge } from '../report/rejudge.js';
import { failingFindingIds, FAIL_ON_VALUES, type FailOn } from '../report/verdict.js';
import { loadWaivers } from '../report/waivers.js';
import { redactSavedReport } from '../report/reredact.js';

export interface GateResult {
  gate: 'pass' | 'fail';
  failOn: FailOn;
  counts: Record<Severity, number>;
  failing: string[];
  waivers: WaiverStatus[];
  /** Findings waived (an addition to the first gate --json shape; docs/report-format.md). */
  waived: number;
}

/** The ids of the rule catalog, host and fleet rules (a waiver naming another is `unknown-rule`, as in scan). */
export async function catalogRuleIds(): Promise<string[]> {
  const [{ RULES }, { FLEET_RULES }] = await Promise.all([import('../rules/index.js'), import('../fleet/rules/index.js')]);
  return [...RULES, ...FLEET_RULES].map((r) => r.meta.id);
}

/**
 * Re-gates a saved report (src/report/rejudge.ts, the one verdict fleet uses too). Waivers: with `--waivers FILE`,
 * that file is the complete set (the report's own waiver marks are cleared and re-applied from it); without it,
 * the report's own waivers list is re-applied. Either way against `--now`, by default the report's
 * `scan.startedAt`, so a report gates exactly as the scan that wrote it did with the same flags.
 */
export async function gateReport(
  report: Report,
  opts: { failOn: FailOn; waivers?: WaiverEntry[]; waiverFile?: string; now?: string; knownRuleIds?: Iterable<string> },
): Promise<GateResult> {
  const r = rejudge(report, { ...opts, knownRuleIds: opts.knownRuleIds ?? (await catalogRuleIds()) });
  return {
    gate: r.verdict.gate,
    failOn: opts.failOn,
    counts: r.verdict.counts,
    failing: failingFindingIds(r.findings, opts.failOn),
    waivers: r.waivers,
    waived: r.verdict.waived,
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
    now: Flags.string({ description: "clock for waiver expiry (ISO 8601; no offset means UTC); default: the report's scan.startedAt" }),
    format: Flags.string({
      description: `write the report again in these formats after applying waivers: ${REPORT_FORMATS.join(',')} (github, azure: printed)`,
      multiple: true,
      delimiter: ',',
      options: [...REPORT_FORMATS],
    }),
    output: Flags.string({
      description: 'base file name for --format (e.g. gated.junit.xml gives gated.junit.xml, gated.md, ...)',
      exclusive: ['out'],
    }),
    out: Flags.string({ description: 'folder for --format files (default names)', exclusive: ['output'] }),
    'fail-on-unknown': Flags.boolean({
      description: 'fail where any check could not be determined, whatever its severity',
      default: false,
    }),
    'max-age': Flags.string({ description: 'fail when the report is older than this (7d, 36h, 2w) at --now or the current time' }),
  };

  async run(): Promise<GateResult> {
    const { args, flags } = await this.parse(Gate);
    let loaded: Report | FleetReport;
    let now: string | undefined;
    let waivers: WaiverEntry[] | undefined;
    try {
      if (flags.now !== undefined) now = parseNow(flags.now);
      if (flags['max-age'] !== undefined) parseMaxAge(flags['max-age']);
      loaded = await loadAnyReport(args.report);
      if (flags.waivers) waivers = await loadWaivers(flags.waivers);
    } catch (e) {
      this.error((e as Error).message, { exit: 2 });
    }
    const failOn = flags['fail-on'] as FailOn;
    const stale = flags['max-age'] ? staleReport(loaded.scan.startedAt, flags['max-age'], now ?? new Date().toISOString()) : null;
    if (isFleetReport(loaded)) return this.gateFleet(loaded, args.report, failOn, stale, flags);
    const report = redactSavedReport(loaded);
    const result = await gateReport(report, { failOn, waivers, waiverFile: flags.waivers, now });
    const gatedAll = rejudgeReport(report, { failOn, waivers, waiverFile: flags.waivers, now, knownRuleIds: await catalogRuleIds() });
    const unknownLine = flags['fail-on-unknown'] ? applyFailOnUnknown(gatedAll) : null;
    if (unknownLine) result.gate = 'fail';
    if (flags.format?.length) {
      const gated = gatedAll;
      try {
        for (const f of await writeGatedReports(gated, {
          formats: flags.format as ReportFormat[],
          output: flags.output,
          out: flags.out,
          cwd: process.cwd(),
          input: args.report,
        }))
          process.stderr.write(`wrote ${f}\n`);
      } catch (e) {
        this.error((e as Error).message, { exit: 2 });
      }
    }
    this.log(
      `gate: ${result.gate} (fail-on ${failOn}): ` +
        SEVERITIES.map((s) => `${result.counts[s]} ${s}`).join(', ') +
        `; ${result.waived} waived` +
        (result.failing.length ? `; failing: ${terminalLine(result.failing.join(', '))}` : ''),
    );
    if (result.failing.length)
      this.log(
        ['failing findings:', ...failingLines({ ...report, verdict: { failOn } }, result.failing).map((l) => terminalLine(l))].join('\n'),
      );
    if (unknownLine) this.log(`gate: fail: ${unknownLine}`);
    if (stale) this.log(`gate: fail: ${stale}`);
    if (result.gate === 'fail' || stale) process.exitCode = 1;
    return stale ? { ...result, gate: 'fail' } : result;
  }

  /**
   * A saved fleet report: each host's open findings and the fleet's findings against --fail-on (and --max-age).
   * A fleet report keeps each server's verdict, not every finding, so what needs the findings is refused in one
   * line naming the file: --format (re-rendering), --waivers (re-applying) and --fail-on-unknown (which checks of a
   * server could not be determined).
   */
  private gateFleet(
    fleet: FleetReport,
    file: string,
    failOn: FailOn,
    stale: string | null,
    flags: { format?: string[]; waivers?: string; 'fail-on-unknown'?: boolean },
  ): GateResult {
    if (flags.format?.length)
      this.error(`${file}: a fleet report: --format re-renders host reports only; run \`fleet --format\` again for a fleet's files`, {
        exit: 2,
      });
    if (flags.waivers)
      this.error(
        `${file}: a fleet report keeps each server's verdict, not its findings, so --waivers cannot be applied to it again; give the waiver file to \`fleet --waivers\``,
        { exit: 2 },
      );
    if (flags['fail-on-unknown'])
      this.error(
        `${file}: a fleet report does not keep which checks of each server could not be determined, so --fail-on-unknown cannot judge it; gate each server's report (\`fleet --host-reports DIR\`) with it`,
        { exit: 2 },
      );
    const g = gateFleetReport(fleet, failOn);
    const counts = fleet.verdict.counts;
    this.log(
      `gate: ${g.gate} (fail-on ${failOn}): fleet of ${fleet.hosts.length} server(s): ` +
        SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ') +
        `; ${fleet.verdict.waived} waived`,
    );
    if (g.reasons.length) this.log(['failing:', ...g.reasons.map((l) => terminalLine(l))].join('\n'));
    if (stale) this.log(`gate: fail: ${stale}`);
    const gate = g.gate === 'fail' || stale ? 'fail' : 'pass';
    if (gate === 'fail') process.exitCode = 1;
    return { gate, failOn, counts, failing: g.failing, waivers: fleet.waivers, waived: fleet.verdict.waived };
  }
}
