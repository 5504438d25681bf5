/**
 * Windows path helpers shared by the bundle and live targets and by probes.
 * A "Windows path" here is always absolute with a drive letter once normalised: "C:\\Program Files\\X".
 */

/** Windows defaults, used after the registry and bundle.json have had their say. */
export const DEFAULT_ENV: Readonly<Record<string, string>> = {
  SystemDrive: 'C:',
  SystemRoot: 'C:\\Windows',
  windir: 'C:\\Windows',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  ProgramW6432: 'C:\\Program Files',
  CommonProgramFiles: 'C:\\Program Files\\Common Files',
  ProgramData: 'C:\\ProgramData',
};

/** Expands %VAR% (case-insensitive names); unknown variables are left as written. */
export function expandEnv(p: string, env: Record<string, string>): string {
  const lower = new Map(Object.entries(env).map(([k, v]) => [k.toLowerCase(), v]));
  let out = p;
  // Expand repeatedly (a variable may refer to another), bounded against loops.
  for (let i = 0; i < 4 && out.includes('%'); i++) {
    const next = out.replace(/%([^%\\/]+)%/g, (m, name: string) => lower.get(name.toLowerCase()) ?? m);
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * Normalises a Windows path: forward slashes to backslashes, drive letter upper case, no duplicate or
 * trailing separators, "." segments dropped. ".." segments are kept (the target decides what to do with them).
 * A path without a drive gets `defaultDrive`.
 */
export function normalizeWinPath(p: string, defaultDrive = 'C'): string {
  let s = p.trim().replace(/\//g, '\\');
  // \\?\C:\ long-path prefix
  s = s.replace(/^\\\\\?\\/, '');
  let drive = defaultDrive.toUpperCase();
  const m = /^([A-Za-z]):([\s\S]*)$/.exec(s); // [\s\S]: a name may hold a newline
  if (m) {
    drive = m[1].toUpperCase();
    s = m[2]!;
  }
  const parts = s.split('\\').filter((seg) => seg !== '' && seg !== '.');
  // As the outer trim does, the last segment loses trailing whitespace whatever separators followed it:
  // "C:\\a\\x \\" and "C:\\a\\x " both give "C:\\a\\x", so normalising twice changes nothing.
  while (parts.length) {
    const last = parts[parts.length - 1].trimEnd();
    if (last !== '' && last !== '.') {
      parts[parts.length - 1] = last;
      break;
    }
    parts.pop();
  }
  return parts.length ? `${drive}:\\${parts.join('\\')}` : `${drive}:\\`;
}

export function splitWinPath(p: string): { drive: string; segments: string[] } {
  const n = normalizeWinPath(p);
  const drive = n[0];
  const rest = n.slice(3);
  return { drive, segments: rest ? rest.split('\\') : [] };
}

export function joinWin(base: string, ...parts: string[]): string {
  return normalizeWinPath([base, ...parts].join('\\'));
}

export function winDirname(p: string): string {
  const { drive, segments } = splitWinPath(p);
  return segments.length <= 1 ? `${drive}:\\` : `${drive}:\\${segments.slice(0, -1).join('\\')}`;
}

export function winBasename(p: string): string {
  const { segments } = splitWinPath(p);
  return segments[segments.length - 1] ?? '';
}

/** Case-insensitive comparison key for a Windows path. */
export function winKey(p: string): string {
  return normalizeWinPath(p).toLowerCase();
}

export function winEquals(a: string, b: string): boolean {
  return winKey(a) === winKey(b);
}

/** Whether `child` is `parent` or inside it. */
export function winIsInside(child: string, parent: string): boolean {
  const c = winKey(child);
  const p = winKey(parent).replace(/\\$/, '');
  return c === p || c.startsWith(p + '\\');
}
