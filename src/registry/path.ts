/**
 * Registry key paths: root names (long and short), normalisation and comparison keys.
 * Windows compares key names case-insensitively; we compare lower-cased text, which agrees with
 * Windows for every name a scan meets (and, unlike upper-casing, never turns one char into two for 'ß').
 */

const LONG_ROOTS = [
  'HKEY_LOCAL_MACHINE',
  'HKEY_CURRENT_USER',
  'HKEY_CLASSES_ROOT',
  'HKEY_USERS',
  'HKEY_CURRENT_CONFIG',
  'HKEY_PERFORMANCE_DATA',
  'HKEY_DYN_DATA',
] as const;

const ROOTS = new Map<string, string>([
  ['hklm', 'HKEY_LOCAL_MACHINE'],
  ['hkcu', 'HKEY_CURRENT_USER'],
  ['hkcr', 'HKEY_CLASSES_ROOT'],
  ['hku', 'HKEY_USERS'],
  ['hkcc', 'HKEY_CURRENT_CONFIG'],
  ['hkpd', 'HKEY_PERFORMANCE_DATA'],
  ...LONG_ROOTS.map((r) => [r.toLowerCase(), r] as [string, string]),
]);

// Exact spellings first: toLowerCase on text sliced from a UTF-16 chunk is slow, and exports use these.
const ROOTS_EXACT = new Map<string, string>([...[...ROOTS].map(([k, v]) => [k.toUpperCase(), v] as [string, string]), ...ROOTS]);

/** The long root name for a root written any way (HKLM, hkey_local_machine...), or undefined. */
export function canonicalRoot(root: string): string | undefined {
  return ROOTS_EXACT.get(root) ?? (root.length <= 21 ? ROOTS.get(root.toLowerCase()) : undefined);
}

export interface RegPath {
  /** Long root name, upper case ("HKEY_LOCAL_MACHINE"). */
  root: string;
  /** Key names below the root, original case, no empty names. */
  names: string[];
  /** "HKEY_LOCAL_MACHINE\\SOFTWARE\\X" in original case. */
  display: string;
  /** Comparison key: display lower-cased. */
  norm: string;
}

/**
 * Parse "HKLM\\SOFTWARE\\X", "HKEY_LOCAL_MACHINE\\SOFTWARE\\X\\" and the like. Empty names (doubled or
 * trailing backslashes, which regedit tolerates) are dropped. Undefined when the root is unknown.
 */
export function parseRegPath(path: string): RegPath | undefined {
  let p = path;
  while (p.charCodeAt(0) === 92) p = p.slice(1); // a leading "\" is tolerated
  const cut = p.indexOf('\\');
  const root = canonicalRoot(cut < 0 ? p : p.slice(0, cut));
  if (!root) return undefined;
  const names =
    cut < 0
      ? []
      : p
          .slice(cut + 1)
          .split('\\')
          .filter((n) => n.length > 0);
  const display = names.length ? `${root}\\${names.join('\\')}` : root;
  return { root, names, display, norm: display.toLowerCase() };
}

/** "HKLM\\software\\x" -> "HKEY_LOCAL_MACHINE\\software\\x" (names keep their case); input returned as is when the root is unknown. */
export function expandRegPath(path: string): string {
  return parseRegPath(path)?.display ?? path;
}

/** Comparison key of a path (long root, lower case), or undefined when the root is unknown. */
export function regPathKey(path: string): string | undefined {
  return parseRegPath(path)?.norm;
}

/** Whether `path` is `base` or below it (both any root spelling, any case). */
export function isAtOrUnder(path: string, base: string): boolean {
  const a = regPathKey(path);
  const b = regPathKey(base);
  if (a === undefined || b === undefined) return false;
  return a === b || a.startsWith(b + '\\');
}
