import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../cli/base.js';
import { terminalLine } from '../util/terminal.js';
import type { Goal, Severity, Stage } from '../types.js';
import { parseCommonFlags, scanFlags } from '../cli/common.js';
import { makeLogger, type LogFormat, type LogLevel } from '../util/log.js';
import { BadInputError } from '../cli/errors.js';
import { isProgrammingError } from '../util/errors.js';
import { runFleet } from '../fleet/run.js';
import { renderFleetHtml, renderFleetJson, renderFleetMarkdown } from '../fleet/render.js';
import { checkOutput, fileSafeHost, landsInside, writeReportFile, writeReports } from '../report/write.js';
import type { FleetReport } from '../fleet/types.js';
import type { Report } from '../types.js';
import { renderFleetJunit } from '../report/junit.js';
import { emitCiFormats, isCiFormat } from '../report/ci.js';

const FLEET_FORMATS = ['json', 'html', 'md', 'junit', 'github', 'azure'] as const;
type FleetFormat = (typeof FLEET_FORMATS)[number];
// github and azure are printed (src/report/ci.ts), not written.
const EXT: Record<FleetFormat, string> = { json: '.json', html: '.html', md: '.md', junit: '.junit.xml', github: '', azure: '' };

export default class Fleet extends BaseCommand {
  static override summary = 'Scan (or read the reports of) several hosts and write one plan for the maintenance window.';

  static override description = `Each TARGET is a bundle folder, a .zip written by collect, a saved JSON report, or a folder holding any of these. Hosts are scanned a few at a time; only a small summary of each is kept. The fleet report orders the servers into waves (subordinates one at a time, the promotion and the old primary, standalone servers, User Portal and Mobile App servers, load-balanced ones drained one at a time, AD FS servers in two halves or a one-server farm as an outage; independent groups, pools and farms as parallel tracks), shows each step with its detail and the findings behind it, and adds cross-host findings (MFA-FLEET-*). A target or sub-folder that cannot be used is listed as failed with its reason; the rest go on. Exit 1 where an unwaived finding anywhere is at or above --fail-on, or a target could not be used; 2 where no target at all could be used.`;

  static override examples = [
    '<%= config.bin %> fleet ./bundles --format json,html,md --out ./window',
    '<%= config.bin %> fleet MFA01 MFA02 WEB01.zip ADFS01-report.json --json',
    '<%= config.bin %> fleet ./bundles --jobs 4 --host-reports ./window/hosts',
  ];

  static override enableJsonFlag = true;
  static override strict = false;

  static override args = {
    targets: Args.string({
      description: 'bundle folders, .zip files from collect, saved .json reports, or folders of them',
      required: true,
    }),
  };

  static override flags = {
    ...scanFlags,
    format: Flags.string({
      description: 'fleet reports to write: json,html,md,junit,github,azure (comma separated or repeated) [default: html,json]',
      multiple: true,
      delimiter: ',',
      options: [...FLEET_FORMATS],
    }),
    out: Flags.string({ description: 'folder to write the fleet reports into', exclusive: ['output'] }),
    output: Flags.string({ description: 'base file name of the fleet reports (e.g. window.json)', exclusive: ['out'] }),
    template: Flags.string({ description: 'folder with your own fleet.html.hbs / fleet.md.hbs' }),
    stage: Flags.string({ description: 'which gate of the upgrade this scan is for', options: ['pre', 'adfs', 'post'], default: 'pre' }),
    baselines: Flags.string({
      description: 'with --stage post: a folder of the JSON reports taken before the window, matched to the hosts by host name',
    }),
    goal: Flags.string({
      description: 'what the window is for: upgrade every part, or migrate (only what the MFA Server Migration Utility needs)',
      options: ['upgrade', 'migrate'],
      default: 'upgrade',
    }),
    jobs: Flags.integer({ description: 'hosts scanned at the same time [default: available parallelism]', min: 1 }),
    'host-reports': Flags.string({ description: "also write each host's own report (json, html and md) into this folder as it finishes" }),
  };

  async run(): Promise<FleetReport> {
    const { argv, flags } = await this.parse(Fleet);
    const targets = argv as string[];
    const common = await parseCommonFlags(this, flags);
    const log = makeLogger(flags['log-level'] as LogLevel, flags['log-format'] as LogFormat | undefined);
    const json = this.jsonEnabled();
    const cwd = process.cwd();
    // --json alone writes no files; --json with --out or --output writes the default formats too (as the README says).
    const formats = [
      ...new Set(
        (flags.format as FleetFormat[] | undefined) ??
          (json && flags.out === undefined && flags.output === undefined ? [] : ['html', 'json']),
      ),
    ] as FleetFormat[];
    const wantFiles = formats.length > 0 && (!json || flags.format !== undefined || flags.out !== undefined || flags.output !== undefined);
    const date = common.scan.now.slice(0, 10);
    const base = flags.output
      ? resolve(cwd, flags.output).replace(/\.(json|html|htm|md)$/i, '')
      : join(resolve(cwd, flags.out ?? '.'), `mfa-readiness-fleet-${date}`);
    // Nothing is written inside a target: compared as given, through links and case-insensitively, as scan does.
    const targetDirs = targets.map((t) => resolve(cwd, t)).filter((d) => !/\.(zip|json)$/i.test(d));
    const insideTarget = async (p: string) => {
      for (const d of targetDirs) if (await landsInside(p, d)) return d;
      return undefined;
    };
    if (wantFiles) {
      await checkOutput(flags.output, cwd).catch((e: Error) => {
        throw new BadInputError(e.message);
      });
      for (const f of formats) {
        const hit = await insideTarget(base + EXT[f]);
        if (hit) throw new BadInputError(`${base + EXT[f]}: refusing to write a report inside a scanned target (${hit})`);
      }
    }
    const hostDir = flags['host-reports'] ? resolve(cwd, flags['host-reports']) : null;
    if (hostDir) {
      const hit = await insideTarget(hostDir);
      if (hit) throw new BadInputError(`--host-reports ${flags['host-reports']}: refusing to write inside a scanned target (${hit})`);
      await mkdir(hostDir, { recursive: true });
    }

    const tty = !json && process.stderr.isTTY === true;
    const progress = fleetProgress({ tty, write: (t) => process.stderr.write(t), enabled: !json });
    const written: string[] = [];
    const hostNames = new Set<string>();
    const junitHosts = wantFiles && formats.includes('junit') ? new Map<string, Report>() : null;
    if (flags.baselines !== undefined && flags.stage !== 'post')
      throw new BadInputError('--baselines: only with --stage post (the reports taken before the window)');
    const baselines =
      flags.baselines === undefined ? undefined : await (await import('../post/baseline.js')).loadBaselines(flags.baselines);
    const { report } = await runFleet(targets, {
      ...common.scan,
      baselines,
      stage: flags.stage as Stage,
      goal: flags.goal as Goal,
      waivers: common.waivers,
      jobs: flags.jobs ?? availableParallelism(),
      onProgress: (done, total, h) => {
        if (h.status === 'failed') log.warn({ target: h.target }, h.reason ?? 'failed');
        progress.update(done, total, h.name, h.status === 'failed');
      },
      onHostReport:
        hostDir || junitHosts
          ? async (r, s) => {
              junitHosts?.set(s.name, r);
              if (!hostDir) return;
              // Names that sanitise alike get a hash (fileSafeHost); the same name twice, or in another case, gets -2, -3.
              const stem = `mfa-readiness-${fileSafeHost(s.name)}-${date}`;
              let name = stem;
              for (let n = 2; hostNames.has(name.toLowerCase()); n++) name = `${stem}-${n}`;
              hostNames.add(name.toLowerCase());
              // JSON for tools, HTML and Markdown for the person doing that server's part of the window (issue 14).
              written.push(
                ...(await writeReports(r, {
                  formats: ['json', 'html', 'md'],
                  out: hostDir,
                  output: `${name}.json`,
                  rulesRan: [],
                  cwd,
                  targetDirs,
                })),
              );
            }
          : undefined,
    });
    progress.end();

    if (report.hosts.every((h) => h.status === 'failed')) {
      throw new BadInputError(
        `no target could be used: ${report.hosts.map((h) => `${h.target} (${h.reason})`).join('; ') || 'none given'}`,
      );
    }
    if (wantFiles) {
      // Where the bytes land is checked again now, after the scans (a folder swapped for a link meanwhile).
      for (const f of formats) {
        const hit = await insideTarget(base + EXT[f]);
        if (hit) throw new BadInputError(`${base + EXT[f]}: refusing to write a report inside a scanned target (${hit})`);
      }
      try {
        await mkdir(dirname(base), { recursive: true });
        const files = formats.filter((f) => !isCiFormat(f));
        const contents = files.map((f) =>
          f === 'json'
            ? renderFleetJson(report)
            : f === 'html'
              ? renderFleetHtml(report, { templateDir: flags.template })
              : f === 'junit'
                ? renderFleetJunit(report, { hostReports: junitHosts ?? undefined })
                : renderFleetMarkdown(report, { templateDir: flags.template }),
        );
        for (const [i, f] of files.entries()) {
          await writeReportFile(base + EXT[f], contents[i], { forbidden: targetDirs });
          written.push(base + EXT[f]);
        }
        await emitCiFormats(report, formats, { written, cwd });
      } catch (e) {
        if (isProgrammingError(e)) throw e;
        throw new BadInputError((e as Error).message);
      }
    }
    if (report.verdict.gate === 'fail') process.exitCode = 1;
    if (!json) process.stderr.write(fleetSummary(report, written));
    return report;
  }
}

/** The closing summary on stderr: fleet verdict, counts, failed hosts, files written. */
export function fleetSummary(report: FleetReport, written: string[]): string {
  const v = report.verdict;
  const counts = (['critical', 'high', 'medium', 'low', 'info'] as Severity[]).map((s) => `${v.counts[s]} ${s}`).join(', ');
  const by = (st: string) => report.hosts.filter((h) => h.status === st).length;
  const lines = [
    `fleet of ${report.hosts.length}: ${v.status} (gate ${v.gate}, fail-on ${v.failOn}) - ${counts}${v.waived ? `, ${v.waived} waived` : ''}; ${by('scanned')} scanned, ${by('read')} read, ${by('failed')} failed; ${report.waves.length} wave(s), ${report.findings.length} fleet finding(s)`,
  ];
  for (const h of report.hosts.filter((x) => x.status === 'failed'))
    lines.push(`failed: ${terminalLine(h.target)}: ${terminalLine(h.reason ?? 'failed')}`);
  for (const w of written) lines.push(`wrote ${terminalLine(w)}`);
  return lines.join('\n') + '\n';
}

/**
 * Progress on stderr (issue 14). On a terminal one line rewritten in place: `[n/total] host · 12s · 1 failed`.
 * Elsewhere (a CI log) a plain line every PROGRESS_EVERY hosts or PROGRESS_SECONDS seconds, and the last one,
 * so a long fleet shows it is alive without one line per host.
 */
export const PROGRESS_EVERY = 25;
export const PROGRESS_SECONDS = 5;
export function fleetProgress(o: { tty: boolean; enabled: boolean; write: (text: string) => void; clock?: () => number }) {
  const clock = o.clock ?? (() => Date.now());
  const start = clock();
  let last = start;
  let printed = 0;
  let failed = 0;
  const elapsed = (now: number) => `${Math.round((now - start) / 1000)}s`;
  return {
    update(done: number, total: number, host: string, hostFailed: boolean) {
      if (hostFailed) failed++;
      if (!o.enabled) return;
      const now = clock();
      const tail = `${elapsed(now)} elapsed${failed ? `, ${failed} failed` : ''}`;
      if (o.tty) {
        o.write(`\r\x1b[2K[${done}/${total}] ${terminalLine(host)}${hostFailed ? ' (failed)' : ''} · ${tail}`);
        return;
      }
      if (done % PROGRESS_EVERY === 0 || now - last >= PROGRESS_SECONDS * 1000 || (done === total && printed > 0)) {
        o.write(`fleet: [${done}/${total}] scanned or read, ${tail}\n`);
        last = now;
        printed++;
      }
    },
    end() {
      if (o.enabled && o.tty) o.write('\r\x1b[2K');
    },
  };
}
