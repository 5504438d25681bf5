import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, ROOT, stageHost } from '../helpers/hosts.js';
import { validateReport } from '../../src/report/schema.js';
import type { Report } from '../../src/types.js';

export { ROOT, stageHost };
export const HOSTILE = path.join(ROOT, 'fixtures', 'hostile');
export const NOW = '2026-11-21T09:00:00Z';

/** The richest fixture: agent, User Portal (themes), Mobile App, SDK, data file, IIS. Hostile copies start from it. */
export const BASE = 'pf-agent-5x-all-in-one';
export const PORTAL = 'fs/C/inetpub/wwwroot/PhoneFactor';
export const APPHOST = 'fs/C/Windows/System32/inetsrv/config/applicationHost.config';
export const DATA_DIR = 'fs/C/program files/phonefactor/DATA';

export interface ScanRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The CLI with a hard timeout: a hang is a failure, never a stuck test run. */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): ScanRun {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t0 };
}

/**
 * `scan DIR --json`, asserting what every hostile input must give: it ends in time, with exit 0 or 1
 * (never 2, never a signal), and a JSON report that is valid against the shipped schema.
 */
export function scanOk(dir: string, extra: string[] = [], timeoutMs = 60_000): { report: Report; run: ScanRun } {
  const run = cli(['scan', dir, '--json', '--now', NOW, ...extra], { timeoutMs });
  expect(run.signal, `scan was killed (hang?) after ${run.ms} ms; stderr: ${run.stderr.slice(0, 500)}`).toBeNull();
  expect([0, 1], `exit code ${run.code}; stderr: ${run.stderr.slice(0, 500)}`).toContain(run.code);
  const report = JSON.parse(run.stdout) as Report;
  const v = validateReport(report);
  expect(v.ok ? [] : v.errors).toEqual([]);
  return { report, run };
}

/** Every place a report can name a file: problems, and findings' messages and evidence. */
export function mentionsOf(report: Report): string[] {
  return [
    ...report.problems.map((p) => `${p.location} | ${p.message}`),
    ...report.findings.flatMap((f) => [
      `${f.ruleId} | ${f.message}`,
      ...f.evidence.map((e) => `${f.ruleId} | ${e.location} | ${e.observed}`),
    ]),
  ];
}

/** The problem or finding lines that name `file` (case-insensitive, either slash) and match `what`. */
export function naming(report: Report, file: string, what: RegExp = /./): string[] {
  const norm = (s: string) => s.replace(/\\/g, '/').toLowerCase();
  return mentionsOf(report).filter((m) => norm(m).includes(norm(file)) && what.test(m));
}

/** A registry export as `reg export` writes it: UTF-16LE with BOM, CRLF. */
export function regV5(body: string): Buffer {
  const text = `Windows Registry Editor Version 5.00\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`;
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Deterministic pseudo-random bytes (a fixed-seed xorshift): the same "garbage" every run. */
export function garbage(n: number, seed = 0x9e3779b9): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

export function tmp(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `mfa-safety-${prefix}-`));
}
