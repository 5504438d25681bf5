import type { Host } from '../host/types.js';
import type { RegistryReader } from '../registry/types.js';
import type { FileStat, Replication, Stage } from '../types.js';
import type { Baseline } from '../post/types.js';
import { winBasename } from '../host/paths.js';
import { DEFAULT_MAX_BYTES } from '../xml/safe.js';

export interface ProbeOptions {
  /** --role, used where bundle.json has no replication role. */
  role?: Replication;
  /** --backup-dir, Windows paths. */
  backupDirs?: string[];
  /** --adapter-files: the folder (Windows path) the new AD FS adapter files were copied to. */
  adapterFiles?: string;
  stage: Stage;
  /** At stage post: the report taken before the window (--baseline). */
  baseline?: Baseline | null;
}

export interface ProbeContext {
  target: Host;
  reg: RegistryReader;
  opts: ProbeOptions;
}

/** size/time/digest of a file from disk, else from manifest.json. The digest is computed only on demand. */
export async function fileStat(target: Host, winPath: string): Promise<FileStat> {
  const st = await target.stat(winPath);
  if (st && st.isFile) {
    return { path: st.path, exists: true, source: 'file', size: st.size, mtime: st.mtime, sha256: null };
  }
  const m = target.manifestEntry(winPath);
  if (m) {
    return {
      path: m.path,
      exists: true,
      source: 'manifest',
      size: typeof m.size === 'number' ? m.size : null,
      mtime: typeof m.mtime === 'string' ? new Date(m.mtime).toISOString() : null,
      sha256: typeof m.sha256 === 'string' ? m.sha256.toLowerCase().replace(/^sha256:/, '') : null,
    };
  }
  return { path: target.expand(winPath), exists: false, source: 'none', size: null, mtime: null, sha256: null };
}

export async function digestOf(target: Host, f: FileStat): Promise<string | null> {
  if (f.sha256) return f.sha256;
  if (f.source !== 'file') return null;
  f.sha256 = await target.sha256(f.path);
  return f.sha256;
}

export function nameOf(p: string): string {
  return winBasename(p);
}

/**
 * Reads a config file that is parsed whole, checking its size first: a file over `maxBytes` is refused
 * without reading any of it (a 3 GB web.config is not read, and the error says so). Null where the file
 * is missing or unreadable (the target records why).
 */
export async function readConfig(
  target: Host,
  winPath: string,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<{ ok: true; data: Buffer } | { ok: false; error: string } | null> {
  const st = await target.stat(winPath);
  if (!st || !st.isFile) return null;
  const tooLarge = (size: number) => ({ ok: false as const, error: `file too large (${size} bytes), limit ${maxBytes} bytes: not read` });
  if (st.size > maxBytes) return tooLarge(st.size);
  const r = await target.readFile(winPath, maxBytes);
  if (!r) return null;
  // It grew between stat and read: still over the cap.
  if (r.truncated) return tooLarge(r.data.length);
  return { ok: true, data: r.data };
}
