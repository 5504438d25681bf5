import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addressSpaceLimit } from '../../src/cli/launcher.js';
import { BIN } from '../helpers/hosts.js';
import { BASE, NOW, stageHost } from './helpers.js';

// Issue 15 item 18: under `ulimit -v` about 1 GB a scan aborted with exit 134 (glibc's per-thread malloc arenas
// reserve 64 MB each while the heap held 10 MB). The launcher now runs the command in a child with
// MALLOC_ARENA_MAX=2 under such a limit, and a death of that child is exit 2 with one line.

const linux = process.platform === 'linux' && spawnSync('bash', ['-c', 'ulimit -v']).status === 0;
const LIMIT_KB = 1_000_000;

/** The CLI under an address-space limit (bash's ulimit -v, in KB). */
function limited(args: string[], kb = LIMIT_KB) {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return spawnSync('bash', ['-c', `ulimit -v ${kb}; exec '${process.execPath}' '${BIN}' ${quoted}`], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

describe('addressSpaceLimit', () => {
  it('reads the soft limit from /proc/self/limits text', () => {
    const row = (soft: string) =>
      `Limit                     Soft Limit           Hard Limit           Units\nMax address space         ${soft}            unlimited            bytes\n`;
    expect(addressSpaceLimit(row('unlimited'))).toBeNull();
    expect(addressSpaceLimit(row('1024000000'))).toBe(1_024_000_000);
    expect(addressSpaceLimit('')).toBeNull();
  });
});

describe.skipIf(!linux)('a scan under ulimit -v of about 1 GB', () => {
  it('scan: exit 0 or 1 with a whole report (was 134)', () => {
    const r = limited(['scan', stageHost(BASE), '--json', '--now', NOW]);
    expect(r.signal).toBeNull();
    expect([0, 1], r.stderr.slice(-500)).toContain(r.status);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  }, 150_000);

  it('fleet of three bundles: exit 0 or 1 with a fleet report', () => {
    const r = limited(['fleet', stageHost(BASE), stageHost('ready-8x'), stageHost('ha-subordinate'), '--json', '--now', NOW]);
    expect(r.signal).toBeNull();
    expect([0, 1], r.stderr.slice(-500)).toContain(r.status);
    expect(JSON.parse(r.stdout).hosts).toHaveLength(3);
  }, 150_000);

  it('a scan that dies anyway (here: SIGABRT, as V8 out of memory does) is exit 2 with one line, not 134', async () => {
    const dir = stageHost(BASE);
    const parent = spawn('bash', ['-c', `ulimit -v ${LIMIT_KB}; exec '${process.execPath}' '${BIN}' scan '${dir}' --json --now ${NOW}`], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    parent.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    parent.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<{ code: number | null; signal: string | null }>((res) =>
      parent.on('exit', (code, signal) => res({ code, signal })),
    );
    // The relaunched child is the parent's only child process.
    let child: number | null = null;
    for (let i = 0; i < 200 && child === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
      try {
        const kids = readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim();
        if (kids) child = Number(kids.split(' ')[0]);
      } catch {
        break;
      }
    }
    expect(child, 'the launcher started a child under the limit').not.toBeNull();
    process.kill(child!, 'SIGABRT');
    const r = await ended;
    expect(r).toEqual({ code: 2, signal: null });
    expect(JSON.parse(stdout.trim().split('\n').pop()!).error.message).toMatch(/address-space limit of 977 MB \(ulimit -v\)/);
    expect(
      stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('mfa-readiness:')),
    ).toHaveLength(1);
  }, 60_000);
});
