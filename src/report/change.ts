import type { Report } from '../types.js';

/**
 * The report's `change` section (stage post) as the HTML and Markdown show it and JUnit carries it: each part
 * before and after, each virtual directory, the settings carried over, the themes, and what is left (plan steps).
 */

type Esc = (s: string) => string;

const PART: Record<string, string> = {
  agent: 'PhoneFactor Agent',
  server: 'MFA Server',
  'user-portal': 'User Portal',
  'mobile-app': 'Mobile App Web Service',
  'web-service-sdk': 'Web Service SDK',
  'adfs-adapter': 'AD FS adapter',
};
const STATUS: Record<string, string> = {
  upgraded: 'upgraded',
  'below-target': 'below the target',
  removed: 'gone (not by the procedure)',
  'removed-by-procedure': 'removed, as the procedure says',
  'left-installed': 'still installed: to uninstall',
  added: 'new',
  unknown: 'unknown',
};

export function changeView(report: Report, esc: Esc) {
  const c = report.change;
  if (!c) return null;
  const v = (s: string | null, none = 'not installed') => (s === null ? none : esc(s));
  const planTitle = new Map(report.plan.map((s) => [s.id, s]));
  return {
    baseline: c.baseline
      ? { file: esc(c.baseline.file), startedAt: esc(c.baseline.startedAt), inputDigest: esc(c.baseline.inputDigest) }
      : null,
    components: c.components.map((x) => ({
      part: PART[x.component] ?? esc(x.component),
      before: c.baseline ? v(x.before, x.status === 'added' ? 'not installed' : 'unknown version') : 'unknown (no baseline)',
      after: v(x.after, x.status === 'removed' || x.status === 'removed-by-procedure' ? 'not installed' : 'unknown version'),
      status: STATUS[x.status] ?? esc(x.status),
      bad: x.status === 'below-target' || x.status === 'removed' || x.status === 'unknown',
    })),
    virtualDirectories: c.virtualDirectories.map((x) => ({
      part: PART[x.component] ?? esc(x.component),
      before: v(x.before, c.baseline ? 'none' : 'unknown (no baseline)'),
      after: v(x.after, 'none'),
      renamed: x.renamed === null ? 'unknown' : x.renamed ? 'renamed' : 'kept',
    })),
    settings: c.settings.map((x) => ({
      part: PART[x.component] ?? esc(x.component),
      saved: x.saved ? esc(x.saved) : 'no saved copy found',
      current: esc(x.current),
      result: !x.compared
        ? 'not compared'
        : x.notCarriedOver.length === 0
          ? 'carried over'
          : `not carried over: ${x.notCarriedOver.map(esc).join(', ')}`,
      releaseChanges: x.releaseChanges,
    })),
    themes: c.themes
      ? {
          before: c.themes.before.length ? c.themes.before.map(esc).join(', ') : 'none found',
          after: c.themes.after.length ? c.themes.after.map(esc).join(', ') : 'none',
          missing: c.themes.missing.length ? c.themes.missing.map(esc).join(', ') : null,
        }
      : null,
    left: c.left.map((id) => ({ id: esc(id), title: esc(planTitle.get(id)?.title ?? id), order: planTitle.get(id)?.order ?? null })),
  };
}

/** JUnit `<properties>` of the change: the baseline and each part's versions before and after. */
export function changeProperties(report: Report): [string, string][] {
  const c = report.change;
  if (!c) return [];
  const out: [string, string][] = [
    ['stage', report.scan.stage],
    ['change.baseline', c.baseline ? `${c.baseline.file} (${c.baseline.inputDigest})` : 'none'],
  ];
  for (const x of c.components) out.push([`change.${x.component}`, `${x.before ?? '-'} -> ${x.after ?? '-'} (${x.status})`]);
  for (const x of c.virtualDirectories) out.push([`change.vdir.${x.component}`, `${x.before ?? '-'} -> ${x.after ?? '-'}`]);
  for (const x of c.settings)
    out.push([
      `change.settings.${x.component}`,
      !x.compared ? 'not compared' : x.notCarriedOver.length ? `not carried over: ${x.notCarriedOver.join(', ')}` : 'carried over',
    ]);
  out.push(['change.left', c.left.join(', ')]);
  return out;
}
