import { schemaValidator } from '../report/schema.js';
import { compileTemplates } from '../report/templating.js';
import { humanTime, mdEscape, slug, visible } from '../report/text.js';
import { SEVERITY_LABELS, STATUS_LABELS, verdictView } from '../report/view.js';
import type { FleetReport } from './types.js';

/** Stage post: a host's parts against the target, as the person closing the change reads it. */
const UPGRADE_LABELS: Record<'upgraded' | 'partly-upgraded' | 'not-upgraded', string> = {
  upgraded: 'upgraded',
  'partly-upgraded': 'partly upgraded',
  'not-upgraded': 'not upgraded at all',
};

/** The fleet JSON: keys in the order schemas/fleet.schema.json and docs/fleet.md give them (built in that order), 2-space indent, trailing newline. */
export function renderFleetJson(report: FleetReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Validates a fleet report against schemas/fleet.schema.json. */
export const validateFleetReport = schemaValidator('fleet.schema.json');

const SUMMARY: Record<string, string> = {
  'not-ready': 'Critical findings are open on some server or across the fleet: do not start the window until they are resolved or waived.',
  'ready-with-warnings': 'No critical findings are open; the findings below still need attention before or during the window.',
  ready: 'No open findings above info: the window can go ahead in the order below.',
  'up-to-date': 'Every server is at or above the target release.',
  'nothing-to-upgrade': 'No MFA Server component was found on any server.',
  verified: 'After the window: every server verified against its report of before.',
  'verified-with-warnings': 'After the window: every server upgraded; low findings are left to do (see each server).',
  incomplete:
    'After the window: the upgrade is not complete on some server (or a server could not be scanned): see the servers and findings below.',
};

/** The view behind fleet.html.hbs and fleet.md.hbs; `esc` as in src/report/view.ts. */
export function buildFleetView(report: FleetReport, rawEsc: (s: string) => string) {
  const esc = (s: string) => rawEsc(visible(String(s)));
  const opt = (s: string | null | undefined) => (s === null || s === undefined || s === '' ? null : esc(s));
  const v = report.verdict;
  return {
    title: `MFA Server upgrade plan: ${report.hosts.length} server(s)`,
    targetVersion: esc(report.scan.targetVersion),
    startedAt: esc(humanTime(report.scan.startedAt)),
    tool: `${esc(report.tool.name)} ${esc(report.tool.version)}`,
    rulesetVersion: esc(report.tool.rulesetVersion),
    inputDigest: esc(report.scan.inputDigest),
    verdict: {
      ...verdictView(v, esc, SUMMARY),
      hosts: report.hosts.length,
      failed: report.hosts.filter((h) => h.status === 'failed').length,
    },
    waves: report.waves.map((w) => {
      // Waves of one slot can run at the same time (different replication groups, pools, farms).
      const alongside = w.slot === undefined ? [] : report.waves.filter((o) => o !== w && o.slot === w.slot).map((o) => o.order);
      // Beside the waves that work on a server (the shared first and last waves name every server: not there).
      const fleetFindings =
        w.kind === 'before-window' || w.kind === 'after-upgrade'
          ? []
          : report.findings.filter((f) => w.hosts.includes(f.host) && !f.waiver);
      return {
        order: w.order,
        anchor: slug('wave', String(w.order)),
        title: esc(w.title),
        hosts: w.hosts.map(esc).join(', '),
        slot: w.slot ?? null,
        track: opt(w.track),
        alongside: alongside.length ? alongside.join(', ') : null,
        alongsideLinks: alongside.map((o) => ({ order: o, anchor: slug('wave', String(o)) })),
        fleetFindings: fleetFindings.map((f) => ({
          anchor: slug('finding', f.id),
          ruleId: esc(f.ruleId),
          host: esc(f.host),
          severity: f.severity,
          severityLabel: SEVERITY_LABELS[f.severity] ?? esc(f.severity),
          title: esc(f.title),
        })),
        steps: w.steps.map((s, i) => ({
          n: i + 1,
          host: esc(s.host),
          id: esc(s.id),
          action: esc(s.action),
          component: esc(s.component),
          title: esc(s.title),
          detail: opt(s.detail),
          findings: (s.findings ?? []).map((f) => ({
            ruleId: esc(f.ruleId),
            severity: f.severity,
            severityLabel: SEVERITY_LABELS[f.severity] ?? esc(f.severity),
            title: esc(f.title),
            message: esc(f.message),
            unknown: f.outcome === 'unknown',
          })),
        })),
      };
    }),
    hosts: report.hosts.map((h) => ({
      name: esc(h.name),
      target: esc(h.target),
      status: h.status,
      failed: h.status === 'failed',
      reason: opt(h.reason),
      verdict: h.verdict ? (STATUS_LABELS[h.verdict.status] ?? esc(h.verdict.status)) : null,
      verdictStatus: h.verdict?.status ?? 'failed',
      gate: h.verdict?.gate ?? null,
      hostRole: opt(h.hostRole),
      upgradePath: opt(h.upgradePath),
      upgrade: h.upgrade ? UPGRADE_LABELS[h.upgrade] : null,
      replication: h.roles?.replication ? esc(h.roles.replication) : null,
      group: opt(h.roles?.replicationGroup),
      farm: opt(h.roles?.adfsFarm),
    })),
    findings: report.findings.map((f) => ({
      id: esc(f.id),
      anchor: slug('finding', f.id),
      ruleId: esc(f.ruleId),
      host: esc(f.host),
      severity: f.severity,
      severityLabel: SEVERITY_LABELS[f.severity] ?? esc(f.severity),
      unknown: f.outcome === 'unknown',
      title: esc(f.title),
      message: esc(f.message),
      evidence: f.evidence.map((e) => ({ source: esc(e.source), location: esc(e.location), observed: esc(e.observed) })),
      waiver: f.waiver ? { reason: esc(f.waiver.reason), expires: opt(f.waiver.expires) } : null,
    })),
    waivers: report.waivers.map((w) => ({
      rule: esc(w.rule),
      host: opt(w.host),
      reason: esc(w.reason),
      expires: opt(w.expires),
      status: w.status ?? 'unused',
    })),
  };
}

/** Self-contained HTML (inline CSS shared with the host report, every value escaped by Handlebars). */
export function renderFleetHtml(report: FleetReport, opts: { templateDir?: string } = {}): string {
  const render = compileTemplates('fleet.html.hbs', ['styles'], { templateDir: opts.templateDir, noEscape: false });
  return render(buildFleetView(report, (s) => s));
}

/** Markdown: values Markdown-escaped in the view, template compiled with noEscape (as the host report). */
export function renderFleetMarkdown(report: FleetReport, opts: { templateDir?: string } = {}): string {
  const render = compileTemplates('fleet.md.hbs', [], { templateDir: opts.templateDir, noEscape: true });
  return render(buildFleetView(report, mdEscape))
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\s*$/, '\n');
}
