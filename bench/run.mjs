#!/usr/bin/env node
// `npm run bench` (issue 7): each case against a baseline measured in the same run, as child processes.
// Prints a table (median wall time, min-max, peak RSS, ratio to baseline), checks the targets, and
// writes the same as JSON (bench/results.json). Needs a build (dist/, oclif.manifest.json).
//
//   node bench/run.mjs [--smoke] [--only startup,scan,reg,digest,fleet] [--results FILE] [--keep]
//
// --smoke: tiny inputs and one run per case (the test suite runs this; its timings mean nothing).
// Inputs are generated with fixed seeds in a temp folder, one size at a time, and deleted after use.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { DROPPED_ENV, measurePair, RSS_METHOD } from './measure.mjs';
import { generateHive } from './gen-hive.mjs';
import { generateDataFile } from './gen-data.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const NODE = process.execPath;
const BIN = path.join(ROOT, 'bin', 'run.js');
const DEMO_HOST = path.join(ROOT, 'fixtures', 'hosts', 'pf-agent-5x-all-in-one');
const FLEET_CMD = path.join(ROOT, 'dist', 'commands', 'fleet.js');
const FLEET_GEN = path.join(ROOT, 'scripts', 'make-fleet-fixtures.mjs');
const SEED = 7;
const GROUPS = ['startup', 'scan', 'reg', 'digest', 'fleet'];

// ---- arguments ------------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (['--smoke', '--keep'].includes(a)) continue;
  if (['--only', '--results'].includes(a) && argv[i + 1] !== undefined) {
    i++;
    continue;
  }
  console.error(`bench: unknown argument ${a}\nusage: node bench/run.mjs [--smoke] [--only ${GROUPS.join(',')}] [--results FILE] [--keep]`);
  process.exit(2);
}
const SMOKE = argv.includes('--smoke');
const KEEP = argv.includes('--keep');
const ONLY = (opt('--only') ?? GROUPS.join(',')).split(',').filter(Boolean);
for (const g of ONLY) {
  if (!GROUPS.includes(g)) {
    console.error(`bench: --only ${g}: not one of ${GROUPS.join(', ')}`);
    process.exit(2);
  }
}
const RESULTS = path.resolve(opt('--results') ?? path.join(HERE, 'results.json'));

// Sizes and run counts: N=5 for fast cases, 3 for slow ones, 1-2 for the biggest (issue 7).
const PLAN = SMOKE
  ? {
      fast: 1,
      warmup: false,
      hiveMB: [
        [1, 1],
        [2, 1],
      ],
      smallKeyMB: [[1, 1]],
      dataMB: [
        [4, 1],
        [8, 1],
      ],
      fleet: [
        [2, 1],
        [4, 1],
      ],
    }
  : {
      fast: 5,
      warmup: true,
      hiveMB: [
        [50, 5],
        [200, 3],
        [500, 3],
      ],
      smallKeyMB: [[100, 3]],
      dataMB: [
        [1024, 3],
        [4096, 2],
      ],
      fleet: [
        [50, 3],
        [500, 1],
      ],
    };

// ---- helpers --------------------------------------------------------------------------------------------------
const nodeCmd = (args, extra = {}) => ({ cmd: NODE, args, ...extra });
const NODE_EMPTY = { label: "node -e ''", ...nodeCmd(['-e', '']) };
const sizeLabel = (mb) => (mb >= 1024 ? `${mb / 1024} GB` : `${mb} MB`);
const results = [];

function record(id, title, m, baselineLabel, extra = {}) {
  const ratio = m.baseline && m.case.wallMs && m.baseline.wallMs ? m.case.wallMs.median / m.baseline.wallMs.median : null;
  const r = {
    id,
    title,
    status: 'ok',
    runs: m.case.runs,
    wallMs: m.case.wallMs,
    cpuMs: m.case.cpuMs,
    rssMB: m.case.rssMB,
    baseline: m.baseline
      ? { label: baselineLabel, runs: m.baseline.runs, wallMs: m.baseline.wallMs, cpuMs: m.baseline.cpuMs, rssMB: m.baseline.rssMB }
      : null,
    ratio,
    ...extra,
  };
  results.push(r);
  printRow(r);
  return r;
}

function notRun(id, title, status, reason) {
  const r = { id, title, status, reason, runs: 0, wallMs: null, cpuMs: null, rssMB: null, baseline: null, ratio: null };
  results.push(r);
  printRow(r);
  return r;
}

/** Runs one case; a failure is recorded (status "failed") and the bench goes on with the next case. */
async function guarded(id, title, fn) {
  try {
    return await fn();
  } catch (e) {
    return notRun(id, title, 'failed', (e?.message ?? String(e)).split('\n')[0]);
  }
}

function freeMB(dir) {
  try {
    const out = execFileSync('df', ['-Pk', dir], { encoding: 'utf8' }).trim().split('\n').pop().split(/\s+/);
    return Number(out[3]) / 1024;
  } catch {
    return Infinity;
  }
}

function needDisk(dir, mb) {
  const free = freeMB(dir);
  if (free < mb * 1.1 + 512) throw new Error(`needs ${Math.ceil(mb)} MB free in ${dir}, has ${Math.floor(free)} MB`);
}

// ---- table ----------------------------------------------------------------------------------------------------
const COLS = [
  ['case', 16],
  ['runs', 4],
  ['median ms', 9],
  ['min-max ms', 13],
  ['cpu ms', 7],
  ['RSS MB', 6],
  ['baseline', 26],
  ['base ms', 7],
  ['base cpu', 8],
  ['base RSS', 8],
  ['ratio', 7],
];
const LEFT = new Set([0, 6]);
const fmt = (x, d = 0) => (x === null || x === undefined ? '-' : x.toFixed(d));
const cell = (s, w, left) => (left ? s.padEnd(w) : s.padStart(w));

function tableHeader() {
  return COLS.map(([n, w], i) => cell(n, w, LEFT.has(i))).join('  ');
}

function printRow(r) {
  if (!printRow.started) {
    console.log(tableHeader());
    console.log(COLS.map(([, w]) => '-'.repeat(w)).join('  '));
    printRow.started = true;
  }
  if (r.status !== 'ok') {
    console.log(`${cell(r.id, COLS[0][1], true)}  ${r.status}: ${r.reason}`);
    return;
  }
  const w = r.wallMs;
  const b = r.baseline;
  const vals = [
    r.id,
    String(r.runs),
    fmt(w.median),
    `${fmt(w.min)}-${fmt(w.max)}`,
    fmt(r.cpuMs?.median),
    fmt(r.rssMB?.median),
    b?.label ?? '-',
    fmt(b?.wallMs?.median),
    fmt(b?.cpuMs?.median),
    fmt(b?.rssMB?.median),
    r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`,
  ];
  console.log(vals.map((v, i) => cell(v, COLS[i][1], LEFT.has(i))).join('  '));
}

// ---- cases ----------------------------------------------------------------------------------------------------
async function caseStartup() {
  await guarded('startup', 'mfa-readiness --version', async () => {
    const m = await measurePair({
      run: nodeCmd([BIN, '--version'], {
        check: (r) => {
          if (!/^mfa-readiness\//.test(r.stdout)) throw new Error(`--version printed ${JSON.stringify(r.stdout.slice(0, 80))}`);
        },
        opts: { stdout: 'capture' },
      }),
      baseline: NODE_EMPTY,
      runs: PLAN.fast,
      warmup: PLAN.warmup,
    });
    return record('startup', 'mfa-readiness --version', m, NODE_EMPTY.label);
  });
}

async function caseScanDemo(work) {
  const id = 'scan-demo';
  const title = 'scan pf-agent-5x-all-in-one, --format json,html,md,junit';
  if (!existsSync(DEMO_HOST)) return notRun(id, title, 'skipped', `demo host not built (${path.relative(ROOT, DEMO_HOST)} missing)`);
  await guarded(id, title, async () => {
    const host = path.join(work, 'host');
    const out = path.join(work, 'out');
    cpSync(DEMO_HOST, host, { recursive: true });
    const m = await measurePair({
      run: nodeCmd([BIN, 'scan', host, '--format', 'json,html,md,junit', '--out', out], {
        okCodes: [0, 1], // 1 = the gate failed: a finding, not an error
        check: () => {
          const files = readdirSync(out);
          for (const ext of ['.json', '.html', '.md', '.junit.xml']) {
            if (!files.some((f) => f.endsWith(ext))) throw new Error(`scan wrote no ${ext} report into ${out}`);
          }
        },
      }),
      baseline: NODE_EMPTY,
      runs: PLAN.fast,
      warmup: PLAN.warmup,
    });
    return record(id, title, m, NODE_EMPTY.label);
  });
  rmSync(path.join(work, 'host'), { recursive: true, force: true });
  rmSync(path.join(work, 'out'), { recursive: true, force: true });
}

async function caseRegParse(work) {
  // Two shapes of a whole-hive export: large keys (most bytes in wrapped hex lines of big values) and small
  // keys (many keys of one to three short values, side by side under a key that holds an interest).
  const cases = [
    ...PLAN.hiveMB.map(([mb, runs]) => ({ mb, runs, shape: 'large-keys', id: `reg-parse-${mb}MB`, what: 'SOFTWARE export' })),
    ...PLAN.smallKeyMB.map(([mb, runs]) => ({
      mb,
      runs,
      shape: 'small-keys',
      id: `reg-parse-small-keys-${mb}MB`,
      what: 'export of small keys',
    })),
  ];
  for (const { mb, runs, shape, id, what } of cases) {
    const title = `.reg parse, ${sizeLabel(mb)} UTF-16LE ${what}`;
    const file = path.join(work, `software-${shape}-${mb}.reg`);
    await guarded(id, title, async () => {
      needDisk(work, mb);
      const keys = await generateHive(file, mb, SEED, shape);
      const m = await measurePair({
        run: nodeCmd([path.join(HERE, 'cases', 'parse-reg.mjs'), file], {
          opts: { stdout: 'capture' },
          check: (r) => {
            const j = JSON.parse(r.stdout);
            // The MFA keys are buried near the end of the export: a parser that skips too much misses them.
            if (j.mfaVersion !== '8.0.1.1' || j.replicationPort !== 4898)
              throw new Error(`MFA keys not found in ${path.basename(file)}: ${r.stdout.trim()}`);
            if (j.keys !== keys) throw new Error(`parser read ${j.keys} [KEY] sections, the export has ${keys}`);
          },
        }),
        baseline: { cmd: 'iconv', args: ['-f', 'UTF-16LE', '-t', 'UTF-8', file] },
        runs,
        warmup: PLAN.warmup && mb <= 50,
      });
      return record(id, title, m, 'iconv -f UTF-16LE -t UTF-8', { input: { sizeMB: mb, bytes: statSync(file).size, keys, shape } });
    });
    rmSync(file, { force: true });
  }
}

async function caseDigest(work) {
  for (const [mb, runs] of PLAN.dataMB) {
    const id = `digest-${mb >= 1024 ? `${mb / 1024}GB` : `${mb}MB`}`;
    const title = `sha256 of a ${sizeLabel(mb)} data file (sha256File)`;
    const file = path.join(work, `data-${mb}.bin`);
    await guarded(id, title, async () => {
      needDisk(work, mb);
      await generateDataFile(file, mb, SEED);
      let ours = null;
      let theirs = null;
      const m = await measurePair({
        run: nodeCmd([path.join(HERE, 'cases', 'digest.mjs'), file], {
          opts: { stdout: 'capture' },
          check: (r) => (ours = r.stdout.trim()),
        }),
        baseline: {
          cmd: 'openssl',
          args: ['dgst', '-sha256', '-r', file],
          opts: { stdout: 'capture' },
          check: (r) => (theirs = r.stdout.trim().split(/\s+/)[0]),
        },
        runs,
        warmup: false, // the file was just written: it is in the page cache
      });
      if (ours !== theirs) throw new Error(`digest ${ours} differs from openssl's ${theirs}`);
      const r = record(id, title, m, 'openssl dgst -sha256', { input: { sizeMB: mb } });
      r.throughputMBs = mb / (r.wallMs.median / 1000);
      r.baseline.throughputMBs = mb / (r.baseline.wallMs.median / 1000);
      return r;
    });
    rmSync(file, { force: true });
  }
}

async function caseFleet(work) {
  const sizes = PLAN.fleet;
  const built = existsSync(FLEET_CMD) && existsSync(FLEET_GEN);
  if (!built) {
    for (const [n] of sizes) notRun(`fleet-${n}`, `fleet over ${n} host bundles`, 'skipped', 'fleet command not built');
    return;
  }
  const { generateFleet } = await import(pathToFileURL(FLEET_GEN).href);
  for (const [n, runs] of sizes) {
    const id = `fleet-${n}`;
    const title = `fleet over ${n} host bundles`;
    const dir = path.join(work, `fleet-${n}`);
    const out = path.join(work, `fleet-${n}-out`);
    await guarded(id, title, async () => {
      await generateFleet(dir, n, SEED);
      const hosts = readdirSync(dir)
        .filter((h) => statSync(path.join(dir, h)).isDirectory())
        .sort();
      if (hosts.length === 0) throw new Error(`generateFleet wrote no host folder into ${dir}`);
      // Baseline: k x one single-host scan (k = n / 5: 10x for 50 hosts, 100x for 500), measured now.
      const k = n / 5;
      const one = await measurePair({
        run: nodeCmd([BIN, 'scan', path.join(dir, hosts[0]), '--format', 'json', '--out', path.join(work, 'one-out')], { okCodes: [0, 1] }),
        runs: PLAN.fast,
        warmup: PLAN.warmup,
      });
      rmSync(path.join(work, 'one-out'), { recursive: true, force: true });
      const m = await measurePair({
        run: nodeCmd([BIN, 'fleet', dir, '--out', out], {
          okCodes: [0, 1],
          check: () => rmSync(out, { recursive: true, force: true }),
        }),
        runs,
        warmup: false,
      });
      const scale = (s) => s && { median: s.median * k, min: s.min * k, max: s.max * k };
      m.baseline = { runs: one.case.runs, wallMs: scale(one.case.wallMs), cpuMs: scale(one.case.cpuMs), rssMB: one.case.rssMB };
      return record(id, title, m, `${k} x one-host scan`, { input: { hosts: hosts.length }, oneScanMs: one.case.wallMs });
    });
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

// ---- targets (issue 7, on a 2-core machine) -------------------------------------------------------------------
const FLAT = 1.25; // "memory flat": the biggest input's peak RSS at most 1.25x the smallest's

function targets() {
  const ok = results.filter((r) => r.status === 'ok');
  const by = (prefix) => ok.filter((r) => r.id.startsWith(prefix));
  const out = [];
  const add = (id, description, limit, measured, met, detail) => out.push({ id, description, limit, measured, met, detail });
  const ratioMax = (r, max, what) =>
    add(`${r.id}:time`, `${what} at most ${max}x ${r.baseline.label}`, max, r.ratio, r.ratio <= max, `${r.ratio.toFixed(2)}x`);

  for (const r of by('startup')) ratioMax(r, 3, '--version');
  for (const r of by('scan-demo')) ratioMax(r, 3.5, 'scan of the demo host, all formats,');
  const reg = by('reg-parse-').filter((r) => r.input.shape !== 'small-keys');
  for (const r of reg) ratioMax(r, 4, `.reg parse (${sizeLabel(r.input.sizeMB)})`);
  for (const r of by('reg-parse-small-keys-')) ratioMax(r, 3, `.reg parse of small keys (${sizeLabel(r.input.sizeMB)})`);
  const bigReg = reg[reg.length - 1];
  if (bigReg?.rssMB) {
    add(
      `${bigReg.id}:rss`,
      `peak RSS under 200 MB parsing the ${sizeLabel(bigReg.input.sizeMB)} export`,
      200,
      bigReg.rssMB.max,
      bigReg.rssMB.max < 200,
      `${bigReg.rssMB.max.toFixed(1)} MB`,
    );
  }
  const dig = by('digest-');
  for (const r of dig) {
    const t = r.baseline.wallMs.median / r.wallMs.median;
    add(
      `${r.id}:throughput`,
      `digest (${sizeLabel(r.input.sizeMB)}) at least 0.8x openssl's throughput`,
      0.8,
      t,
      t >= 0.8,
      `${t.toFixed(2)}x (${r.throughputMBs.toFixed(0)} vs ${r.baseline.throughputMBs.toFixed(0)} MB/s)`,
    );
  }
  const flat = (id, rs, what) => {
    if (rs.length < 2 || !rs[0].rssMB || !rs[rs.length - 1].rssMB) return;
    const g = rs[rs.length - 1].rssMB.max / rs[0].rssMB.max;
    add(
      id,
      `${what}: memory flat (peak RSS of ${rs[rs.length - 1].id} at most ${FLAT}x ${rs[0].id})`,
      FLAT,
      g,
      g <= FLAT,
      `${rs[0].rssMB.max.toFixed(1)} -> ${rs[rs.length - 1].rssMB.max.toFixed(1)} MB (${g.toFixed(2)}x)`,
    );
  };
  flat('digest:rss-flat', dig, 'digest');
  const fl = by('fleet-');
  if (fl.length >= 2) {
    const a = fl[0];
    const b = fl[fl.length - 1];
    const s = b.wallMs.median / a.wallMs.median;
    add('fleet:scaling', `fleet over ${b.input.hosts} hosts at most 12x the time of ${a.input.hosts}`, 12, s, s <= 12, `${s.toFixed(2)}x`);
    flat('fleet:rss-flat', fl, 'fleet');
  }
  return out;
}

// ---- main -----------------------------------------------------------------------------------------------------
async function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'commands', 'scan.js')) || !existsSync(path.join(ROOT, 'oclif.manifest.json'))) {
    console.error('bench: no build found (dist/commands/scan.js, oclif.manifest.json): run `npm run build` first');
    process.exit(2);
  }
  const work = mkdtempSync(path.join(process.env.BENCH_TMP ?? tmpdir(), 'mfa-bench-'));
  const started = new Date();
  const loadBefore = loadavg()[0];
  console.log(
    `mfa-readiness bench${SMOKE ? ' (smoke: tiny inputs, one run, timings mean nothing)' : ''}: node ${process.version}, ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, peak RSS and CPU via ${RSS_METHOD}, inputs in ${work}`,
  );
  // Wall times wait for a free core: on a busy machine they (and the ratios) are inflated, CPU times much less.
  const dropped = process.env.BENCH_KEEP_ENV ? [] : DROPPED_ENV.filter((k) => process.env[k] !== undefined);
  if (dropped.length)
    console.log(`note: measured without ${dropped.join(', ')} (set here; it makes every node start slower; BENCH_KEEP_ENV=1 keeps it)`);
  if (loadBefore > cpus().length / 2)
    console.log(
      `note: load average ${loadBefore.toFixed(1)} on ${cpus().length} CPU(s): other work is running, wall times will be noisy (see the cpu ms columns)`,
    );
  console.log('');
  try {
    if (ONLY.includes('startup')) await caseStartup();
    if (ONLY.includes('scan')) await caseScanDemo(work);
    if (ONLY.includes('reg')) await caseRegParse(work);
    if (ONLY.includes('digest')) await caseDigest(work);
    if (ONLY.includes('fleet')) await caseFleet(work);
  } finally {
    if (!KEEP) rmSync(work, { recursive: true, force: true });
  }
  const tg = targets();
  console.log('\ntargets:');
  for (const t of tg) console.log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.description}: ${t.detail}`);
  if (SMOKE) console.log('  (smoke run: tiny inputs, targets not meaningful)');
  const doc = {
    schemaVersion: 1,
    smoke: SMOKE,
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memMB: Math.round(totalmem() / 2 ** 20),
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      // Variables of this environment that every measured command ran without (measure.mjs).
      envDropped: dropped,
    },
    rssMethod: RSS_METHOD,
    cases: results,
    targets: tg,
  };
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(doc, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
  // A case that broke (wrong digest, keys not found, crash) fails the run; a missed target does not.
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

await main();
