/**
 * The CI formats (`github`, `azure`): logging commands printed on stdout for the CI runner to read, and for
 * GitHub a step summary appended to $GITHUB_STEP_SUMMARY. They are not report files.
 */
import { appendFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import type { Report } from '../types.js';
import type { FleetReport } from '../fleet/types.js';
import { githubAnnotations, githubFleetAnnotations, githubFleetSummary, githubSummary } from './github.js';
import { renderAzure, renderAzureFleet } from './azure.js';

export const CI_FORMATS = ['github', 'azure'] as const;
export type CiFormat = (typeof CI_FORMATS)[number];
export const isCiFormat = (f: string): f is CiFormat => (CI_FORMATS as readonly string[]).includes(f);

export interface CiOptions {
  /** The report files written (annotations point at the first Markdown, HTML or JSON one). */
  written: readonly string[];
  cwd: string;
  /** Where $GITHUB_STEP_SUMMARY is read (process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where the commands go (process.stdout). */
  write?: (s: string) => void;
}

/** A path as the CI runner wants it: relative to the workspace (cwd) where inside it, with forward slashes. */
function ciPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file).split('\\').join('/');
}

function primary(written: readonly string[], cwd: string): string | undefined {
  const pick = ['.md', '.html', '.json', '.xml'].map((e) => written.find((w) => w.toLowerCase().endsWith(e))).find((w) => w);
  return pick ? ciPath(pick, cwd) : undefined;
}

/**
 * Prints the CI formats asked for (others in `formats` are ignored) and appends GitHub's step summary.
 * A step summary that cannot be written is an error naming the file.
 */
export async function emitCiFormats(report: Report | FleetReport, formats: readonly string[], opts: CiOptions): Promise<void> {
  const write = opts.write ?? ((s: string) => void process.stdout.write(s));
  const env = opts.env ?? process.env;
  const file = primary(opts.written, opts.cwd);
  const fleet = 'hosts' in report;
  for (const f of new Set(formats)) {
    if (f === 'github') {
      write(fleet ? githubFleetAnnotations(report, { file }) : githubAnnotations(report, { file }));
      const summaryFile = env.GITHUB_STEP_SUMMARY;
      if (summaryFile) {
        const files = opts.written.map((w) => ciPath(w, opts.cwd));
        const md = fleet ? githubFleetSummary(report, { reportFiles: files }) : githubSummary(report, { reportFiles: files });
        try {
          await appendFile(summaryFile, md, 'utf8');
        } catch (e) {
          throw new Error(
            `${summaryFile}: cannot append the step summary (GITHUB_STEP_SUMMARY): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          );
        }
      }
    } else if (f === 'azure') {
      write(fleet ? renderAzureFleet(report, { file }) : renderAzure(report, { file }));
    }
  }
}
