/** Shared by the collect tests: scan a folder in-process and reduce a report to what must agree. */
import { BundleHost } from '../../src/host/bundle.js';
import { scanTarget } from '../../src/scan.js';
import type { Report, Stage } from '../../src/types.js';

export const NOW = '2026-11-21T09:00:00Z';

export async function scanFolder(dir: string, stage: Stage = 'pre'): Promise<Report> {
  const t = await BundleHost.open(dir);
  const { report } = await scanTarget(t, { targetVersion: '8.1', stage, failOn: 'critical', now: NOW });
  return report;
}

/** What a scan of the collected bundle and a scan of the host itself must agree on. */
export function outcome(r: Report): object {
  return {
    upgradePath: r.inventory.upgradePath,
    hostRole: r.host.hostRole,
    verdict: r.verdict.status,
    fired: [...new Set(r.findings.map((f) => f.ruleId))].sort(),
    findings: r.findings.map((f) => `${f.ruleId} ${f.outcome} ${f.severity} ${f.component}`).sort(),
    plan: r.plan.map((s) => s.id),
    components: r.inventory.components.map((c) => `${c.component} ${c.version} ${c.installPath} ${c.virtualDirectory}`).sort(),
  };
}

/** The stage a fixture is scanned at (its expected.json flags). */
export function stageOf(flags: string[] | undefined): Stage {
  const i = (flags ?? []).indexOf('--stage');
  return i >= 0 ? (flags![i + 1] as Stage) : 'pre';
}
