import { constants as FS, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Report } from '../types.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit, type RuleRan } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { emitCiFormats, isCiFormat } from './ci.js';

export type ReportFormat = 'json' | 'html' | 'md' | 'junit' | 'sarif' | 'github' | 'azure';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'html', 'md', 'junit', 'sarif', 'github', 'azure'];
/** github and azure are CI logging commands printed on stdout (src/report/ci.ts), not files: no extension. */
export const EXTENSIONS: Record<ReportFormat, string> = {
  json: '.json',
  html: '.html',
  md: '.md',
  junit: '.junit.xml',
  sarif: '.sarif',
  github: '',
  azure: '',
};
/** Extensions stripped from `--output FILE` to get the base name (longest first). */
const KNOWN_EXT = ['.junit.xml', '.json', '.html', '.htm', '.md', '.xml', '.sarif'];

export interface WriteOptions {
  formats: readonly ReportFormat[];
  /** `--out DIR`: files go to DIR/mfa-readiness-<host>-<date>.<ext> (DIR is created). */
  out?: string;
  /** `--output FILE`: its name, minus a known extension, is the base name of every file. */
  output?: string;
  /** `--template DIR` for html and md. */
  templateDir?: string;
  /** The rules that ran, for junit. */
  rulesRan: readonly RuleRan[];
  /** Relative paths resolve against it. */
  cwd: string;
  /** The scanned target's folder (bundle): refuse to write inside it. */
  targetDir?: string;
  /** Other folders that are part of the target (--drive L=PATH): refused the same way. */
  targetDirs?: string[];
}

/** Longest host part of a file name: the whole name, its temp twin and `.junit.xml` stay far below NAME_MAX (255). */
const MAX_HOST_CHARS = 64;

/**
 * A host name made safe for a file name on Windows and POSIX. Where making it safe changed it (`MFA 01`,
 * `MFA/01`, a name from a hostile bundle) or it is too long (a 215-character name), a short hash of the
 * name as it was is appended, so hosts whose names sanitise alike never share a report file
 * (`MFA-01`, `MFA-01-3f1c2a9b`, `MFA-01-d40e7c15`); a plain name (`MFA01`, `mfa01.contoso.local`) is kept.
 */
export function fileSafeHost(name: string | null): string {
  const raw = name ?? '';
  const s = raw
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (s === '' && raw === '') return 'unknown-host';
  if (s === raw && s.length <= MAX_HOST_CHARS) return s;
  const hash = createHash('sha256').update(raw, 'utf8').digest('hex').slice(0, 8);
  const head = s.slice(0, MAX_HOST_CHARS - 9).replace(/[-.]+$/, '');
  return `${head || 'host'}-${hash}`;
}

/** `mfa-readiness-<host>-<YYYY-MM-DD of scan.startedAt>` */
export function defaultBaseName(report: Report): string {
  return `mfa-readiness-${fileSafeHost(report.host.name)}-${report.scan.startedAt.slice(0, 10)}`;
}

/** The path (without extension) every format's file is named after. */
export function reportBasePath(report: Report, opts: Pick<WriteOptions, 'out' | 'output' | 'cwd'>): string {
  if (opts.output) {
    const file = resolve(opts.cwd, opts.out ?? '', opts.output);
    const name = basename(file);
    const ext = KNOWN_EXT.find((e) => name.toLowerCase().endsWith(e) && name.length > e.length);
    return ext ? file.slice(0, file.length - ext.length) : file;
  }
  return join(resolve(opts.cwd, opts.out ?? '.'), defaultBaseName(report));
}

/** Whether `child` is `parent` or below it (a name that merely begins with `..`, such as `..reports`, is below). */
function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  if (rel === '') return true;
  if (isAbsolute(rel)) return false;
  const first = rel.split(/[\\/]/)[0];
  return first !== '..';
}

/** The real path of `p` (links resolved) where it exists, else of its nearest existing folder plus the rest. */
async function realish(p: string): Promise<string> {
  let cur = resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(await realpath(cur), ...rest.reverse());
    } catch {
      const up = dirname(cur);
      if (up === cur) return resolve(p);
      rest.push(basename(cur));
      cur = up;
    }
  }
}

/**
 * Whether `file` would land inside `dir`: compared as given, after resolving links (an --out that is a
 * link into the target), and case-insensitively (Windows, macOS and SMB-mounted copies ignore case).
 */
export async function landsInside(file: string, dir: string): Promise<boolean> {
  if (inside(resolve(file), resolve(dir))) return true;
  const [f, d] = [await realish(file), await realish(dir)];
  return inside(f, d) || inside(f.toLowerCase(), d.toLowerCase());
}

export interface WriteFileOptions {
  /** Folders nothing may be written into (the scanned targets): checked where the bytes land, at write time. */
  forbidden?: readonly string[];
}

/** The forbidden folder `file` lands in, judged by the real path of its folder now (links resolved). */
async function forbiddenHit(file: string, forbidden: readonly string[]): Promise<string | undefined> {
  if (forbidden.length === 0) return undefined;
  const real = join(await realpath(dirname(file)), basename(file));
  for (const d of forbidden) if (await landsInside(real, d)) return d;
  return undefined;
}

const O_NOFOLLOW = FS.O_NOFOLLOW ?? 0;

/**
 * Writes one report file: a temp file in the same folder, then a rename, so a reader never sees half a
 * report. The temp file has a random name and is created exclusively without following a link
 * (O_CREAT | O_EXCL | O_NOFOLLOW): a link planted in the output folder is never written through. Where
 * the file lands is checked at write time, on the real path of its folder, before the temp file is
 * created and again before the rename (a folder swapped for a link into the target during a fleet run
 * is caught). The final name is replaced by rename, which never follows a link either; an existing
 * folder, device or pipe by that name is refused. Throws one line naming the file.
 */
export async function writeReportFile(file: string, content: string, opts: WriteFileOptions = {}): Promise<void> {
  const forbidden = opts.forbidden ?? [];
  const fail = (why: string) => new Error(`${file}: cannot write the report (${why})`);
  const refuse = (d: string) => new Error(`${file}: refusing to write a report inside the scanned target (${d})`);
  let hit: string | undefined;
  try {
    hit = await forbiddenHit(file, forbidden);
  } catch (e) {
    throw fail((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  if (hit) throw refuse(hit);
  const existing = await lstat(file).catch(() => null);
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) throw fail(`${kindOf(existing)} by that name: not replaced`);
  const tmp = join(dirname(file), `.${basename(file).slice(0, 100)}.${randomBytes(8).toString('hex')}.tmp`);
  let created = false;
  try {
    const fh = await open(tmp, FS.O_WRONLY | FS.O_CREAT | FS.O_EXCL | O_NOFOLLOW, 0o644);
    created = true;
    try {
      await fh.writeFile(content, 'utf8');
    } finally {
      await fh.close();
    }
    hit = await forbiddenHit(file, forbidden);
    if (hit) throw refuse(hit);
    await rename(tmp, file);
  } catch (e) {
    if (created) await rm(tmp, { force: true }).catch(() => undefined);
    if ((e as Error).message.includes('refusing to write')) throw e;
    throw fail((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}

function kindOf(st: Stats): string {
  return st.isDirectory()
    ? 'a folder'
    : st.isFIFO()
      ? 'a pipe'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'a device'
        : st.isSocket()
          ? 'a socket'
          : 'not a regular file';
}

/**
 * `--output FILE` naming something that is not a regular file (`/dev/stdout`, a pipe, a folder) is refused
 * with one line: reports are files (use --json for stdout, --out for a folder).
 */
export async function checkOutput(output: string | undefined, cwd: string, out?: string): Promise<void> {
  if (!output) return;
  const p = resolve(cwd, out ?? '', output);
  const st = await stat(p).catch(() => null);
  if (st && !st.isFile()) {
    throw new Error(`--output ${output}: ${kindOf(st)}, not a report file (use --json for the report on stdout, --out DIR for a folder)`);
  }
}

/**
 * Renders and writes the reports; returns the paths written, in `formats` order (duplicates once).
 * Throws (one line naming the path) where a file would land inside the target or cannot be written.
 */
export async function writeReports(report: Report, opts: WriteOptions): Promise<string[]> {
  await checkOutput(opts.output, opts.cwd, opts.out);
  const base = reportBasePath(report, opts);
  const formats = [...new Set(opts.formats)].filter((f) => !isCiFormat(f));
  const targetDirs = [opts.targetDir, ...(opts.targetDirs ?? [])].filter((d): d is string => !!d).map((d) => resolve(opts.cwd, d));
  const jobs = formats.map((f) => ({ format: f, file: base + EXTENSIONS[f] }));
  for (const j of jobs) {
    for (const targetDir of targetDirs) {
      if (await landsInside(j.file, targetDir)) {
        throw new Error(`${j.file}: refusing to write a report inside the scanned target (${targetDir})`);
      }
    }
  }
  // Render everything first: a template error writes nothing.
  const contents = jobs.map((j) => {
    switch (j.format) {
      case 'json':
        return renderJson(report);
      case 'html':
        return renderHtml(report, { templateDir: opts.templateDir });
      case 'md':
        return renderMarkdown(report, { templateDir: opts.templateDir });
      case 'junit':
        return renderJunit(report, opts.rulesRan);
      case 'sarif':
        return renderSarif(report);
      default:
        throw new Error(`${String(j.format)}: not a file format`);
    }
  });
  // Checked once more right before the folders are made: a folder swapped for a link while rendering.
  for (const j of jobs)
    for (const d of targetDirs)
      if (await landsInside(j.file, d)) throw new Error(`${j.file}: refusing to write a report inside the scanned target (${d})`);
  await mkdir(dirname(base), { recursive: true });
  const written: string[] = [];
  for (const [i, j] of jobs.entries()) {
    await writeReportFile(j.file, contents[i], { forbidden: targetDirs });
    written.push(j.file);
  }
  await emitCiFormats(report, opts.formats, { written, cwd: opts.cwd });
  return written;
}
