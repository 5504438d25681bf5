import type { Change, ChangeComponent, ComponentFact, ComponentId, Facts, PlanStep, ScanOptions } from '../types.js';
import { compareVersions } from '../util/version.js';
import { goneByProcedure, notCarriedOver, sameVdir } from './compare.js';

/**
 * The report's `change` section at stage post: the change side by side, each part's version and virtual directory
 * before and after, the settings carried over, the themes, and the plan steps left. Before comes from the
 * --baseline report; without it, `before` is null and a part's status `unknown` (MFA-POST-019 says why).
 */

const ORDER: readonly ComponentId[] = ['agent', 'server', 'user-portal', 'mobile-app', 'web-service-sdk', 'adfs-adapter'];
const byOrder = (a: { component: ComponentId }, b: { component: ComponentId }) => ORDER.indexOf(a.component) - ORDER.indexOf(b.component);

function status(
  before: ComponentFact | undefined,
  after: ComponentFact | undefined,
  opts: ScanOptions,
  hasBaseline: boolean,
): ChangeComponent['status'] {
  const target8 = compareVersions(opts.targetVersion, '8.0') >= 0;
  if (!after) return goneByProcedure(before!.component, target8) ? 'removed-by-procedure' : 'removed';
  if (after.component === 'agent' || (after.component === 'mobile-app' && target8)) return 'left-installed';
  if (!after.version) return 'unknown';
  if (compareVersions(after.version, opts.targetVersion) < 0) return 'below-target';
  if (hasBaseline && !before) return 'added';
  return 'upgraded';
}

export function buildChange(facts: Facts, opts: ScanOptions, plan: readonly PlanStep[]): Change {
  const b = opts.baseline ?? null;
  const beforeParts = b?.report.inventory.components ?? [];
  const ids = [...new Set([...beforeParts.map((c) => c.component), ...facts.components.map((c) => c.component)])].map((component) => ({
    component,
  }));
  ids.sort(byOrder);
  const components: Change['components'] = [];
  const virtualDirectories: Change['virtualDirectories'] = [];
  for (const { component } of ids) {
    const before = beforeParts.find((c) => c.component === component);
    const after = facts.components.find((c) => c.component === component);
    components.push({
      component,
      before: before?.version ?? null,
      after: after?.version ?? null,
      status: status(before, after, opts, !!b),
    });
    const bv = before?.virtualDirectory ?? null;
    const av = after?.virtualDirectory ?? null;
    if (bv !== null || av !== null)
      virtualDirectories.push({ component, before: bv, after: av, renamed: bv !== null && av !== null ? !sameVdir(bv, av) : null });
  }
  const settings: Change['settings'] = (facts.post?.settings ?? []).map((s) => ({
    component: s.component,
    saved: s.saved,
    current: s.current,
    compared: s.differences !== null,
    notCarriedOver: s.differences ? notCarriedOver(s.differences).map((d) => d.setting) : [],
    releaseChanges: (s.differences ?? []).filter((d) => d.kind !== 'changed').length,
  }));
  const t = facts.post?.themes;
  const afterThemes = (facts.userPortal?.themes ?? [])
    .filter((x) => x.custom)
    .map((x) => x.name)
    .sort((x, y) => x.localeCompare(y));
  const themes: Change['themes'] = t
    ? {
        before: t.custom,
        after: afterThemes,
        missing: t.custom.filter((n) => !afterThemes.some((a) => a.toLowerCase() === n.toLowerCase())),
      }
    : null;
  return {
    baseline: b ? { file: b.file, startedAt: b.report.scan.startedAt, inputDigest: b.report.scan.inputDigest } : null,
    components,
    virtualDirectories,
    settings,
    themes,
    left: plan.map((s) => s.id),
  };
}
