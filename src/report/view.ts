/**
 * The view model behind the HTML and Markdown templates: every derived value (labels, groups,
 * anchors, links) is computed here so templates only lay it out. `esc` is applied to every
 * string that came from the report (target values, rule texts, waiver files): identity for
 * HTML (Handlebars escapes `{{ }}`), Markdown escaping for Markdown (compiled with noEscape).
 * Labels and anchors are ours and never escaped.
 */
import { SEVERITIES, type Finding, type PlanPhase, type Report, type Severity, type Verdict } from '../types.js';
import { compareFindings } from './verdict.js';
import { humanDate, humanTime, incompleteness, slug, visible } from './text.js';
export { incompleteness };
import { procedureOfRule, ruleDocPath } from './procedures.js';
import { changeView } from './change.js';

type Esc = (s: string) => string;

export const STATUS_LABELS: Record<string, string> = {
  'not-ready': 'Not ready',
  'ready-with-warnings': 'Ready with warnings',
  ready: 'Ready',
  'up-to-date': 'Up to date',
  'nothing-to-upgrade': 'Nothing to upgrade',
  verified: 'Verified',
  'verified-with-warnings': 'Verified with warnings',
  incomplete: 'Upgrade incomplete',
};
const STATUS_SUMMARY: Record<string, string> = {
  'not-ready': 'Critical findings are open: do not start the upgrade until they are resolved or waived.',
  'ready-with-warnings': 'No critical findings are open; the findings below still need attention before or during the window.',
  ready: 'No open findings above info: the upgrade can go ahead as planned.',
  'up-to-date': 'Every component is at or above the target release: there is nothing to upgrade on this host.',
  'nothing-to-upgrade': 'No MFA Server component was found on this host: there is nothing to upgrade.',
  verified: 'The upgrade landed as planned: every check after the window passed.',
  'verified-with-warnings': 'The upgrade landed; the low findings below are left to do (see the plan).',
  incomplete: 'The upgrade is not complete: the findings below must be resolved (or waived) before the change is closed.',
};
export const PHASES: { phase: PlanPhase; label: string }[] = [
  { phase: 'before-window', label: 'Before the window' },
  { phase: 'in-window', label: 'In the window' },
  { phase: 'after-upgrade', label: 'After the upgrade' },
];
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
const PATH_LABELS: Record<string, string> = {
  'phonefactor-agent': 'PhoneFactor Agent to MFA Server (uninstall and reinstall)',
  'in-place': 'In-place upgrade of MFA Server',
  none: 'None',
};
const COMPONENT_LABELS: Record<string, string> = {
  agent: 'PhoneFactor Agent',
  server: 'MFA Server',
  'user-portal': 'User Portal',
  'mobile-app': 'Mobile App Web Service',
  'web-service-sdk': 'Web Service SDK',
  'adfs-adapter': 'AD FS adapter',
  host: 'Host',
  data: 'Data file',
  prerequisites: 'Prerequisites',
};
const OUTCOME_LABELS: Record<string, string> = { fail: 'failed', unknown: 'could not be determined' };
/** Components with a web part (an IIS virtual directory); the others never have one, so "unknown" would mislead. */
const WEB_COMPONENTS = new Set(['user-portal', 'mobile-app', 'web-service-sdk']);

/** What a finding's outcome means to a reader: an info finding that "fails" only notes something (the inventory). */
export function outcomeLabel(f: Pick<Finding, 'outcome' | 'severity'>): string {
  if (f.outcome === 'fail' && f.severity === 'info') return 'noted';
  return OUTCOME_LABELS[f.outcome] ?? f.outcome;
}

/** A string as a CSS string literal's content: everything but letters and digits as a hex escape. */
export function cssString(s: string): string {
  return [...s].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('');
}

const label = (map: Record<string, string>, key: string, esc: Esc): string => map[key] ?? esc(key);
const opt = (s: string | null | undefined, esc: Esc): string | null => (s === null || s === undefined || s === '' ? null : esc(s));

/**
 * The verdict box both the host report and the fleet report show: status with its label and a summary,
 * the gate, and the counts by severity. `summaries` lets the fleet say "some server" where a host says "this".
 */
export function verdictView(v: Verdict, esc: Esc, summaries: Record<string, string> = STATUS_SUMMARY) {
  return {
    status: v.status,
    statusLabel: label(STATUS_LABELS, v.status, esc),
    summary: summaries[v.status] ?? '',
    gate: v.gate,
    gateLabel: v.gate === 'fail' ? 'FAIL' : 'PASS',
    failOn: esc(v.failOn),
    counts: SEVERITIES.map((s) => ({ severity: s, label: SEVERITY_LABELS[s], count: v.counts[s] ?? 0 })),
    waived: v.waived,
  };
}

/** Findings and plan in the report's documented order, whatever order they were handed in. */
export function normalizeReport(report: Report): Report {
  return {
    ...report,
    findings: [...report.findings].sort(compareFindings),
    plan: [...report.plan].sort((a, b) => a.order - b.order),
  };
}

export function buildView(input: Report, rawEsc: Esc) {
  const report = normalizeReport(input);
  // Control characters are made visible in every format, whatever the escaping.
  const esc: Esc = (s) => rawEsc(visible(String(s)));
  const firstFindingOfRule = new Map<string, Finding>();
  for (const f of report.findings) if (!firstFindingOfRule.has(f.ruleId)) firstFindingOfRule.set(f.ruleId, f);
  const stepById = new Map(report.plan.map((s) => [s.id, s]));
  const v = report.verdict;
  const hostName = report.host.name ? esc(report.host.name) : 'unknown host';

  const ruleLink = (ruleId: string) => {
    const f = firstFindingOfRule.get(ruleId);
    return { ruleId: esc(ruleId), anchor: f ? slug('finding', f.id) : null };
  };

  const steps = report.plan.map((s) => ({
    order: s.order,
    id: esc(s.id),
    anchor: slug('step', s.id),
    action: esc(s.action),
    component: label(COMPONENT_LABELS, s.component, esc),
    phase: s.phase,
    title: esc(s.title),
    detail: opt(s.detail, esc),
    because: s.because.map(ruleLink),
    dependsOn: s.dependsOn.map((d) => ({ id: esc(d), anchor: slug('step', d), order: stepById.get(d)?.order ?? null })),
  }));
  const knownPhases = new Set(PHASES.map((p) => p.phase));
  const phases = [
    ...PHASES,
    // A phase this version does not know (enums may grow) still shows, after ours.
    ...[...new Set(report.plan.map((s) => s.phase).filter((p) => !knownPhases.has(p)))].sort().map((p) => ({ phase: p, label: esc(p) })),
  ]
    .map((p) => ({ phase: p.phase, label: p.label, steps: steps.filter((s) => s.phase === p.phase) }))
    .filter((p) => p.steps.length > 0);

  const findings = report.findings.map((f) => ({
    id: esc(f.id),
    anchor: slug('finding', f.id),
    ruleId: esc(f.ruleId),
    severity: f.severity,
    severityLabel: label(SEVERITY_LABELS, f.severity, esc),
    outcome: f.outcome,
    outcomeLabel: esc(outcomeLabel(f)),
    docs: ruleDocPath(f.ruleId),
    howToFix: f.planSteps
      .map((id) => stepById.get(id))
      .filter((s): s is NonNullable<typeof s> => !!s)
      .map((s) => ({ order: s.order, anchor: slug('step', s.id), title: esc(s.title), detail: opt(s.detail, esc), id: esc(s.id) })),
    procedure: (() => {
      const p = procedureOfRule(f.ruleId);
      if (!p) return null;
      const text = (t: string) => esc(t.replace(/`/g, ''));
      return { id: esc(p.id), text: text(p.text), page: text(p.page), section: text(p.section), url: p.url };
    })(),
    unknown: f.outcome === 'unknown',
    title: esc(f.title),
    message: esc(f.message),
    component: label(COMPONENT_LABELS, f.component, esc),
    evidence: f.evidence.map((e) => ({ source: esc(e.source), location: esc(e.location), observed: esc(e.observed) })),
    seed: f.seed && (f.seed.file || f.seed.section) ? { file: esc(f.seed.file), section: esc(f.seed.section) } : null,
    planSteps: f.planSteps.map((id) => ({ id: esc(id), anchor: slug('step', id), order: stepById.get(id)?.order ?? null })),
    waiver: f.waiver ? { reason: esc(f.waiver.reason), expires: f.waiver.expires ? esc(humanDate(f.waiver.expires)) : null } : null,
  }));

  const inv = report.inventory;
  const pre = inv.prerequisites;
  const vc = (r: typeof pre.vcredist.x64, arch: string) => ({
    name: `Visual C++ 2015+ runtime (${arch})`,
    state: !r.known ? 'could not be determined' : r.installed ? 'installed' : 'not installed',
    version: opt(r.version, esc),
    evidence: r.evidence.map((e) => ({ source: esc(e.source), location: esc(e.location), observed: esc(e.observed) })),
  });
  const prerequisites = [
    {
      name: '.NET Framework 4.x',
      state: !pre.dotnet.known ? 'could not be determined' : pre.dotnet.release !== null ? 'installed' : 'not installed',
      version: pre.dotnet.release !== null ? `Release ${pre.dotnet.release}` : null,
      evidence: pre.dotnet.evidence.map((e) => ({ source: esc(e.source), location: esc(e.location), observed: esc(e.observed) })),
    },
    vc(pre.vcredist.x64, 'x64'),
    vc(pre.vcredist.x86, 'x86'),
  ];

  const roles = report.host.roles;
  return {
    title: `MFA Server upgrade readiness: ${hostName}`,
    hostName,
    targetVersion: esc(report.scan.targetVersion),
    startedAt: esc(humanTime(report.scan.startedAt)),
    pageHost: cssString(visible(report.host.name ?? 'unknown host')),
    scanDate: esc(report.scan.startedAt.slice(0, 10)),
    verdict: {
      ...verdictView(v, esc),
      total: SEVERITIES.reduce((n, s) => n + (v.counts[s] ?? 0), 0),
      unknown: report.findings.filter((f) => !f.waiver && f.outcome === 'unknown').length,
      incomplete: opt(incompleteness(report).text, esc),
    },
    plan: { phases, count: steps.length },
    // Stage post: the change side by side (src/report/change.ts); null otherwise.
    change: changeView(report, esc),
    // --goal migrate: whether this server changes for the Migration Utility (src/rules/migration.ts); null otherwise.
    migration: report.migration
      ? {
          mustChange: report.migration.mustChange,
          role: esc(report.migration.role),
          why: esc(report.migration.why),
          migrationServer: opt(report.migration.migrationServer ?? null, esc),
          cloud: opt(report.migration.cloud ?? null, esc),
        }
      : null,
    findings,
    inventory: {
      upgradePath: label(PATH_LABELS, inv.upgradePath, esc),
      components: inv.components.map((c) => ({
        component: label(COMPONENT_LABELS, c.component, esc),
        displayName: opt(c.displayName, esc),
        version: opt(c.version, esc),
        installPath: opt(c.installPath, esc),
        installDate: c.installDate ? esc(humanDate(c.installDate)) : null,
        virtualDirectory: opt(c.virtualDirectory, esc),
        virtualDirectoryUnknown: WEB_COMPONENTS.has(c.component) && c.virtualDirectory === null && c.virtualDirectoryKnown === false,
        evidence: c.evidence.map((e) => ({ source: esc(e.source), location: esc(e.location), observed: esc(e.observed) })),
      })),
      prerequisites,
      virtualDirectories: (inv.virtualDirectories ?? []).map((d) => ({
        site: esc(d.site),
        urlPath: esc(d.urlPath),
        app: esc(d.app),
        vdir: esc(d.vdir),
        physicalPath: esc(d.physicalPath),
      })),
    },
    scan: {
      tool: `${esc(report.tool.name)} ${esc(report.tool.version)}`,
      rulesetVersion: esc(report.tool.rulesetVersion),
      startedAt: esc(humanTime(report.scan.startedAt)),
      startedAtIso: esc(report.scan.startedAt),
      targetKind: esc(report.scan.target.kind),
      targetLocation: esc(report.scan.target.location),
      targetVersion: esc(report.scan.targetVersion),
      stage:
        report.scan.stage === 'adfs'
          ? 'adfs (AD FS adapter swap)'
          : report.scan.stage === 'post'
            ? 'post (after the window)'
            : report.scan.stage
              ? `${esc(report.scan.stage)} (before the window)`
              : null,
      inputDigest: esc(report.scan.inputDigest),
      os:
        [report.host.os.caption, report.host.os.version, report.host.os.architecture]
          .filter((x): x is string => !!x)
          .map(esc)
          .join(', ') || null,
      hostRole: opt(report.host.hostRole, esc),
      replication: roles.replication ? esc(roles.replication) : 'unknown',
      replicationGroup: opt(roles.replicationGroup, esc),
      loadBalanced: roles.loadBalanced === null ? null : roles.loadBalanced ? 'yes' : 'no',
      adfsFarm: opt(roles.adfsFarm, esc),
      rolesSource: esc(roles.source),
      waivers: report.waivers.map((w) => ({
        rule: esc(w.rule),
        host: opt(w.host, esc),
        finding: opt(w.finding, esc),
        reason: esc(w.reason),
        expires: w.expires ? esc(humanDate(w.expires)) : null,
        status: w.status ?? 'unused',
      })),
      problems: report.problems.map((p) => ({ location: esc(p.location), message: esc(p.message) })),
    },
  };
}

/**
 * What a user's own template (`scan --template DIR`) is given: a public contract, listed field by field in
 * docs/templates.md; test/report/template-view.test.ts fails when a listed field disappears or changes type.
 * Fields are only added (and added to that page).
 */
export type ReportView = ReturnType<typeof buildView>;
