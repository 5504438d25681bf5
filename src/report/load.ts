import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Report } from '../types.js';
import { validateReport } from './schema.js';

/**
 * The one loader of a saved report (gate, diff, fleet) and the capped, encoding-aware read it shares with the
 * waiver file: regular files only (a FIFO is never waited on), a size cap far above any real input, a UTF-8
 * byte-order mark and UTF-16 (PowerShell's `Out-File`) accepted, and one line naming the file and what is wrong.
 */

/** A saved report above this is refused: a real one is well under 1 MiB, a 300-host fleet's under 32. */
export const REPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Deeper than this is not a report (a real one nests about 6 levels). */
export const REPORT_MAX_DEPTH = 64;

/** An input file that cannot be used. `message` is one line, `FILE: what is wrong`; `detail` the part after the file. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'InputFileError';
  }
}

/** A saved report that cannot be used (unreadable, too big, not JSON, not a report). */
export class ReportFileError extends InputFileError {
  constructor(file: string, detail: string) {
    super(file, detail);
    this.name = 'ReportFileError';
  }
}

const MIB = 1024 * 1024;
const sizeText = (n: number) => (n >= MIB ? `${n / MIB} MiB` : `${n / 1024} KiB`);

/**
 * Reads a regular file of at most `maxBytes` as text: UTF-8 (a byte-order mark is dropped) or UTF-16 LE/BE with
 * its byte-order mark (or LE without one, told by its zero high bytes). Opened non-blocking and checked with
 * fstat on the open descriptor, so a FIFO or device is refused, never waited on. Throws `make(detail)`.
 */
export async function readTextFile(
  file: string,
  maxBytes: number,
  what: string,
  make: (detail: string) => Error = (d) => new InputFileError(file, d),
): Promise<string> {
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw make(`cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw make(`not a regular file: the ${what} must be a file`);
    if (st.size > maxBytes) throw make(`the ${what} is larger than ${sizeText(maxBytes)} (${st.size} bytes); no real one is this large`);
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > maxBytes) throw make(`the ${what} is larger than ${sizeText(maxBytes)}; no real one is this large`);
      if (got === buf.length) break;
    }
    return decodeText(buf.subarray(0, got));
  } catch (e) {
    if (e instanceof Error && !(e as NodeJS.ErrnoException).code) throw e;
    throw make(`cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    await fh.close();
  }
}

/** UTF-8 (BOM dropped) or UTF-16 LE/BE as PowerShell and Notepad write them. */
export function decodeText(b: Buffer): string {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const le = Buffer.from(b.subarray(2));
    le.swap16();
    return le.toString('utf16le');
  }
  // UTF-16LE without a mark: text of ASCII characters has a zero in every odd byte.
  if (b.length >= 4 && b.length % 2 === 0 && b[0] !== 0 && b[1] === 0 && b[3] === 0) return b.toString('utf16le');
  return b.toString('utf8');
}

/** Where JSON.parse stopped, without quoting the input (it may hold terminal escapes). */
function jsonErrorAt(text: string, e: Error): string {
  const m = /at position (\d+)/.exec(e.message);
  if (!m) return /Unexpected end/i.test(e.message) ? 'it ends too early' : 'a syntax error';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `a syntax error at line ${line}, column ${col}`;
}

/** Whether a parsed value nests deeper than `max` (iterative: a hostile depth cannot overflow the stack). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const c of Array.isArray(v) ? v : Object.values(v)) if (c !== null && typeof c === 'object') stack.push([c, d + 1]);
  }
  return false;
}

/** Checks a parsed value is a host report; throws ReportFileError naming the field that is wrong. */
export function asReport(file: string, obj: unknown): Report {
  if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
    const o = obj as Record<string, unknown>;
    if ('error' in o && !('schemaVersion' in o))
      throw new ReportFileError(file, 'this is an error report, not a scan report (the run that wrote it failed)');
    if (Array.isArray(o.hosts) && Array.isArray(o.waves)) throw new ReportFileError(file, 'this is a fleet report, not a host report');
  }
  if (nestsDeeperThan(obj, REPORT_MAX_DEPTH)) throw new ReportFileError(file, `nests deeper than ${REPORT_MAX_DEPTH} levels; not a report`);
  const v = validateReport(obj);
  if (!v.ok) {
    const more = v.errors.length > 1 ? ` (and ${v.errors.length - 1} more)` : '';
    throw new ReportFileError(file, `${v.errors[0]}${more}`);
  }
  return obj as Report;
}

/**
 * Loads a report written by `scan --format json` (or `--json`): see the module comment. Throws ReportFileError,
 * one line: `report.json: /findings/3/severity: must be one of critical, high, medium, low, info`.
 */
export async function loadReport(file: string, opts: { maxBytes?: number } = {}): Promise<Report> {
  const text = await readTextFile(file, opts.maxBytes ?? REPORT_MAX_BYTES, 'report', (d) => new ReportFileError(file, d));
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw new ReportFileError(file, `not JSON (${jsonErrorAt(text, e as Error)})`);
  }
  return asReport(file, obj);
}
