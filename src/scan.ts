import type { Finding, Replication, Report, ScanOptions, WaiverEntry, WaiverStatus } from './types.js';
import type { Host } from './host/types.js';
import { runProbes } from './probes/index.js';
import { runRules, sortFindings } from './rules/engine.js';
import { RULES, RULESET_VERSION } from './rules/index.js';
import { FLEET_RULES } from './fleet/rules/index.js';
import { buildPlan, linkFindings } from './plan/index.js';
import { computeVerdict, NOTHING_TO_UPGRADE_RULE } from './report/verdict.js';
import { applyWaivers, raiseExpiredWaivers } from './report/waivers.js';
import { redactText } from './xml/redact.js';
import { TOOL_VERSION } from './version.js';
import type { RuleMeta } from './rules/types.js';
import { checkBaselineHost } from './post/baseline.js';
import { buildChange } from './post/change.js';
import { migrationSummary } from './rules/migration.js';

export interface ScanRequest extends ScanOptions {
  role?: Replication;
  backupDirs?: string[];
  /** --adapter-files: where the new AD FS adapter files were copied (Windows path on the host). */
  adapterFiles?: string;
  waivers?: { file: string; entries: WaiverEntry[] };
}

export interface ScanResult {
  report: Report;
  /** Rules that ran, for JUnit. */
  ran: RuleMeta[];
}

/** Safety net over every string a report carries from the target: connection-string and URL passwords and private keys never pass. */
function scrub(findings: Finding[]): Finding[] {
  return findings.map((f) => ({
    ...f,
    message: redactText(f.message),
    evidence: f.evidence.map((e) => ({ ...e, observed: redactText(e.observed) })),
  }));
}

/** Each rule's link to the plan steps its findings call for (the plan reads no rule code). */
const RULE_STEPS = new Map(RULES.map((r) => [r.meta.id, r.meta.planSteps ?? []]));

/** The same safety net over every string of a part of the report (the inventory: registry and config values seen). */
function scrubStrings<T>(v: T): T {
  if (typeof v === 'string') return redactText(v) as T;
  if (Array.isArray(v)) return v.map(scrubStrings) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubStrings(x)])) as T;
  return v;
}

/** The whole pipeline for one host: probes -> rules -> waivers -> plan -> verdict -> report. */
export async function scanTarget(target: Host, req: ScanRequest): Promise<ScanResult> {
  const facts = await runProbes(target, {
    role: req.role,
    backupDirs: req.backupDirs,
    adapterFiles: req.adapterFiles,
    stage: req.stage,
    baseline: req.baseline,
  });
  if (req.baseline) checkBaselineHost(req.baseline, facts.host.name);
  const run = runRules(facts, req);
  let findings = run.findings;
  let waivers: WaiverStatus[] = [];
  if (req.waivers) {
    const applied = applyWaivers(findings, req.waivers.entries, {
      host: facts.host.name,
      now: req.now,
      // The whole catalog, host and fleet rules, as gate and fleet know it: one status for one waiver file.
      knownRuleIds: [...RULES, ...FLEET_RULES].map((r) => r.meta.id),
    });
    findings = applied.findings;
    waivers = applied.waivers;
    findings.push(...raiseExpiredWaivers(findings, waivers, facts.host.name, req.waivers.file));
  }
  const plan = buildPlan({ facts, upgradePath: run.upgradePath, findings, opts: req, ruleSteps: RULE_STEPS });
  findings = sortFindings(scrub(linkFindings(findings, plan)));
  // At goal migrate a server at the target with migration steps left (configure, consent) is not up to date.
  const verdictPath = req.goal === 'migrate' && run.upgradePath === 'none' && plan.length > 0 ? 'in-place' : run.upgradePath;
  const verdict = computeVerdict(
    findings,
    verdictPath,
    findings.some((f) => f.ruleId === NOTHING_TO_UPGRADE_RULE && !f.waiver),
    req.failOn,
    facts.components.length > 0,
    req.stage,
  );
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'mfa-readiness', version: TOOL_VERSION, rulesetVersion: RULESET_VERSION },
    scan: {
      startedAt: req.now,
      target: { kind: target.kind, location: target.location },
      targetVersion: req.targetVersion,
      stage: req.stage,
      // Written at goal migrate only, so upgrade reports keep their bytes (absent means upgrade).
      ...(req.goal === 'migrate' ? { goal: req.goal } : {}),
      inputDigest: target.inputDigest(),
    },
    host: { name: facts.host.name, os: facts.host.os, roles: facts.host.roles, hostRole: facts.host.hostRole },
    inventory: scrubStrings({
      upgradePath: run.upgradePath,
      components: facts.components,
      prerequisites: { dotnet: facts.dotnet, vcredist: facts.vcredist },
      virtualDirectories: facts.iis.virtualDirectories,
      sdkUrls: facts.sdkUrls,
      boundHostNames: facts.iis.boundHostNames,
    }),
    verdict,
    waivers,
    findings,
    plan,
    ...(req.goal === 'migrate' ? { migration: migrationSummary(facts) } : {}),
    // Stage post: the change side by side (src/post/change.ts).
    ...(req.stage === 'post' ? { change: scrubStrings(buildChange(facts, req, plan)) } : {}),
    problems: [...facts.problems]
      .map((p) => ({ ...p, message: redactText(p.message) }))
      .sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : a.message < b.message ? -1 : 1)),
  };
  return { report, ran: run.ran.concat(req.waivers ? RULES.filter((r) => r.meta.id === 'MFA-WVR-001').map((r) => r.meta) : []) };
}
