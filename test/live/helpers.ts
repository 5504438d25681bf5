/**
 * Shared by the Wine tests: builds the live target to JavaScript for the Windows node.exe, makes the Wine
 * prefix, and runs node.exe scripts with their output in files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript helpers shared with CI scripts
import { DEFAULT_PREFIX, ensureWine, runWine, winePath } from '../../scripts/wine/run.mjs';
import { missing, skipLine, tool } from '../helpers/tools.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PREFIX: string = DEFAULT_PREFIX;
export { runWine, winePath };

export interface WineReady {
  ok: boolean;
  reason?: string;
  ms?: number;
}

/**
 * Wine ready (installed, the Windows node.exe fetched, a prefix made), or why not. Nothing is installed
 * here (scripts/setup-test-tools.sh does that); where a tool is missing, one line says so and the file's
 * tests are skipped.
 */
export async function wineReady(what = 'Wine tests'): Promise<WineReady> {
  const m = missing('wine', 'node-win');
  if (m) {
    console.warn(skipLine(what, m.tool, m.reason));
    return { ok: false, reason: m.reason };
  }
  const r = (await ensureWine(PREFIX)) as WineReady;
  if (!r.ok) console.warn(skipLine(what, 'wine', `no Wine prefix: ${r.reason}`));
  return r;
}

/** The Windows node.exe fetched by scripts/setup-test-tools.sh (wineReady() has checked it is there). */
export function nodeExe(): string {
  const s = tool('node-win');
  if (!s.ok) throw new Error(`node.exe: ${s.reason} (run scripts/setup-test-tools.sh)`);
  return s.path!;
}

/**
 * Compiles src/host/live.ts (and what it imports) with tsc into a fresh temp folder, as ESM:
 * dist/ may not exist yet, and other people's half-written files must not stop this build.
 */
export function buildLive(): string {
  // Inside the repository (.tmp/ is gitignored) so that tsc finds node_modules/@types from there.
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const out = mkdtempSync(path.join(ROOT, '.tmp', 'live-build-'));
  const tsconfig = path.join(out, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        outDir: path.join(out, 'js'),
        rootDir: path.join(ROOT, 'src'),
        noEmit: false,
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      },
      files: [path.join(ROOT, 'src', 'host', 'live.ts')],
      include: [],
    }),
  );
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`tsc failed for src/host/live.ts:\n${String((e as { stdout?: Buffer }).stdout ?? e)}`);
  }
  mkdirSync(path.join(out, 'js'), { recursive: true });
  writeFileSync(path.join(out, 'js', 'package.json'), '{"type":"module"}\n');
  return path.join(out, 'js');
}

/** A .reg file as regedit writes it: UTF-16LE with a byte order mark and CRLF line ends. */
export function writeRegFile(file: string, lines: string[]): void {
  const text = ['Windows Registry Editor Version 5.00', '', ...lines, ''].join('\r\n');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

/** Parse JSON a node.exe script wrote to stdout (a file); throws with stderr when there is none. */
export function parseOut(r: { code: number | null; stdout: Buffer; stderr: Buffer }): any {
  const text = r.stdout.toString('utf8').trim();
  if (r.code !== 0 || !text) throw new Error(`node.exe exited ${r.code}: ${r.stderr.toString('utf8')}\n${text}`);
  return JSON.parse(text.split(/\r?\n/).pop()!);
}
