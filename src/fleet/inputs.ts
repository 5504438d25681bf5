import { closeSync, constants as fsConstants, createWriteStream, existsSync, fstatSync, open as fsOpen } from 'node:fs';
import { lstat, mkdir, readdir, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { glob } from 'glob';
import yauzl from 'yauzl';
import { cutMessage } from '../util/cut.js';
import { makeTempDir, removeTempDir } from '../util/tempdirs.js';

/** One thing to scan or read, from the command line's TARGETs. */
export interface FleetInput {
  /** As the user would recognise it (the path given, or the path found inside a folder given). */
  target: string;
  kind: 'bundle' | 'zip' | 'report' | 'invalid';
  /** For `invalid`: why it cannot be used. */
  reason?: string;
}

/** Folder names that make a folder a host copy (docs/bundle-format.md), compared case-insensitively. */
const BUNDLE_MARKERS = new Set(['fs', 'registry', 'bundle.json', 'windows', 'program files', 'program files (x86)', 'inetpub']);

export async function isBundleFolder(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).some((n) => BUNDLE_MARKERS.has(n.toLowerCase()));
  } catch {
    return false;
  }
}

/** Why a sub-folder of a fleet folder is not scanned: empty, unreadable, or no host copy in it. */
async function whyNotABundle(dir: string): Promise<string> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    return `folder cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (names.length === 0) return 'empty folder: no host was collected into it';
  return 'not a host copy: no fs/, registry/, bundle.json or Windows folders in it';
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
      out.push({ target: arg, kind: 'invalid', reason: `not a file or folder (${describeKind(st)}): not opened` });
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
        const dir = p.replace(/[\\/]+$/, '');
        // Never dropped silently (issue 14): a sub-folder that is not a host copy is listed with its reason.
        if (await isBundleFolder(dir)) inside.push({ target: dir, kind: 'bundle' });
        else inside.push({ target: dir, kind: 'invalid', reason: await whyNotABundle(dir) });
        continue;
      }
      // Never opened unless it is a regular file (a FIFO named *.json would hang the read): a link is followed
      // only to a regular file.
      const kind = await fileKindOf(p);
      if (kind !== 'file') inside.push({ target: p, kind: 'invalid', reason: `is not a regular file (${kind}): not opened` });
      else if (rel.toLowerCase().endsWith('.zip')) inside.push({ target: p, kind: 'zip' });
      else inside.push({ target: p, kind: 'report' });
    }
    if (inside.length === 0) out.push({ target: arg, kind: 'invalid', reason: 'holds no bundle folder, .zip or .json report' });
    out.push(...inside);
  }
  return out;
}

/**
 * What a zip may unpack to. A real `collect` zip holds a few hundred files and some MB (each file at most 64 MiB,
 * collect's copy cap); these limits are far above that and far below what would hurt the machine doing the scan.
 */
export const ZIP_LIMITS = {
  /** Uncompressed bytes of one zip. */
  maxBytes: 1024 ** 3,
  /** Entries (files and folders) in one zip. */
  maxEntries: 20_000,
  /** Uncompressed bytes at most this many times the zip's own size ... */
  maxRatio: 100,
  /** ... once past this many bytes (small zips of text compress well and are harmless). */
  ratioFloor: 128 * 1024 ** 2,
  /** Unpacked bytes of all zips held at once (fleet unpacks --jobs of them): a zip waits for its share. */
  budgetBytes: 2 * 1024 ** 3,
};

function describeKind(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** 'file', or what else the path is (stat after lstat: a link counts as what it leads to). */
async function fileKindOf(p: string): Promise<string> {
  try {
    const l = await lstat(p);
    const st = l.isSymbolicLink() ? await stat(p) : l;
    return st.isFile() ? 'file' : describeKind(st);
  } catch {
    return 'cannot be read';
  }
}

export interface ZipLimits {
  /** Total uncompressed bytes (default ZIP_LIMITS.maxBytes). */
  maxBytes?: number;
  /** Number of entries (default ZIP_LIMITS.maxEntries). */
  maxEntries?: number;
  /** Largest ratio of uncompressed bytes to the zip's size, past ratioFloor (default ZIP_LIMITS.maxRatio). */
  maxRatio?: number;
  /** Bytes all concurrent extractions may hold (default ZIP_LIMITS.budgetBytes). */
  budgetBytes?: number;
}

/** Whether a zip entry name would land outside the folder it is extracted into. */
export function unsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.split('/').some((seg) => seg === '..');
}

/** Unpacked bytes each temp folder holds, while it exists (run.ts removes it after the host's scan). */
const held = new Map<string, number>();

/** Waits until `bytes` fit in the budget with what the other extractions hold (one alone always fits). */
async function reserve(dir: string, bytes: number, budget: number): Promise<void> {
  for (;;) {
    let used = 0;
    for (const [d, b] of held) {
      if (existsSync(d)) used += b;
      else held.delete(d);
    }
    if (held.size === 0 || used + bytes <= budget) {
      held.set(dir, bytes);
      return;
    }
    await sleep(100);
  }
}

const crc32: (data: Uint8Array, value?: number) => number = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32 ?? crc32Js;

let CRC_TABLE: Int32Array | null = null;
/** zlib.crc32 came in Node 20.15; the same for older ones. */
function crc32Js(data: Uint8Array, value = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const MiB = (n: number) => `${Math.round(n / 1024 ** 2)} MiB`;

/**
 * Opens a zip for reading without blocking on what is not a regular file (a FIFO named *.zip): O_NONBLOCK, then
 * fstat. The zip's size comes with it.
 */
async function openZip(zipPath: string): Promise<{ zip: yauzl.ZipFile; size: number }> {
  const fd = await new Promise<number>((res, rej) =>
    fsOpen(zipPath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0), (e, f) => (e ? rej(e) : res(f))),
  );
  let st;
  try {
    st = fstatSync(fd);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (!st.isFile()) {
    closeSync(fd);
    throw new Error('not a regular file: not opened');
  }
  // yauzl closes the fd when the zip is closed.
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.fromFd(
      fd,
      { lazyEntries: true, autoClose: false, strictFileNames: false, decodeStrings: true, validateEntrySizes: true },
      (e, z) => (e ? rej(e) : res(z)),
    ),
  );
  return { zip, size: st.size };
}

/** Every entry of the central directory (nothing inflated yet). */
function readEntries(zip: yauzl.ZipFile, check: (e: yauzl.Entry) => void): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (e: yauzl.Entry) => {
      try {
        check(e);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      entries.push(e);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/**
 * Extracts a zip written by `collect` into a new temp folder and returns the bundle folder inside it (the zip's
 * root, or its single top folder). Checks the whole central directory first and refuses, before writing
 * anything: more than `maxEntries` entries, entries with `..` or absolute paths, more than `maxBytes` unpacked,
 * or more than `maxRatio` times the zip's size (past `ratioFloor`). Then waits for its share of the bytes all
 * extractions may hold at once, and inflates each entry checking its size and CRC-32. Keeps each entry's
 * last-write time (backup rules compare times). The temp folder is removed at exit or on a signal
 * (src/util/tempdirs.ts); the caller removes `tempRoot` when done with it.
 */
export async function extractZip(zipPath: string, limits: ZipLimits = {}): Promise<{ tempRoot: string; bundle: string }> {
  const maxBytes = limits.maxBytes ?? ZIP_LIMITS.maxBytes;
  const maxEntries = limits.maxEntries ?? ZIP_LIMITS.maxEntries;
  const maxRatio = limits.maxRatio ?? ZIP_LIMITS.maxRatio;
  const budget = Math.max(limits.budgetBytes ?? ZIP_LIMITS.budgetBytes, maxBytes);
  let zip: yauzl.ZipFile | null = null;
  let tempRoot: string | null = null;
  try {
    const opened = await openZip(zipPath);
    zip = opened.zip;
    if (zip.entryCount > maxEntries)
      throw new Error(`${zip.entryCount} entries, more than ${maxEntries} (a bundle holds a few hundred): refused`);
    const allowed = Math.min(maxBytes, Math.max(ZIP_LIMITS.ratioFloor, maxRatio * opened.size));
    let total = 0;
    const entries = await readEntries(zip, (entry) => {
      if (unsafeEntryName(entry.fileName))
        throw new Error(`entry ${cutMessage(entry.fileName, 200)} leads outside the folder (.. or an absolute path)`);
      total += entry.uncompressedSize;
      if (total > maxBytes) throw new Error(`unpacks to more than ${MiB(maxBytes)}: refused`);
      if (total > allowed) throw new Error(`unpacks to more than ${maxRatio} times its size (over ${MiB(allowed)}): refused as a zip bomb`);
    });
    if (entries.length > maxEntries) throw new Error(`more than ${maxEntries} entries: refused`);

    tempRoot = makeTempDir();
    await reserve(tempRoot, total, budget);
    const times: [string, Date][] = [];
    for (const entry of entries) {
      const dest = path.join(tempRoot, ...entry.fileName.replace(/\\/g, '/').split('/').filter(Boolean));
      if (entry.fileName.endsWith('/')) {
        await mkdir(dest, { recursive: true });
        times.push([dest, entry.getLastModDate()]);
        continue;
      }
      await mkdir(path.dirname(dest), { recursive: true });
      const z = zip;
      const stream = await new Promise<NodeJS.ReadableStream>((res, rej) => z.openReadStream(entry, (e, s) => (e ? rej(e) : res(s))));
      // Count and checksum what is really inflated: a lying header must not get past the caps.
      let seen = 0;
      let crc = 0;
      const name = cutMessage(entry.fileName, 200);
      const guard = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          seen += chunk.length;
          if (seen > entry.uncompressedSize) return cb(new Error(`entry ${name} is larger than its header says`));
          crc = crc32(chunk, crc);
          cb(null, chunk);
        },
        flush(cb) {
          if (seen !== entry.uncompressedSize) return cb(new Error(`entry ${name} is shorter than its header says`));
          cb(crc === entry.crc32 ? null : new Error(`entry ${name} fails its CRC-32 check (damaged zip)`));
        },
      });
      await pipeline(stream, guard, createWriteStream(dest, { flags: 'wx' }));
      times.push([dest, entry.getLastModDate()]);
    }
    zip.close();
    zip = null;
    // Times last: writing a file into a folder changes the folder's time.
    for (const [p, t] of times.reverse()) await utimes(p, t, t).catch(() => undefined);
    let bundle = tempRoot;
    if (!(await isBundleFolder(tempRoot))) {
      const top = (await readdir(tempRoot, { withFileTypes: true })).filter((d) => d.isDirectory());
      if (top.length === 1 && (await isBundleFolder(path.join(tempRoot, top[0].name)))) bundle = path.join(tempRoot, top[0].name);
    }
    return { tempRoot, bundle };
  } catch (e) {
    try {
      zip?.close();
    } catch {
      // already closed
    }
    if (tempRoot) {
      await removeTempDir(tempRoot);
      held.delete(tempRoot);
    }
    throw new Error(`unreadable zip: ${cutMessage((e as Error).message.split('\n')[0])}`);
  }
}
