import type { ComponentFact, ConfigDifference, Facts, WebConfigFact } from '../types.js';
import type { AppPoolFact, Baseline, PostFacts, SettingsCarryOver, ThemesBefore } from '../post/types.js';
import { joinWin, winKey } from '../host/paths.js';
import { compareConfigs } from '../xml/compare.js';
import { readApplicationHost } from '../xml/applicationhost.js';
import { attr, childrenNamed, descend, parseXmlSafe } from '../xml/safe.js';
import { findFolderBackups, walkFiles } from './backups.js';
import { readConfig, type ProbeContext } from './context.js';
import { APPHOST } from './iis.js';
import { partFolderNames } from './web.js';

/**
 * Stage `post` (issue 12): what the host was before the window, as far as the host itself still shows it, and the
 * facts only the checks after the window need. Facts, never judgements: the saved web.config against the one in
 * use (settings only), the themes in the saved copies, the application pools' CLR versions.
 */

const DAY_MS = 24 * 3600 * 1000;
const SETTINGS_PATH = /^\/configuration\/(appSettings|applicationSettings)\//;

/** The newest backup whose content differs from the file in use: the web.config as it was before the window. */
function savedCopy(wc: WebConfigFact): string | null {
  const c = (wc.backup?.candidates ?? [])
    .filter((x) => x.reason !== 'same-content' && x.source === 'file')
    .sort((a, b) => ((b.mtime ?? '') < (a.mtime ?? '') ? -1 : (b.mtime ?? '') > (a.mtime ?? '') ? 1 : a.path < b.path ? -1 : 1));
  return c[0]?.path ?? wc.backup?.candidates.find((x) => x.source === 'file')?.path ?? null;
}

async function settingsOf(
  ctx: ProbeContext,
  component: SettingsCarryOver['component'],
  wc: WebConfigFact | null | undefined,
): Promise<SettingsCarryOver | null> {
  if (!wc?.exists) return null;
  const out: SettingsCarryOver = { component, current: wc.path, saved: savedCopy(wc), differences: null, error: null };
  if (!out.saved) {
    out.error = 'no saved copy of web.config was found';
    return out;
  }
  const [oldRead, newRead] = [await readConfig(ctx.target, out.saved), await readConfig(ctx.target, wc.path)];
  if (!oldRead?.ok || !newRead?.ok) {
    out.error = `cannot be read: ${!oldRead?.ok ? out.saved : wc.path}`;
    return out;
  }
  const cmp = compareConfigs(oldRead.data, newRead.data);
  if (!cmp.ok) {
    out.error = cmp.error;
    return out;
  }
  out.differences = cmp.differences.filter((d: ConfigDifference) => SETTINGS_PATH.test(d.path));
  return out;
}

/** The User Portal's themes before the window: copies of App_Themes (and the old portal folder, where it moved). */
async function themesBefore(
  ctx: ProbeContext,
  portal: ComponentFact,
  baseline: Baseline | null,
  backupDirs: string[],
): Promise<ThemesBefore | null> {
  if (!portal.installPath) return null;
  const { target } = ctx;
  const themesDir = joinWin(portal.installPath, 'App_Themes');
  const sources: string[] = [];
  const before = baseline?.report.inventory.components.find((c) => c.component === 'user-portal');
  if (before?.installPath && winKey(before.installPath) !== winKey(portal.installPath)) {
    const old = joinWin(before.installPath, 'App_Themes');
    if ((await target.stat(old))?.isDirectory) sources.push(target.expand(old));
  }
  const found = await findFolderBackups(target, themesDir, {
    backupDirs,
    folderNames: [...partFolderNames(portal), ...(before ? partFolderNames(before) : []), 'App_Themes'],
  });
  // Every copy is a picture of before, an identical one too (the themes were then as they are now).
  for (const c of found.candidates) if (c.source === 'file') sources.push(c.path);
  if (sources.length === 0) return { sources, custom: [], defaultNotRestored: [] };
  const custom = new Set<string>();
  const defaultNotRestored: string[] = [];
  const ref =
    before?.installDate && /^\d{8}$/.test(before.installDate)
      ? Date.parse(`${before.installDate.slice(0, 4)}-${before.installDate.slice(4, 6)}-${before.installDate.slice(6, 8)}T00:00:00Z`)
      : null;
  for (const src of sources) {
    for (const e of await target.list(src)) {
      if (!e.isDirectory) continue;
      if (e.name.toLowerCase() !== 'default') {
        custom.add(e.name);
        continue;
      }
      // A Default file changed after the old install whose content the Default in use does not have.
      for (const f of await walkFiles(target, e.path)) {
        const st = await target.stat(f.path);
        if (!st?.isFile || (ref !== null && Date.parse(st.mtime) <= ref + DAY_MS)) continue;
        const rel = f.path.slice(e.path.length);
        const now = joinWin(themesDir, 'Default') + rel;
        const [a, b] = [await target.sha256(f.path), (await target.stat(now))?.isFile ? await target.sha256(now) : null];
        if (a !== b) defaultNotRestored.push(f.path);
      }
    }
  }
  return { sources, custom: [...custom].sort((a, b) => a.localeCompare(b)), defaultNotRestored: defaultNotRestored.sort() };
}

/** Each MFA web component's application pool and its managedRuntimeVersion. */
async function appPools(
  ctx: ProbeContext,
  facts: Pick<Facts, 'components' | 'iis'>,
): Promise<{ pools: AppPoolFact[] | null; path: string | null }> {
  if (!facts.iis.known) return { pools: null, path: facts.iis.configPath };
  const file = await readConfig(ctx.target, APPHOST, 64 * 1024 * 1024);
  if (!file?.ok) return { pools: null, path: facts.iis.configPath };
  const parsed = readApplicationHost(file.data, { maxBytes: 64 * 1024 * 1024 });
  const xml = parseXmlSafe(file.data, { maxBytes: 64 * 1024 * 1024 });
  if (!parsed.ok || !xml.ok) return { pools: null, path: facts.iis.configPath };
  const poolsEl = descend(xml.doc.root, 'system.applicationHost', 'applicationPools');
  const defaults = poolsEl
    ? (childrenNamed(poolsEl, 'applicationPoolDefaults')
        .map((d) => attr(d, 'managedRuntimeVersion'))
        .find((v) => v !== null) ?? null)
    : null;
  const runtimes = new Map<string, string>();
  for (const p of poolsEl ? childrenNamed(poolsEl, 'add') : []) {
    const name = attr(p, 'name');
    // Not set: the pool defaults, else IIS's own default (v4.0 from IIS 8).
    if (name) runtimes.set(name.toLowerCase(), attr(p, 'managedRuntimeVersion') ?? defaults ?? 'v4.0');
  }
  const pools: AppPoolFact[] = [];
  for (const c of facts.components) {
    if (c.component !== 'user-portal' && c.component !== 'mobile-app' && c.component !== 'web-service-sdk') continue;
    if (!c.virtualDirectory) continue;
    const app = parsed.sites.flatMap((s) => s.applications).find((a) => a.path.toLowerCase() === c.virtualDirectory!.toLowerCase());
    if (!app) continue;
    const pool = app.applicationPool;
    pools.push({ component: c.component, urlPath: app.path, pool, runtime: pool ? (runtimes.get(pool.toLowerCase()) ?? null) : null });
  }
  return { pools, path: facts.iis.configPath };
}

export async function probePost(
  ctx: ProbeContext,
  facts: Pick<Facts, 'components' | 'iis' | 'userPortal' | 'mobileApp'>,
  backupDirs: string[],
  baseline: Baseline | null,
): Promise<PostFacts> {
  const settings: SettingsCarryOver[] = [];
  const p = await settingsOf(ctx, 'user-portal', facts.userPortal?.webConfig);
  if (p) settings.push(p);
  const m = await settingsOf(ctx, 'mobile-app', facts.mobileApp?.webConfig);
  if (m) settings.push(m);
  const portal = facts.components.find((c) => c.component === 'user-portal');
  const themes = portal ? await themesBefore(ctx, portal, baseline, backupDirs) : null;
  const { pools, path } = await appPools(ctx, facts);
  return { settings, themes, appPools: pools, appHostPath: path };
}
