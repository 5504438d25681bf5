import type { ComponentId, Report, SdkUrlFact } from '../types.js';
import type { Host } from '../host/types.js';
import { INSTALLERS } from '../probes/index.js';
import type { FleetSdkUrl, HostSummary } from './types.js';

/** A report, possibly with the SDK URLs of every config (an addition the lead may make to the inventory). */
type ReportMaybeUrls = Report & { inventory: Report['inventory'] & { sdkUrls?: SdkUrlFact[] } };

function parseUrl(component: ComponentId, file: string, url: string): FleetSdkUrl | null {
  try {
    const u = new URL(url.trim());
    return {
      component,
      file,
      url: url.trim(),
      host: u.hostname.toLowerCase(),
      vdir: decodeURIComponent(u.pathname.split('/').filter(Boolean)[0] ?? ''),
    };
  } catch {
    return null;
  }
}

/** Which component a config file belongs to: the component whose install folder holds it. */
function componentOfFile(report: Report, file: string): ComponentId {
  const f = file.toLowerCase();
  if (/adfsadapter\.config$/i.test(f)) return 'adfs-adapter';
  const c = report.inventory.components.find(
    (x) =>
      x.installPath &&
      (x.component === 'user-portal' || x.component === 'mobile-app') &&
      f.startsWith(x.installPath.toLowerCase().replace(/\\?$/, '\\')),
  );
  return c?.component ?? 'user-portal';
}

/**
 * The SDK URLs a host's configs point at. From `inventory.sdkUrls` where the report has it; otherwise from the
 * evidence of the findings that quote them (MFA-CFG-001, MFA-VDIR-002: `setting = URL`), which covers only some
 * configs: then null unless some were found (the rules report `unknown` for a web or AD FS host without any).
 */
export function sdkUrlsOf(report: ReportMaybeUrls): FleetSdkUrl[] | null {
  const out = new Map<string, FleetSdkUrl>();
  if (Array.isArray(report.inventory.sdkUrls)) {
    for (const u of report.inventory.sdkUrls) {
      const p = parseUrl(u.component, u.file, u.url);
      if (p) out.set(`${p.file}|${p.url}`.toLowerCase(), p);
    }
    return [...out.values()];
  }
  for (const f of report.findings) {
    if (f.ruleId !== 'MFA-CFG-001' && f.ruleId !== 'MFA-VDIR-002') continue;
    for (const e of f.evidence) {
      const m = /=\s*(https?:\/\/\S+)\s*$/i.exec(e.observed);
      if (!m || e.source !== 'file') continue;
      const p = parseUrl(componentOfFile(report, e.location), e.location, m[1]);
      if (p) out.set(`${p.file}|${p.url}`.toLowerCase(), p);
    }
  }
  return out.size ? [...out.values()].sort((a, b) => (a.file + a.url < b.file + b.url ? -1 : 1)) : null;
}

/** Installers in an MFA Server's install folder, checked through the target (read-only stat of a few names). */
export async function installersOf(report: Report, target: Host | null): Promise<HostSummary['installers']> {
  if (!target || report.host.hostRole !== 'mfa-host') return null;
  const server = report.inventory.components.find((c) => (c.component === 'server' || c.component === 'agent') && c.installPath);
  if (!server?.installPath) return null;
  const folder = server.installPath.replace(/\\+$/, '');
  const present: string[] = [];
  for (const name of Object.values(INSTALLERS)) {
    if (name && (await target.stat(`${folder}\\${name}`))?.isFile) present.push(name);
  }
  return { folder, present };
}

/** The small per-host record the fleet keeps (everything else of the report is dropped). */
export function summarize(
  report: Report,
  o: { name: string; target: string; status: 'scanned' | 'read'; installers: HostSummary['installers']; aliases?: string[] },
): HostSummary {
  const inv = report.inventory;
  const stepIds = new Set(report.plan.map((s) => s.id));
  return {
    name: o.name,
    target: o.target,
    status: o.status,
    reason: null,
    verdict: report.verdict,
    roles: report.host.roles,
    upgradePath: inv.upgradePath,
    hostRole: report.host.hostRole ?? null,
    ...(report.change ? { upgrade: upgradeOf(report.change) } : {}),
    components: inv.components.map((c) => ({
      component: c.component,
      version: c.version,
      virtualDirectory: c.virtualDirectory,
      installPath: c.installPath,
    })),
    // A report from before virtualDirectories existed, or an IIS that could not be read, tells nothing.
    virtualDirectories:
      Array.isArray(inv.virtualDirectories) &&
      (inv.virtualDirectories.length > 0 || inv.components.every((c) => c.virtualDirectoryKnown !== false))
        ? [...new Set(inv.virtualDirectories.map((v) => v.urlPath))].sort()
        : null,
    boundHostNames: [...new Set(((inv as { boundHostNames?: string[] }).boundHostNames ?? []).map((n) => n.toLowerCase()))].sort(),
    aliases: [...new Set((o.aliases ?? []).map((n) => n.trim().toLowerCase()).filter(Boolean))].sort(),
    sdkUrls: sdkUrlsOf(report),
    installers: o.installers,
    plan: report.plan.map((s) => ({
      id: s.id,
      action: s.action,
      component: s.component,
      phase: s.phase,
      title: s.title,
      detail: s.detail ?? '',
    })),
    // Only what a step is for: the runbook shows it beside the step; the rest stays in the host's own report.
    findings: report.findings
      // Info findings (the inventory) call for every step and say nothing to do: left out.
      .filter((f) => !f.waiver && f.severity !== 'info' && (f.planSteps ?? []).some((id) => stepIds.has(id)))
      .map((f) => ({
        id: f.id,
        ruleId: f.ruleId,
        severity: f.severity,
        outcome: f.outcome,
        title: f.title,
        message: f.message,
        planSteps: f.planSteps,
      })),
    waivers: report.waivers ?? [],
    inputDigest: report.scan?.inputDigest ?? null,
  };
}

export function failedSummary(name: string, target: string, reason: string): HostSummary {
  return {
    name,
    target,
    status: 'failed',
    reason,
    verdict: null,
    roles: null,
    upgradePath: null,
    hostRole: null,
    components: [],
    virtualDirectories: null,
    boundHostNames: [],
    aliases: [],
    sdkUrls: null,
    installers: null,
    plan: [],
    findings: [],
    waivers: [],
    inputDigest: null,
  };
}

/**
 * Stage post: did the host's parts reach the target? Only with the report of before (a baseline): without it
 * every part is `unknown` and so is this. Parts the procedure removes or leaves installed do not count.
 */
export function upgradeOf(change: NonNullable<Report['change']>): HostSummary['upgrade'] {
  if (!change.baseline) return null;
  const counted = change.components.filter((c) => c.status === 'upgraded' || c.status === 'added' || c.status === 'below-target');
  if (counted.length === 0) return null;
  const below = counted.filter((c) => c.status === 'below-target').length;
  return below === 0 ? 'upgraded' : below === counted.length ? 'not-upgraded' : 'partly-upgraded';
}
