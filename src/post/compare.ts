import type { ComponentId, ConfigDifference } from '../types.js';

/**
 * What stage `post` compares: the parts before (the baseline report) and after, and which differences of a saved
 * web.config against the new one are settings not carried over. Pure helpers for the MFA-POST rules and the
 * report's `change` section.
 */

/** Parts the procedures remove on purpose: the agent on the PhoneFactor Agent path, the Mobile App Web Service from 8.0. */
export function goneByProcedure(component: ComponentId, target8: boolean): boolean {
  return component === 'agent' || (component === 'mobile-app' && target8);
}

/** "/MultiFactorAuth" and "MultiFactorAuth/" name the same virtual directory; case does not matter to IIS. */
export function sameVdir(a: string | null | undefined, b: string | null | undefined): boolean {
  const n = (v: string | null | undefined) => (v ?? '').replace(/^\/+|\/+$/g, '').toLowerCase();
  return n(a) === n(b);
}

/** The first path segment of a URL path or virtual directory, lower case. */
export function firstSegment(p: string | null | undefined): string {
  return (p ?? '').split('/').filter(Boolean)[0]?.toLowerCase() ?? '';
}

/** The setting a difference is about: the appSettings key or the applicationSettings setting name. */
export function settingName(path: string): string | null {
  const m = /\/appSettings\/add\[@key=['"]([^'"]+)['"]\]/.exec(path) ?? /\/setting\[@name=['"]([^'"]+)['"]\]/.exec(path);
  return m?.[1] ?? null;
}

/** The Web Service SDK address: it changes with a renamed virtual directory, which MFA-POST-004 and MFA-CFG-001 judge. */
const SDK_SETTING = /pfwssdk|WebServiceSdk/i;

export interface NotCarried {
  setting: string;
  path: string;
  old: string;
  new: string;
}

/**
 * The settings of the saved web.config that the new one does not carry: a value that was set and is now different
 * (the installer's default, or empty). Settings the new release adds, and ones it no longer has, are its own
 * changes, not a carry-over to make; the SDK address is judged by the URL rules.
 */
export function notCarriedOver(differences: readonly ConfigDifference[]): NotCarried[] {
  const out: NotCarried[] = [];
  const seen = new Set<string>();
  for (const d of differences) {
    if (d.kind !== 'changed' || !d.old) continue;
    const setting = settingName(d.path);
    if (!setting || SDK_SETTING.test(setting) || seen.has(setting.toLowerCase())) continue;
    seen.add(setting.toLowerCase());
    out.push({ setting, path: d.path, old: d.old, new: d.new ?? '' });
  }
  return out;
}
