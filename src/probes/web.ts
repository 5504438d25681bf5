import type { ComponentFact, ComponentId, SdkUrlFact, ThemeFact, WebConfigFact } from '../types.js';
import { joinWin, winBasename } from '../host/paths.js';
import { readWebConfig } from '../xml/webconfig.js';
import { findFileBackups, findFolderBackups, walkFiles } from './backups.js';
import { fileStat, readConfig, type ProbeContext } from './context.js';

const DAY_MS = 24 * 3600 * 1000;

/** Folder names a backup of this part may sit in: its folder, its virtual directory, the old/new defaults. */
export function partFolderNames(c: ComponentFact): string[] {
  const names = new Set<string>();
  if (c.installPath) names.add(winBasename(c.installPath));
  if (c.virtualDirectory) names.add(c.virtualDirectory.split('/').filter(Boolean).pop() ?? '');
  const defaults: Partial<Record<ComponentId, string[]>> = {
    'user-portal': ['PhoneFactor', 'MultiFactorAuth', 'UserPortal', 'User Portal'],
    'mobile-app': ['PhoneFactorPhoneAppWebService', 'MultiFactorAuthMobileAppWebService', 'MobileAppWebService'],
    'adfs-adapter': ['AdfsAdapter', 'ADFS', 'Multi-Factor Authentication Server'],
  };
  for (const d of defaults[c.component] ?? []) names.add(d);
  names.delete('');
  return [...names];
}

export async function probeWebConfig(
  ctx: ProbeContext,
  part: ComponentFact,
  backupDirs: string[],
  configErrors: { path: string; message: string }[],
): Promise<WebConfigFact | null> {
  if (!part.installPath) return null;
  const { target } = ctx;
  const path = joinWin(part.installPath, 'web.config');
  const st = await fileStat(target, path);
  const fact: WebConfigFact = {
    path: st.path,
    exists: st.exists,
    parseError: null,
    settings: null,
    sdkUrl: null,
    sdkUrlSetting: null,
    backup: null,
  };
  if (!st.exists) return fact;
  const file = await readConfig(target, path);
  if (!file) {
    fact.parseError = 'cannot be read';
  } else if (!file.ok) {
    fact.parseError = file.error;
    configErrors.push({ path: st.path, message: file.error });
  } else {
    const r = readWebConfig(file.data);
    if (r.ok) {
      fact.settings = r.settings;
      fact.sdkUrl = r.sdkUrl?.url ?? null;
      fact.sdkUrlSetting = r.sdkUrl?.setting ?? null;
    } else {
      fact.parseError = r.error;
      configErrors.push({ path: st.path, message: r.error });
    }
  }
  const section = part.component === 'user-portal' ? /pfup\.Properties\.Settings/i : /pfpaws\.Properties\.Settings/i;
  fact.backup = await findFileBackups(target, st, {
    backupDirs,
    folderNames: partFolderNames(part),
    identifies: (data) => section.test(data.toString('utf8')) || section.test(data.toString('utf16le')),
  });
  return fact;
}

/** App_Themes: custom themes (anything but Default) and files of Default changed after install. */
export async function probeThemes(ctx: ProbeContext, portal: ComponentFact, backupDirs: string[]): Promise<ThemeFact[]> {
  if (!portal.installPath) return [];
  const { target } = ctx;
  const themesDir = joinWin(portal.installPath, 'App_Themes');
  const out: ThemeFact[] = [];
  const folderNames = [...partFolderNames(portal), 'App_Themes'];
  let reference: ThemeFact['reference'] = null;
  if (portal.installDate && /^\d{8}$/.test(portal.installDate)) {
    const d = portal.installDate;
    reference = { time: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T00:00:00.000Z`, source: 'Uninstall InstallDate' };
  } else {
    const def = await target.stat(joinWin(portal.installPath, 'Default.aspx'));
    if (def) reference = { time: def.mtime, source: `last write of ${def.path}` };
  }
  for (const e of await target.list(themesDir)) {
    if (!e.isDirectory) continue;
    const custom = e.name.toLowerCase() !== 'default';
    const theme: ThemeFact = { name: e.name, path: e.path, custom, changedFiles: [], reference: custom ? null : reference, backup: null };
    if (!custom && reference) {
      const limit = Date.parse(reference.time) + DAY_MS;
      for (const f of await walkFiles(target, e.path)) {
        const st = await target.stat(f.path);
        if (st && Date.parse(st.mtime) > limit) theme.changedFiles.push(st.path);
      }
    }
    if (custom || theme.changedFiles.length > 0) theme.backup = await findFolderBackups(target, e.path, { backupDirs, folderNames });
    out.push(theme);
  }
  return out;
}

/** Whether a URL's host is this host (rules.md "This host"). */
export function isThisHost(host: string, hostname: string | null, bound: string[]): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)) return true;
  if (hostname) {
    const n = hostname.toLowerCase();
    if (h === n || h.startsWith(`${n}.`)) return true;
  }
  return bound.includes(h);
}

export function sdkUrlFact(
  component: ComponentId,
  file: string,
  setting: string,
  url: string,
  hostname: string | null,
  bound: string[],
): SdkUrlFact {
  let host = '';
  let path = '';
  try {
    const u = new URL(url.trim());
    host = u.hostname;
    path = decodeURIComponent(u.pathname);
  } catch {
    const m = /^[a-z]+:\/\/([^/:]+)(?::\d+)?(\/.*)?$/i.exec(url.trim());
    host = m?.[1] ?? '';
    path = m?.[2] ?? '';
  }
  return { component, file, setting, url, host, path, thisHost: host !== '' && isThisHost(host, hostname, bound) };
}
