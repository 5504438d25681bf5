// The bench is not a test, but it must keep working: a smoke run with tiny inputs (one run per case)
// checks that every case runs its real code path, that the table is printed and that results.json has
// the shape the README describes. It never asserts on timings. Needs the build (npm test builds first).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface Stats {
  median: number;
  min: number;
  max: number;
}
interface CaseResult {
  id: string;
  title: string;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  runs: number;
  wallMs: Stats | null;
  cpuMs: Stats | null;
  rssMB: Stats | null;
  baseline: { label: string; runs: number; wallMs: Stats; rssMB: Stats | null } | null;
  ratio: number | null;
}
interface Results {
  schemaVersion: number;
  smoke: boolean;
  machine: { node: string; cpus: number; envDropped: string[] };
  rssMethod: string;
  cases: CaseResult[];
  targets: { id: string; description: string; limit: number; measured: number; met: boolean; detail: string }[];
}

describe('bench smoke run (node bench/run.mjs --smoke)', () => {
  let dir: string;
  let stdout = '';
  let stderr = '';
  let code = 0;
  let results: Results;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mfa-bench-smoke-'));
    try {
      const r = await promisify(execFile)(process.execPath, ['bench/run.mjs', '--smoke', '--results', path.join(dir, 'results.json')], {
        cwd: ROOT,
        env: { ...process.env, BENCH_TMP: dir },
        timeout: 50_000,
      });
      stdout = r.stdout;
      stderr = r.stderr;
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      code = typeof err.code === 'number' ? err.code : 1;
      stdout = err.stdout ?? '';
      stderr = err.stderr ?? String(e);
    }
    results = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as Results;
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with no case failed', () => {
    const failed = results.cases.filter((c) => c.status === 'failed');
    expect(
      failed.map((c) => `${c.id}: ${c.reason}`),
      stderr,
    ).toEqual([]);
    expect(code, stderr).toBe(0);
  });

  it('runs every case of issue 7 with its baseline measured in the same run', () => {
    const ids = results.cases.map((c) => c.id);
    expect(ids).toEqual([
      'startup',
      'scan-demo',
      'reg-parse-1MB',
      'reg-parse-2MB',
      'reg-parse-small-keys-1MB',
      'digest-4MB',
      'digest-8MB',
      'fleet-2',
      'fleet-4',
    ]);
    const base = Object.fromEntries(results.cases.map((c) => [c.id, c.baseline?.label]));
    expect(base.startup).toBe("node -e ''");
    expect(base['reg-parse-1MB']).toBe('iconv -f UTF-16LE -t UTF-8');
    expect(base['digest-4MB']).toBe('openssl dgst -sha256');
    // The demo host and the fleet command are other people's work: only those may be skipped, never fail.
    for (const c of results.cases) {
      if (c.status === 'skipped') expect(c.id).toMatch(/^(scan-demo|fleet-)/);
    }
    expect(results.cases.find((c) => c.id === 'startup')!.status).toBe('ok');
    expect(results.cases.filter((c) => /^(reg-parse|digest)-/.test(c.id)).every((c) => c.status === 'ok')).toBe(true);
  });

  it('writes results.json with median/min/max wall time, peak RSS and the ratio for each case that ran', () => {
    expect(results.schemaVersion).toBe(1);
    expect(results.smoke).toBe(true);
    expect(results.machine.cpus).toBeGreaterThan(0);
    // Commands are measured without what slows every node start (NODE_EXTRA_CA_CERTS: ~75 ms here), and say so.
    expect(results.machine.envDropped).toEqual(['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((k) => process.env[k] !== undefined));
    for (const c of results.cases.filter((x) => x.status === 'ok')) {
      expect(c.runs, c.id).toBe(1);
      for (const s of [c.wallMs!, c.baseline!.wallMs]) {
        expect(s.min, c.id).toBeGreaterThan(0);
        expect(s.min, c.id).toBeLessThanOrEqual(s.median);
        expect(s.median, c.id).toBeLessThanOrEqual(s.max);
      }
      expect(c.ratio, c.id).toBeCloseTo(c.wallMs!.median / c.baseline!.wallMs.median, 6);
      expect(c.cpuMs?.median, c.id).toBeGreaterThanOrEqual(0);
      // Node children always have a peak RSS, whichever way it is measured.
      expect(c.rssMB?.median, c.id).toBeGreaterThan(1);
    }
    for (const c of results.cases.filter((x) => x.status === 'skipped')) expect(c.reason, c.id).toMatch(/\S/);
  });

  it('checks the targets (met or missed, never asserted here)', () => {
    const ids = results.targets.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'startup:time',
        'reg-parse-1MB:time',
        'reg-parse-2MB:rss',
        'reg-parse-small-keys-1MB:time',
        'digest-4MB:throughput',
        'digest:rss-flat',
      ]),
    );
    for (const t of results.targets) {
      expect(typeof t.met, t.id).toBe('boolean');
      expect(Number.isFinite(t.measured), t.id).toBe(true);
    }
  });

  it('prints the table: a header and one row per case, then the targets', () => {
    const lines = stdout.split('\n');
    const head = lines.findIndex((l) =>
      /^case\s+runs\s+median ms\s+min-max ms\s+cpu ms\s+RSS MB\s+baseline\s+base ms\s+base cpu\s+base RSS\s+ratio$/.test(l),
    );
    expect(head, stdout).toBeGreaterThanOrEqual(0);
    for (const c of results.cases) {
      const row = lines.find((l) => l.startsWith(`${c.id} `));
      expect(row, c.id).toBeDefined();
      if (c.status === 'ok') expect(row).toMatch(/\d+\.\d\dx$/);
      else expect(row).toContain(`${c.status}: ${c.reason}`);
    }
    expect(stdout).toMatch(/^targets:$/m);
    expect(stdout).toMatch(/^ {2}(met {3}|MISSED) {2}--version at most 3x/m);
  });

  it('leaves no generated input behind', () => {
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual(['results.json']);
  });
});
