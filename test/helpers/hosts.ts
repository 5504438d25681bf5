import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HOSTS = path.join(ROOT, 'fixtures', 'hosts');
export const BIN = path.join(ROOT, 'bin', 'run.js');

export function hostNames(): string[] {
  return readdirSync(HOSTS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export interface Expected {
  upgradePath: string;
  hostRole: string;
  verdict: string;
  exitCode: number;
  fire: string[];
  notFire: string[];
  planOrder: [string, string][];
  planSteps: string[];
  flags?: string[];
}

export function expected(name: string): Expected {
  return JSON.parse(readFileSync(path.join(HOSTS, `${name}.expected.json`), 'utf8')) as Expected;
}

/**
 * Copies a fixture host to a temp folder and applies its times list: git keeps no file times, and
 * backup currency and theme changes depend on them.
 */
export function stageHost(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `mfa-${name}-`));
  const dest = path.join(dir, name);
  cpSync(path.join(HOSTS, name), dest, { recursive: true, verbatimSymlinks: true });
  const timesFile = path.join(HOSTS, `${name}.times.json`);
  if (existsSync(timesFile)) {
    const times = JSON.parse(readFileSync(timesFile, 'utf8')) as Record<string, string>;
    for (const [rel, iso] of Object.entries(times)) {
      const p = path.join(dest, rel);
      if (existsSync(p)) utimesSync(p, new Date(iso), new Date(iso));
    }
  }
  return dest;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every file and folder under dir with its content digest, size, mode and mtime (to show a scan changed nothing). */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      const st = lstatSync(p);
      if (e.isSymbolicLink()) out.set(rel, `link:${readlinkSync(p)}:${st.mtimeMs}`);
      else if (e.isDirectory()) {
        out.set(rel, `dir:${st.mtimeMs}:${st.mode}`);
        walk(p);
      } else out.set(rel, `file:${st.size}:${st.mtimeMs}:${st.mode}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}
