import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../cli/base.js';
import type { Goal, Replication, Report, Stage } from '../types.js';
import { parseCommonFlags, scanFlags, summaryLine } from '../cli/common.js';
import { openTarget } from '../cli/target.js';
import { scanTarget } from '../scan.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/write.js';
import { applyFailOnUnknown } from '../report/rerender.js';
import { makeLogger, type LogFormat, type LogLevel } from '../util/log.js';
import { BadInputError } from '../cli/errors.js';
import { isProgrammingError } from '../util/errors.js';
import { findingsTable } from '../cli/table.js';
import { basename } from 'node:path';
import { visible } from '../report/text.js';

export default class Scan extends BaseCommand {
  static override summary = 'Scan one host (a bundle folder, or this Windows host) and write its readiness report.';

  static override description = `Reads a copy of a Windows server (see the README for the bundle layout) or, on Windows with no TARGET, the host itself; never writes to it. Writes the report in the formats asked for, and exits 1 where an unwaived finding is at or above --fail-on.`;

  static override examples = [
    '<%= config.bin %> scan ./MFA01-bundle',
    '<%= config.bin %> scan ./MFA01-bundle --format json,html,md --out ./reports',
    '<%= config.bin %> scan ./MFA01-bundle --json --fail-on high',
    '<%= config.bin %> scan ./ADFS01-bundle --stage adfs --waivers waivers.yml',
    '<%= config.bin %> scan D:\\copies\\MFA01 --registry software.reg --drive E=D:\\copies\\MFA01-E',
  ];

  static override enableJsonFlag = true;

  static override args = {
    target: Args.string({
      description: 'bundle folder, or a copied C: drive (live scan of this Windows host when left out)',
      required: false,
    }),
  };

  static override flags = {
    ...scanFlags,
    format: Flags.string({
      description: `reports to write: ${REPORT_FORMATS.join(',')} (comma separated or repeated) [default: html,json]`,
      multiple: true,
      delimiter: ',',
      options: [...REPORT_FORMATS],
    }),
    out: Flags.string({ description: 'folder to write the reports into (never inside the target)', exclusive: ['output'] }),
    output: Flags.string({ description: 'base file name of the reports (e.g. readiness-report.json)', exclusive: ['out'] }),
    template: Flags.string({ description: 'folder with your own handlebars templates for html and md' }),
    role: Flags.string({ description: 'replication role, where bundle.json lacks it', options: ['primary', 'subordinate', 'standalone'] }),
    stage: Flags.string({ description: 'which gate of the upgrade this scan is for', options: ['pre', 'adfs', 'post'], default: 'pre' }),
    goal: Flags.string({
      description: 'what the window is for: upgrade every part, or migrate (only what the MFA Server Migration Utility needs)',
      options: ['upgrade', 'migrate'],
      default: 'upgrade',
    }),
    baseline: Flags.string({ description: 'with --stage post: the JSON report taken before the window, to verify the upgrade against' }),
    'backup-dir': Flags.string({ description: 'also look here for backups (a Windows path on the host; repeatable)', multiple: true }),
    'adapter-files': Flags.string({
      description:
        'the folder the new AD FS adapter files were copied to and the Register script edited in (a Windows path on the host; stage adfs)',
    }),
    registry: Flags.string({ description: 'add a registry export (.reg), from anywhere (repeatable)', multiple: true }),
    drive: Flags.string({ description: 'map a drive letter to a folder: D=PATH (repeatable)', multiple: true }),
    'fail-on-unknown': Flags.boolean({
      description: 'fail the gate where any check could not be determined, whatever its severity',
      default: false,
    }),
    force: Flags.boolean({
      description:
        'replace an earlier report of the same host and day (default: the new one is named ...-2, -3, ...); --output always replaces its file',
      default: false,
    }),
  };

  async run(): Promise<Report> {
    const { args, flags } = await this.parse(Scan);
    const common = await parseCommonFlags(this, flags);
    const log = makeLogger(flags['log-level'] as LogLevel, flags['log-format'] as LogFormat | undefined);
    if (flags.baseline !== undefined && flags.stage !== 'post')
      throw new BadInputError('--baseline: only with --stage post (the report taken before the window)');
    const baseline = flags.baseline === undefined ? null : await (await import('../post/baseline.js')).loadBaseline(flags.baseline);
    const target = await openTarget(this, args.target, { registry: flags.registry, drive: flags.drive });
    log.info({ target: target.location, kind: target.kind }, 'scan started');

    const { report, ran } = await scanTarget(target, {
      ...common.scan,
      stage: flags.stage as Stage,
      goal: flags.goal as Goal,
      role: flags.role as Replication | undefined,
      backupDirs: flags['backup-dir'],
      adapterFiles: flags['adapter-files'],
      baseline,
      waivers: common.waivers,
    });
    const unknownLine = flags['fail-on-unknown'] ? applyFailOnUnknown(report) : null;
    if (unknownLine) log.warn({}, `gate fails: ${unknownLine}`);
    for (const p of report.problems) log.warn({ location: p.location }, p.message);
    log.info({ status: report.verdict.status, findings: report.findings.length, steps: report.plan.length }, 'scan finished');

    const json = this.jsonEnabled();
    // --json alone writes no files; --json with --out or --output writes the default formats too (as the README says).
    const formats =
      (flags.format as ReportFormat[] | undefined) ??
      (json && flags.out === undefined && flags.output === undefined ? [] : ['html', 'json']);
    const wantFiles = !json || flags.format !== undefined || flags.out !== undefined || flags.output !== undefined;
    let written: string[] = [];
    if (wantFiles && formats.length > 0) {
      const { writeReports } = await import('../report/write.js');
      const chosen = formats.length ? formats : (['html', 'json'] as ReportFormat[]);
      const cwd = process.cwd();
      // A second scan of the same host on the same day gets its own name (-2, -3, ...) unless --force.
      const output = flags.output ?? (flags.force ? undefined : await freeBaseName(report, chosen, flags.out, cwd));
      if (output !== undefined && flags.output === undefined) {
        process.stderr.write(
          `note: an earlier report of ${visible(report.host.name ?? 'this host').replace(/\n/g, ' ')} from ${report.scan.startedAt.slice(0, 10)} is there; this one is named ${basename(output)}.* (--force replaces the earlier one)\n`,
        );
      }
      try {
        written = await writeReports(report, {
          formats: chosen,
          out: flags.out,
          output,
          templateDir: flags.template,
          rulesRan: ran.map((r) => ({ id: r.id, title: r.title, component: r.component })),
          cwd,
          targetDir: target.kind === 'bundle' ? target.location : undefined,
          targetDirs: (flags.drive ?? []).map((d) => d.replace(/^[A-Za-z]:?=/, '')),
        });
      } catch (e) {
        // The report cannot go where asked (inside the target, a folder that cannot be written): input.
        if (isProgrammingError(e)) throw e;
        throw new BadInputError((e as Error).message);
      }
    }
    if (report.verdict.gate === 'fail') process.exitCode = 1;
    if (!json && process.stdout.isTTY) {
      process.stdout.write(findingsTable(report, written, { columns: process.stdout.columns, color: !process.env.NO_COLOR }));
    } else if (!json) process.stderr.write(summaryLine(report, written));
    return report;
  }
}

/**
 * The base name for the default report names where an earlier report of this host and day exists:
 * `mfa-readiness-MFA01-2026-11-21-2` (then -3, ...), so a second scan never silently replaces the first.
 * Undefined where the default name is free.
 */
export async function freeBaseName(
  report: Report,
  formats: readonly ReportFormat[],
  out: string | undefined,
  cwd: string,
): Promise<string | undefined> {
  const { EXTENSIONS, reportBasePath } = await import('../report/write.js');
  const { existsSync } = await import('node:fs');
  const base = reportBasePath(report, { out, cwd });
  const taken = (b: string) => formats.some((f) => existsSync(b + EXTENSIONS[f]));
  if (!taken(base)) return undefined;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
