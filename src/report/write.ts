import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Report } from '../types.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit, type RuleRan } from './junit.js';
import { renderMarkdown } from './markdown.js';

export type ReportFormat = 'json' | 'html' | 'md' | 'junit';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'html', 'md', 'junit'];
export const EXTENSIONS: Record<ReportFormat, string> = { json: '.json', html: '.html', md: '.md', junit: '.junit.xml' };
/** Extensions stripped from `--output FILE` to get the base name (longest first). */
const KNOWN_EXT = ['.junit.xml', '.json', '.html', '.htm', '.md', '.xml'];

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

/** A host name made safe for a file name on Windows and POSIX. */
export function fileSafeHost(name: string | null): string {
  const s = (name ?? '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[-.]+|[-.]+$/g, '');
  return s === '' ? 'unknown-host' : s;
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

let tmpCounter = 0;
/**
 * Writes one report file: a temp file in the same folder, then a rename, so a reader never sees half a
 * report. Throws one line naming the file where it cannot be written.
 */
export async function writeReportFile(file: string, content: string): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${++tmpCounter}.tmp`);
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new Error(`${file}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
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
  if (inside(file, dir)) return true;
  const [f, d] = [await realish(file), await realish(dir)];
  return inside(f, d) || inside(f.toLowerCase(), d.toLowerCase());
}

/**
 * Renders and writes the reports; returns the paths written, in `formats` order (duplicates once).
 * Throws (one line naming the path) where a file would land inside the target or cannot be written.
 */
export async function writeReports(report: Report, opts: WriteOptions): Promise<string[]> {
  const base = reportBasePath(report, opts);
  const formats = [...new Set(opts.formats)];
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
    }
  });
  await mkdir(dirname(base), { recursive: true });
  const written: string[] = [];
  for (const [i, j] of jobs.entries()) {
    await writeReportFile(j.file, contents[i]!);
    written.push(j.file);
  }
  return written;
}
