// Measuring one child process: wall time (process.hrtime around spawn -> close) and its own peak RSS.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, kilobytes) when installed; otherwise node children
// are started with `--import bench/rss-report.mjs`, which writes process.resourceUsage().maxRSS on exit,
// and non-node children (iconv, openssl) get no RSS (null). CPU time (user+sys) comes the same way: on a
// busy machine wall time waits for a core, CPU time much less so; the bench prints both.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GNU_TIME = '/usr/bin/time';
const RSS_REPORT = path.join(HERE, 'rss-report.mjs');

export const RSS_METHOD = existsSync(GNU_TIME) ? 'gnu-time' : 'node-wrapper';

/**
 * The environment every measured command runs in: this one, without what makes each node start do extra
 * work. NODE_EXTRA_CA_CERTS (set on these machines) has node load a CA bundle before the first line of
 * the script: about 75 ms here, which swelled the `node -e ''` baseline from ~45 to ~120 ms and hid most
 * of the command's own start-up in the ratio. NODE_OPTIONS could add preloads the same way. Set
 * BENCH_KEEP_ENV=1 to measure with them.
 */
export const DROPPED_ENV = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];
function benchEnv() {
  const e = { ...process.env };
  if (!process.env.BENCH_KEEP_ENV) for (const k of DROPPED_ENV) delete e[k];
  return e;
}

let seq = 0;

/**
 * Run `cmd args` once. stdout: 'null' sends it to /dev/null (a decode must not pay for a pipe), 'capture'
 * returns it (small JSON results of the in-process cases). Resolves { wallMs, rssMB, code, stdout, stderr }.
 */
export function runOnce(cmd, args, { stdout = 'null', cwd, env } = {}) {
  const rssFile = path.join(tmpdir(), `bench-rss-${process.pid}-${++seq}`);
  let file = cmd;
  let argv = args;
  let childEnv = { ...benchEnv(), ...env };
  if (RSS_METHOD === 'gnu-time') {
    file = GNU_TIME;
    argv = ['-f', '%M %U %S', '-o', rssFile, cmd, ...args];
  } else if (cmd === process.execPath) {
    argv = ['--import', RSS_REPORT, ...args];
    childEnv = { ...childEnv, BENCH_RSS_FILE: rssFile };
  }
  const outFd = stdout === 'null' ? openSync('/dev/null', 'w') : null;
  return new Promise((resolve, reject) => {
    const out = [];
    const err = [];
    const t0 = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ['ignore', outFd ?? 'pipe', 'pipe'] });
    child.stdout?.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', (e) => {
      if (outFd !== null) closeSync(outFd);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (outFd !== null) closeSync(outFd);
      let rssMB = null;
      let cpuMs = null;
      try {
        // GNU time writes "Command exited with non-zero status N" first when the child fails: take the last line.
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const [kb, user, sys] = lines[lines.length - 1].split(' ').map(Number);
        if (Number.isFinite(kb)) rssMB = kb / 1024;
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user + sys) * 1000;
      } catch {
        /* no RSS for this child (non-node command without GNU time) */
      }
      rmSync(rssFile, { force: true });
      resolve({
        wallMs,
        rssMB,
        cpuMs,
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

export function stats(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1] };
}

/**
 * Run a case and its baseline `runs` times each, interleaved (A B A B ...) so that drift on a busy machine
 * hits both alike, after one unmeasured warm-up of each (page cache, V8 code cache).
 * `check(result)` throws where the case did the wrong thing (bad exit code, wrong digest, key not found).
 */
export async function measurePair({ run, baseline, runs, warmup = true }) {
  const a = [];
  const b = [];
  if (warmup) {
    await checked(run);
    if (baseline) await checked(baseline);
  }
  for (let i = 0; i < runs; i++) {
    a.push(await checked(run));
    if (baseline) b.push(await checked(baseline));
  }
  return {
    case: summarize(a),
    baseline: baseline ? summarize(b) : null,
    last: a[a.length - 1],
  };
}

async function checked(spec) {
  const r = await runOnce(spec.cmd, spec.args, spec.opts);
  const ok = spec.okCodes ?? [0];
  if (!ok.includes(r.code)) {
    const tail = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${path.basename(spec.cmd)} ${spec.args.slice(0, 2).join(' ')} exited ${r.code}: ${tail}`);
  }
  if (spec.check) spec.check(r);
  return r;
}

function summarize(rs) {
  return {
    runs: rs.length,
    wallMs: stats(rs.map((r) => r.wallMs)),
    cpuMs: stats(rs.map((r) => r.cpuMs)),
    rssMB: stats(rs.map((r) => r.rssMB)),
  };
}
