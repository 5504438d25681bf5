// Times a live scan under Wine on an empty Windows prefix (no MFA software, Wine's own registry):
// `node.exe bin/run.js scan --json`, alternating between the CLI folders given, N runs each, and prints
// the median wall time per folder. Used to measure live-mode changes before and after (README, Performance).
//   node scripts/wine/live-timing.mjs [--runs N] DIR [DIR...]      (each DIR holds bin/run.js and dist/)
// Needs wine and the Windows node.exe (scripts/setup-test-tools.sh).
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureWine, runWine, winePath } from './run.mjs';

const args = process.argv.slice(2);
let runs = 3;
const i = args.indexOf('--runs');
if (i >= 0) runs = Number(args.splice(i, 2)[1]);
const dirs = args.length ? args.map((d) => path.resolve(d)) : [process.cwd()];
const cache = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '.cache', 'node-win');
const exe =
  process.env.NODE_WIN ??
  (existsSync(cache)
    ? readdirSync(cache)
        .map((v) => path.join(cache, v, 'node.exe'))
        .find(existsSync)
    : undefined);
if (!exe) throw new Error('no Windows node.exe: run scripts/setup-test-tools.sh or set NODE_WIN');
const prefix = path.join(os.tmpdir(), `mfa-readiness-wine-${process.getuid?.() ?? 0}`, 'timing-empty');
const ready = await ensureWine(prefix);
if (!ready.ok) throw new Error(`wine: ${ready.reason}`);
const times = new Map(dirs.map((d) => [d, []]));
for (let r = 0; r < runs; r++) {
  for (const d of dirs) {
    const res = await runWine([exe, winePath(path.join(d, 'bin', 'run.js')), 'scan', '--json', '--now', '2026-12-01T00:00:00Z'], {
      prefix,
      cwd: '/tmp',
    });
    let verdict = '?';
    try {
      verdict = JSON.parse(res.stdout.toString('utf8')).verdict.status;
    } catch {
      verdict = `no report (exit ${res.code}): ${res.stderr.toString().slice(0, 200)}`;
    }
    times.get(d).push(res.ms);
    console.log(`${d}: run ${r + 1}: ${res.ms} ms, exit ${res.code}, ${verdict}`);
  }
}
for (const [d, t] of times) {
  const s = [...t].sort((a, b) => a - b);
  console.log(`${d}: median ${s[Math.floor(s.length / 2)]} ms (${s.join(', ')})`);
}
