import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { glob } from 'glob';
import yauzl from 'yauzl';

/** One thing to scan or read, from the command line's TARGETs. */
export interface FleetInput {
  /** As the user would recognise it (the path given, or the path found inside a folder given). */
  target: string;
  kind: 'bundle' | 'zip' | 'report' | 'invalid';
  /** For `invalid`: why it cannot be used. */
  reason?: string;
}

/** Folder names that make a folder a host copy (bundle.md), compared case-insensitively. */
const BUNDLE_MARKERS = new Set(['fs', 'registry', 'bundle.json', 'windows', 'program files', 'program files (x86)', 'inetpub']);

export async function isBundleFolder(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).some((n) => BUNDLE_MARKERS.has(n.toLowerCase()));
  } catch {
    return false;
  }
}

/**
 * Expands the TARGETs: a bundle folder, a .zip, a saved .json report, or a folder holding any of these (one
 * level: *.json, *.zip, and sub-folders that are bundles). Order: as given, then by name inside a folder.
 */
export async function expandTargets(args: string[]): Promise<FleetInput[]> {
  const out: FleetInput[] = [];
  for (const arg of args) {
    let st;
    try {
      st = await stat(arg);
    } catch {
      out.push({ target: arg, kind: 'invalid', reason: 'does not exist' });
      continue;
    }
    if (st.isFile()) {
      const lower = arg.toLowerCase();
      if (lower.endsWith('.zip')) out.push({ target: arg, kind: 'zip' });
      else if (lower.endsWith('.json')) out.push({ target: arg, kind: 'report' });
      else out.push({ target: arg, kind: 'invalid', reason: 'not a bundle folder, a .zip from collect, or a .json report' });
      continue;
    }
    if (!st.isDirectory()) {
      out.push({ target: arg, kind: 'invalid', reason: 'not a file or folder' });
      continue;
    }
    if (await isBundleFolder(arg)) {
      out.push({ target: arg, kind: 'bundle' });
      continue;
    }
    // glob wants forward slashes in patterns; escape the folder part so brackets in a name stay literal.
    const found = (await glob(['*.json', '*.zip', '*/'], { cwd: arg, nocase: true, dot: false, mark: true })).sort();
    const inside: FleetInput[] = [];
    for (const rel of found) {
      const p = path.join(arg, rel);
      if (rel.endsWith('/') || rel.endsWith(path.sep)) {
        if (await isBundleFolder(p)) inside.push({ target: p.replace(/[\\/]+$/, ''), kind: 'bundle' });
      } else if (rel.toLowerCase().endsWith('.zip')) inside.push({ target: p, kind: 'zip' });
      else inside.push({ target: p, kind: 'report' });
    }
    if (inside.length === 0) out.push({ target: arg, kind: 'invalid', reason: 'holds no bundle folder, .zip or .json report' });
    out.push(...inside);
  }
  return out;
}

export interface ZipLimits {
  /** Total uncompressed bytes (default 2 GiB). */
  maxBytes?: number;
  /** Number of entries (default 200000). */
  maxEntries?: number;
}

/** Whether a zip entry name would land outside the folder it is extracted into. */
export function unsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.split('/').some((seg) => seg === '..');
}

/**
 * Extracts a zip written by `collect` into a new temp folder and returns the bundle folder inside it (the zip's
 * root, or its single top folder). Refuses entries with `..` or absolute paths, and stops at the size cap.
 * Keeps each entry's last-write time (backup rules compare times). The caller removes `tempRoot`.
 */
export async function extractZip(zipPath: string, limits: ZipLimits = {}): Promise<{ tempRoot: string; bundle: string }> {
  const maxBytes = limits.maxBytes ?? 2 * 1024 ** 3;
  const maxEntries = limits.maxEntries ?? 200_000;
  const tempRoot = await mkdtemp(path.join(tmpdir(), 'mfa-readiness-fleet-'));
  try {
    const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(zipPath, { lazyEntries: true, autoClose: true, strictFileNames: false, decodeStrings: true }, (e, z) => (e ? rej(e) : res(z!))));
    let total = 0;
    let count = 0;
    const times: [string, Date][] = [];
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          if (++count > maxEntries) return fail(new Error(`more than ${maxEntries} entries`));
          if (unsafeEntryName(entry.fileName)) return fail(new Error(`entry ${entry.fileName} leads outside the folder (.. or an absolute path)`));
          const dest = path.join(tempRoot, ...entry.fileName.replace(/\\/g, '/').split('/').filter(Boolean));
          if (entry.fileName.endsWith('/')) {
            await mkdir(dest, { recursive: true });
            times.push([dest, entry.getLastModDate()]);
            return zip.readEntry();
          }
          total += entry.uncompressedSize;
          if (total > maxBytes) return fail(new Error(`uncompressed size over ${maxBytes} bytes`));
          await mkdir(path.dirname(dest), { recursive: true });
          const stream = await new Promise<NodeJS.ReadableStream>((res, rej) => zip.openReadStream(entry, (e, s) => (e ? rej(e) : res(s!))));
          // Count what is really inflated too: a lying header must not get past the cap.
          let seen = 0;
          const guard = new Transform({
            transform(chunk: Buffer, _enc, cb) {
              seen += chunk.length;
              cb(seen > entry.uncompressedSize ? new Error(`entry ${entry.fileName} is larger than its header says`) : null, chunk);
            },
          });
          await pipeline(stream, guard, createWriteStream(dest, { flags: 'wx' }));
          times.push([dest, entry.getLastModDate()]);
          zip.readEntry();
        })().catch(fail);
      });
      zip.readEntry();
    });
    // Times last: writing a file into a folder changes the folder's time.
    for (const [p, t] of times.reverse()) await utimes(p, t, t).catch(() => undefined);
    let bundle = tempRoot;
    if (!(await isBundleFolder(tempRoot))) {
      const top = (await readdir(tempRoot, { withFileTypes: true })).filter((d) => d.isDirectory());
      if (top.length === 1 && (await isBundleFolder(path.join(tempRoot, top[0]!.name)))) bundle = path.join(tempRoot, top[0]!.name);
    }
    return { tempRoot, bundle };
  } catch (e) {
    await rm(tempRoot, { recursive: true, force: true });
    throw new Error(`unreadable zip: ${(e as Error).message.split('\n')[0]}`);
  }
}
