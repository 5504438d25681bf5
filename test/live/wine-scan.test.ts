/**
 * End to end: a live scan (Windows node.exe + bin/run.js under Wine, on a prefix seeded from a fixture
 * host) finds what the bundle scan of the same fixture finds. Needs `npm run build` first (dist/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wineReady } from './helpers.js';
import { bundleScan, comparable, liveScanSettled, ROOT, seedPrefix } from './wine-harness.js';

const wine = await wineReady();
const FIXTURE = process.env.MFA_LIVE_FIXTURE ?? 'pf-agent-5x-all-in-one';
const NOW = '2026-11-21T09:00:00Z';

describe.skipIf(!wine.ok)(`live scan under Wine of fixture ${FIXTURE}`, () => {
  it('agrees with the bundle scan on path, components and findings', async () => {
    expect(existsSync(path.join(ROOT, 'dist', 'commands', 'scan.js')), 'run "npm run build" first').toBe(true);
    const t0 = Date.now();
    const prefix = await seedPrefix(FIXTURE);
    console.log(`[test/live] prefix for ${FIXTURE} ready in ${Date.now() - t0} ms`);
    // What bundle.json tells a bundle scan, the live scan gets from flags.
    const bj = JSON.parse(readFileSync(path.join(ROOT, 'fixtures', 'hosts', FIXTURE, 'bundle.json'), 'utf8')) as {
      roles?: { replication?: string };
      backupDirs?: string[];
    };
    const args = ['--now', NOW];
    if (bj.roles?.replication) args.push('--role', bj.roles.replication);
    for (const d of bj.backupDirs ?? []) args.push('--backup-dir', d);

    const live = await liveScanSettled(prefix, { args });
    expect(
      live.report,
      `live scan printed no JSON (exit ${live.run.code}):\n${live.run.stderr.toString()}\n${live.run.stdout.toString().slice(0, 2000)}`,
    ).not.toBeNull();
    console.log(`[test/live] live scan under Wine: ${live.run.ms} ms`);
    expect(live.report.scan.target.kind).toBe('live');
    expect(live.report.scan.target.location).toMatch(/^\\\\/);

    const bundle = await bundleScan(FIXTURE, ['--now', NOW]);
    expect(comparable(live.report)).toEqual(comparable(bundle));
  });
});
