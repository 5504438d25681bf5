import { createHash } from 'node:crypto';
import path from 'node:path';
import pLimit from 'p-limit';
import type { Report, ScanOptions, Severity, Stage, Verdict, VerdictStatus, WaiverEntry, WaiverStatus } from '../types.js';
import type { Baseline } from '../post/types.js';
import { SEVERITIES } from '../types.js';
import { scanTarget, type ScanRequest } from '../scan.js';
import { BundleHost, InputError } from '../host/bundle.js';
import { isProgrammingError } from '../util/errors.js';
import { loadReport, ReportFileError } from '../report/load.js';
import { redactSavedReport } from '../report/reredact.js';
import { removeTempDir } from '../util/tempdirs.js';
import { rejudgeReport } from '../report/rejudge.js';
import { applyWaivers, waiverKey, withStatus } from '../report/waivers.js';
import { atOrAbove } from '../report/verdict.js';
import { RULES, RULESET_VERSION } from '../rules/index.js';
import { sortFindings } from '../rules/engine.js';
import { TOOL_VERSION } from '../version.js';
import { expandTargets, extractZip, type FleetInput } from './inputs.js';
import { failedSummary, installersOf, summarize } from './summary.js';
import { buildWaves } from './waves.js';
import { FLEET_RULES, runFleetRules } from './rules/index.js';
import type { FleetFinding, FleetReport, HostSummary } from './types.js';

export interface FleetOptions extends ScanOptions {
  waivers?: ScanRequest['waivers'];
  /** Concurrent scans (default 1). */
  jobs?: number;
  /** Called as each host finishes, with its full report (scanned or read) while it is still in memory. */
  onHostReport?: (report: Report, summary: HostSummary) => Promise<void>;
  /** Called as each target finishes (done of total), for progress. */
  onProgress?: (done: number, total: number, host: HostSummary) => void;
  /** Limits for zips (tests). */
  zipMaxBytes?: number;
  /** --stage post: the reports taken before the window (--baselines), by host name in lower case. */
  baselines?: ReadonlyMap<string, Baseline>;
}

/** Worst first (docs/report-format.md: a fleet's status is its worst host's, `not-ready` worst). */
export const STATUS_PRECEDENCE: readonly VerdictStatus[] = [
  'not-ready',
  'incomplete',
  'ready-with-warnings',
  'verified-with-warnings',
  'ready',
  'verified',
  'up-to-date',
  'nothing-to-upgrade',
];

/** The host and fleet rule ids (a waiver naming another is `unknown-rule`). */
const KNOWN_RULE_IDS = () => [...RULES, ...FLEET_RULES].map((r) => r.meta.id);

const nameFromPath = (p: string) => path.basename(p.replace(/[\\/]+$/, '')).replace(/\.(zip|json)$/i, '') || p;

/** Scans (or reads) one input and keeps only its summary. Never throws: a failure is a `failed` summary. */
async function oneHost(input: FleetInput, opts: FleetOptions): Promise<HostSummary> {
  const fallback = nameFromPath(input.target);
  if (input.kind === 'invalid') return failedSummary(fallback, input.target, input.reason ?? 'cannot be used');
  if (input.kind === 'report') {
    let saved: Report;
    try {
      // Re-redacted (issue 15): a saved report's strings reach the fleet report only through the one policy.
      saved = redactSavedReport(await loadReport(input.target));
    } catch (e) {
      if (e instanceof ReportFileError) return failedSummary(fallback, input.target, `not a valid report: ${e.detail}`);
      throw e;
    }
    // One verdict (issue 15): judged again from its findings, with the fleet's waivers and clock, as gate does.
    const report = rejudgeReport(saved, {
      failOn: opts.failOn,
      now: opts.now,
      waivers: opts.waivers?.entries,
      waiverFile: opts.waivers?.file,
      knownRuleIds: KNOWN_RULE_IDS(),
    });
    const s = summarize(report, { name: report.host.name ?? fallback, target: input.target, status: 'read', installers: null });
    await opts.onHostReport?.(report, s);
    return s;
  }
  let tempRoot: string | null = null;
  try {
    let folder = input.target;
    if (input.kind === 'zip') {
      try {
        const x = await extractZip(input.target, { maxBytes: opts.zipMaxBytes });
        tempRoot = x.tempRoot;
        folder = x.bundle;
      } catch (e) {
        return failedSummary(fallback, input.target, (e as Error).message);
      }
    }
    let target: BundleHost;
    try {
      target = await BundleHost.open(folder, { shownAs: input.target });
    } catch (e) {
      if (e instanceof InputError) return failedSummary(fallback, input.target, e.message.replace(/^.*?: /, ''));
      throw e;
    }
    // --stage post: each host against its own report of before, matched by host name (none: MFA-POST-019 says so).
    const baseline = opts.stage === 'post' ? (opts.baselines?.get((target.bundle?.hostname ?? fallback).toLowerCase()) ?? null) : undefined;
    const { report } = await scanTarget(target, {
      targetVersion: opts.targetVersion,
      stage: opts.stage,
      goal: opts.goal,
      failOn: opts.failOn,
      now: opts.now,
      waivers: opts.waivers,
      baseline,
    });
    const aliases = (target.bundle as { aliases?: unknown } | null)?.aliases;
    const s = summarize(report, {
      name: target.bundle?.hostname ?? report.host.name ?? fallback,
      target: input.target,
      status: 'scanned',
      installers: await installersOf(report, target),
      aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
    });
    await opts.onHostReport?.(report, s);
    return s;
  } catch (e) {
    if (isProgrammingError(e)) throw e; // a bug of ours is not a failed host: the fleet stops, exit 2, with the stack
    return failedSummary(fallback, input.target, `scan failed: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    if (tempRoot) await removeTempDir(tempRoot);
  }
}

/** The fleet verdict: counts over hosts and fleet findings; status the worst host's, fleet findings included. */
export function fleetVerdict(
  hosts: readonly HostSummary[],
  findings: readonly FleetFinding[],
  failOn: Verdict['failOn'],
  stage?: Stage,
): Verdict {
  const post = stage === 'post';
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let waived = 0;
  const statuses: VerdictStatus[] = [];
  let failedHosts = 0;
  for (const h of hosts) {
    if (h.status === 'failed') failedHosts++;
    if (!h.verdict) continue;
    for (const s of SEVERITIES) counts[s] += h.verdict.counts[s] ?? 0;
    waived += h.verdict.waived ?? 0;
    statuses.push(h.verdict.status);
  }
  for (const f of findings) {
    if (f.waiver) waived++;
    else {
      counts[f.severity]++;
      if (post) statuses.push(f.severity === 'info' ? 'verified' : f.severity === 'low' ? 'verified-with-warnings' : 'incomplete');
      else statuses.push(f.severity === 'critical' ? 'not-ready' : f.severity === 'info' ? 'ready' : 'ready-with-warnings');
    }
  }
  // A status this version does not know ranks below every known one.
  const rank = (s: VerdictStatus) => (STATUS_PRECEDENCE.includes(s) ? STATUS_PRECEDENCE.indexOf(s) : STATUS_PRECEDENCE.length);
  // A server that could not be scanned is not ready (issue 14): its state is unknown, so the fleet is not-ready
  // and the gate fails at any --fail-on but none, as `gate` judges a saved fleet report.
  if (failedHosts) statuses.push(post ? 'incomplete' : 'not-ready');
  const status = statuses.length ? statuses.reduce((a, b) => (rank(b) < rank(a) ? b : a)) : 'nothing-to-upgrade';
  const gate = (failedHosts > 0 && failOn !== 'none') || SEVERITIES.some((s) => counts[s] > 0 && atOrAbove(s, failOn)) ? 'fail' : 'pass';
  return { status, failOn, counts, waived, gate };
}

/**
 * Fleet-level waiver statuses: applied anywhere wins, then expired, then unused. Each host's status is found by
 * the waiver itself (rule, host, finding, reason, expiry), never by its position in a host's list.
 */
function mergeWaivers(entries: WaiverEntry[], hosts: readonly HostSummary[], fleetApplied: WaiverStatus[]): WaiverStatus[] {
  const known = new Set(KNOWN_RULE_IDS().map((id) => id.toUpperCase()));
  return entries.map((w, i) => {
    const key = waiverKey(w);
    const seen = [fleetApplied[i]?.status, ...hosts.map((h) => h.waivers.find((x) => waiverKey(x) === key)?.status)];
    const status: WaiverStatus['status'] = !known.has(w.rule.toUpperCase())
      ? 'unknown-rule'
      : seen.includes('expired')
        ? 'expired'
        : seen.includes('applied')
          ? 'applied'
          : 'unused';
    return withStatus(w, status);
  });
}

/**
 * Scans or reads every TARGET with bounded concurrency, keeping one small summary per host (never the reports),
 * then plans the waves and runs the cross-host rules.
 */
export async function runFleet(targets: string[], opts: FleetOptions): Promise<{ report: FleetReport; hosts: HostSummary[] }> {
  const inputs = await expandTargets(targets);
  const limit = pLimit(Math.max(1, opts.jobs ?? 1));
  let done = 0;
  const hosts = await Promise.all(
    inputs.map((input) =>
      limit(async () => {
        const s = await oneHost(input, opts);
        opts.onProgress?.(++done, inputs.length, s);
        return s;
      }),
    ),
  );
  hosts.sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase()
      ? -1
      : a.name.toLowerCase() > b.name.toLowerCase()
        ? 1
        : a.target < b.target
          ? -1
          : a.target > b.target
            ? 1
            : 0,
  );

  let findings = runFleetRules({ hosts, targetVersion: opts.targetVersion, stage: opts.stage, goal: opts.goal });
  let fleetWaivers: WaiverStatus[] = [];
  if (opts.waivers) {
    // Waivers match a fleet finding by its host, as they match a host's findings.
    const out: FleetFinding[] = [];
    const statuses: WaiverStatus['status'][][] = opts.waivers.entries.map(() => []);
    for (const host of [...new Set(findings.map((f) => f.host))]) {
      const mine = findings.filter((f) => f.host === host);
      const r = applyWaivers(mine, opts.waivers.entries, { host, now: opts.now, knownRuleIds: KNOWN_RULE_IDS() });
      out.push(...r.findings.map((f, i) => ({ ...f, host: mine[i].host })));
      r.waivers.forEach((w, i) => statuses[i].push(w.status));
    }
    findings = sortFindings<FleetFinding>(out);
    fleetWaivers = opts.waivers.entries.map((w, i) =>
      withStatus(w, statuses[i].includes('applied') ? 'applied' : (statuses[i][0] ?? 'unused')),
    );
  }
  const digest = createHash('sha256');
  // Over what was read (each host's own digest), not where it lay: copies of the same evidence digest the same.
  for (const h of hosts) digest.update(`${h.name}\u0000${h.status}\u0000${h.inputDigest ?? h.reason ?? ''}\n`);
  const report: FleetReport = {
    schemaVersion: 1,
    tool: { name: 'mfa-readiness', version: TOOL_VERSION, rulesetVersion: RULESET_VERSION },
    scan: {
      startedAt: opts.now,
      target: { kind: 'fleet', location: targets.join(' ') },
      targetVersion: opts.targetVersion,
      stage: opts.stage,
      ...(opts.goal === 'migrate' ? { goal: opts.goal } : {}),
      inputDigest: `sha256:${digest.digest('hex')}`,
    },
    hosts: hosts.map((h) => ({
      name: h.name,
      target: h.target,
      status: h.status,
      reason: h.reason,
      verdict: h.verdict,
      roles: h.roles,
      upgradePath: h.upgradePath,
      hostRole: h.hostRole,
      // At stage post only (other fleet reports keep their bytes): not upgraded at all, partly, or upgraded.
      ...(opts.stage === 'post' ? { upgrade: h.upgrade ?? null } : {}),
    })),
    waves: buildWaves(hosts, { goal: opts.goal }),
    findings,
    verdict: fleetVerdict(hosts, findings, opts.failOn, opts.stage),
    waivers: opts.waivers ? mergeWaivers(opts.waivers.entries, hosts, fleetWaivers) : [],
  };
  return { report, hosts };
}
