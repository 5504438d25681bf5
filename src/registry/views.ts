/**
 * 32-bit and 64-bit registry views. A 64-bit host shows 32-bit software under
 * HKLM\SOFTWARE\WOW6432Node\...; an export holds whichever the installer wrote, so a probe looks in both.
 */
import type { KeyInterest, RegKeyData, RegistryReader, RegValue } from './types.js';
import { parseRegPath } from './path.js';

/**
 * The same key in the other view: HKLM\SOFTWARE\X <-> HKLM\SOFTWARE\WOW6432Node\X (long root, names
 * in the case given). Undefined for paths outside HKLM\SOFTWARE (and for SOFTWARE / WOW6432Node themselves).
 */
export function otherView(path: string): string | undefined {
  const p = parseRegPath(path);
  if (!p || p.root !== 'HKEY_LOCAL_MACHINE' || p.names.length < 2) return undefined;
  const [software, second, ...rest] = p.names;
  if (software.toLowerCase() !== 'software') return undefined;
  if (second.toLowerCase() === 'wow6432node') {
    return rest.length ? [p.root, software, ...rest].join('\\') : undefined;
  }
  return [p.root, software, 'WOW6432Node', second, ...rest].join('\\');
}

/** The path itself, then its other view where there is one. */
export function bothViews(path: string): string[] {
  const o = otherView(path);
  return o ? [path, o] : [path];
}

/** Interests widened to both views (give this to Host.loadRegistry when probes use the helpers below). */
export function interestsBothViews(interests: KeyInterest[]): KeyInterest[] {
  const seen = new Set<string>();
  const out: KeyInterest[] = [];
  for (const i of interests) {
    for (const p of bothViews(i.path)) {
      const k = `${parseRegPath(p)?.norm ?? p}|${i.recursive !== false}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(i.recursive === undefined ? { path: p } : { path: p, recursive: i.recursive });
    }
  }
  return out;
}

/** A value from the key as given, else from the other view; `path` says where it was found. */
export function getValueEitherView(reader: RegistryReader, path: string, name: string): { value: RegValue; path: string } | undefined {
  for (const p of bothViews(path)) {
    const value = reader.getValue(p, name);
    if (value) return { value, path: reader.getKey(p)?.path ?? p };
  }
  return undefined;
}

/** A key as given, else in the other view; `path` is the matching key's path. */
export function getKeyEitherView(reader: RegistryReader, path: string): { key: RegKeyData; path: string } | undefined {
  for (const p of bothViews(path)) {
    const key = reader.getKey(p);
    if (key) return { key, path: key.path };
  }
  return undefined;
}

/** Subkeys of a key in both views (the given view first), each with its full path. */
export function subkeysEitherView(reader: RegistryReader, path: string): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  for (const p of bothViews(path)) {
    const base = reader.getKey(p)?.path ?? p;
    for (const name of reader.subkeys(p)) out.push({ name, path: `${base}\\${name}` });
  }
  return out;
}
