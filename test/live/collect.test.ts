/**
 * End to end on a "Windows host": the Windows node.exe runs `bin/run.js collect` under Wine on a prefix
 * seeded from a fixture host (live mode: reg.exe and the prefix's drives), then this machine's node scans
 * the bundle it wrote. The offline scan must reach what the fixture's own bundle scan reaches (and what the
 * live scan reaches). Needs `npm run build` first (dist/).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeExe, runWine, wineReady, winePath } from './helpers.js';
import { bundleScan, comparable, liveScanSettled, ROOT, seedPrefix, type WineRun } from './wine-harness.js';
import { NOW, outcome, scanFolder } from '../collect/helpers.js';

const wine = await wineReady();
const FIXTURES = ['pf-agent-5x-all-in-one', 'mfa-7x-on-adfs', 'ready-8x'];

/** What bundle.json tells a bundle scan, collect gets from its flags (as an administrator would give them). */
function roleFlags(fixture: string): string[] {
  const bj = JSON.parse(readFileSync(path.join(ROOT, 'fixtures', 'hosts', fixture, 'bundle.json'), 'utf8')) as {
    roles?: { replication?: string; replicationGroup?: string; loadBalanced?: boolean; adfsFarm?: string };
    backupDirs?: string[];
  };
  const args: string[] = [];
  const r = bj.roles ?? {};
  if (r.replication) args.push('--role', r.replication);
  if (r.replicationGroup) args.push('--replication-group', r.replicationGroup);
  if (r.loadBalanced !== undefined) args.push(r.loadBalanced ? '--load-balanced' : '--no-load-balanced');
  if (r.adfsFarm) args.push('--adfs-farm', r.adfsFarm);
  for (const d of bj.backupDirs ?? []) args.push('--backup-dir', d);
  return args;
}

function files(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? files(dir, r) : [r];
  });
}

describe.skipIf(!wine.ok)('collect under Wine (live mode), then an offline scan of the bundle', () => {
  it.each(FIXTURES)(
    '%s: the offline scan of what collect wrote matches the bundle scan of the fixture',
    async (fixture) => {
      expect(existsSync(path.join(ROOT, 'dist', 'commands', 'collect.js')), 'run "npm run build" first').toBe(true);
      const prefix = await seedPrefix(fixture);
      const out = path.join(mkdtempSync(path.join(tmpdir(), `mfa-collect-${fixture}-`)), 'bundle');
      const run = (await runWine(
        [nodeExe(), winePath(path.join(ROOT, 'bin', 'run.js')), 'collect', '--out', winePath(out), ...roleFlags(fixture)],
        {
          prefix,
          env: { LC_ALL: 'hi_IN.UTF-8' },
          cwd: '/tmp',
        },
      )) as WineRun;
      expect(run.code, `collect exit ${run.code}:\n${run.stderr.toString()}`).toBe(0);
      expect(run.stderr.toString()).toMatch(/collected \d+ file\(s\)/);

      const written = files(out);
      expect(written).toContain('bundle.json');
      expect(written).toContain('registry/collected.reg');
      // The data file is described, not copied; no secret of the fixture's configs is in the bundle.
      expect(written.filter((f) => /\.pfdata/i.test(f))).toEqual([]);
      const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string; sha256?: string }[] };
      expect(manifest.files.some((f) => /\\Data\\PhoneFactor\.pfdata$/i.test(f.path) && /^[0-9a-f]{64}$/.test(f.sha256 ?? ''))).toBe(true);
      for (const f of written) {
        const b = readFileSync(path.join(out, f));
        expect(b.includes('Fixture-Secret') || b.includes(Buffer.from('Fixture-Secret', 'utf16le')), `${f} holds a secret`).toBe(false);
      }

      const offline = await scanFolder(out);
      const fromFixture = await bundleScan(fixture, ['--now', NOW]);
      expect(outcome(offline)).toEqual(outcome(fromFixture));

      // And the live scan of the same prefix (wine-scan.test.ts checks it against the bundle scan too).
      const roleOnly = roleFlags(fixture).filter(
        (a, i, all) => a === '--role' || all[i - 1] === '--role' || a === '--backup-dir' || all[i - 1] === '--backup-dir',
      );
      const live = await liveScanSettled(prefix, { args: ['--now', NOW, ...roleOnly] });
      expect(live.report, live.run.stderr.toString()).not.toBeNull();
      expect(comparable(offline), `live scan problems: ${JSON.stringify(live.report.problems)}`).toEqual(comparable(live.report));
    },
    600_000,
  );
});
