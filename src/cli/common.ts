import type { Command } from '@oclif/core/command';
import * as Flags from '@oclif/core/flags';
import type { Report, Severity, Waiver } from '../types.js';
import { FAIL_ON_VALUES, type FailOn } from '../report/verdict.js';
import { UsageError } from './errors.js';
import { parseVersion } from '../util/version.js';
import { incompleteness, visible } from '../report/text.js';
import { parseNow } from './now.js';

/** The latest MFA Server release (rules.md: default --target-version). */
export const LATEST_VERSION = '8.1';

/** Flags shared by the commands that scan (scan, fleet). */
export const scanFlags = {
  'fail-on': Flags.string({
    description: 'exit 1 where an unwaived finding is at or above this severity; none never fails',
    options: [...FAIL_ON_VALUES],
    default: 'critical',
  }),
  waivers: Flags.string({ description: 'YAML or JSON file of accepted findings' }),
  'target-version': Flags.string({ description: 'the release being upgraded to', default: LATEST_VERSION }),
  now: Flags.string({ description: "the scan's clock as an ISO time, for reproducible reports (default: now)" }),
};

export interface CommonParsed {
  scan: { targetVersion: string; failOn: FailOn; now: string };
  waivers?: { file: string; entries: Waiver[] };
}

/** Validates the shared flags; a bad value is exit 2 with one line. */
export async function parseCommonFlags(
  _cmd: Command,
  flags: { 'fail-on': string; waivers?: string; 'target-version': string; now?: string },
): Promise<CommonParsed> {
  let now = new Date().toISOString();
  if (flags.now !== undefined) {
    now = parseNow(flags.now); // NowFlagError: a usage error (src/cli/errors.ts)
  }
  if (!/^\d+(\.\d+){0,3}$/.test(flags['target-version']) || !parseVersion(flags['target-version'])) {
    throw new UsageError(`--target-version ${flags['target-version']}: not a version like 8.1 or 8.1.0.0`);
  }
  let waivers: CommonParsed['waivers'];
  if (flags.waivers) {
    const { loadWaivers } = await import('../report/waivers.js');
    // WaiverFileError: an input error (src/cli/errors.ts).
    waivers = { file: flags.waivers, entries: await loadWaivers(flags.waivers) };
  }
  return { scan: { targetVersion: flags['target-version'], failOn: flags['fail-on'] as FailOn, now }, waivers };
}

/** The closing summary on stderr: verdict, counts, files written. */
export function summaryLine(report: Report, written: string[]): string {
  const c = report.verdict.counts;
  const counts = (['critical', 'high', 'medium', 'low', 'info'] as Severity[]).map((s) => `${c[s]} ${s}`).join(', ');
  const lines = [
    `${visible(report.host.name ?? report.scan.target.location).replace(/\n/g, ' ')}: ${report.verdict.status} (gate ${report.verdict.gate}, fail-on ${report.verdict.failOn}) - ${counts}${report.verdict.waived ? `, ${report.verdict.waived} waived` : ''}; ${report.plan.length} plan step(s)`,
  ];
  const incomplete = incompleteness(report).text;
  if (incomplete) lines.push(`WARNING: ${incomplete}`);
  for (const w of written) lines.push(`wrote ${visible(w).replace(/\n/g, ' ')}`);
  return lines.join('\n') + '\n';
}
