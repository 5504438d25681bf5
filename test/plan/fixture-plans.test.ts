/**
 * The plan of every fixture host, byte for byte: ids, order, titles, details, because and dependsOn, and the
 * steps each finding links to. test/plan/golden/<host>.json was written by the plan before it became a
 * catalog (one function with hand-written because lists), so a change to the catalog, the ordering or a
 * rule's planSteps that changes a fixture's plan fails here and has to be meant. To accept a meant change:
 * `PLAN_GOLDEN_WRITE=1 npx vitest run test/plan/fixture-plans.test.ts`, and review the diff of golden/.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { scanTarget } from '../../src/scan.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLDEN = path.join(ROOT, 'test', 'plan', 'golden');
const tmp = mkdtempSync(path.join(tmpdir(), 'mfa-plan-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Case {
  name: string;
  dir: string;
  stage: 'pre' | 'adfs' | 'post';
  goal?: 'migrate';
}

/** Fixture hosts and the hosts of fixture fleets, copied with their file times (git keeps none). */
function cases(): Case[] {
  const out: Case[] = [];
  const hosts = path.join(ROOT, 'fixtures', 'hosts');
  for (const e of readdirSync(hosts, { withFileTypes: true }).filter((x) => x.isDirectory())) {
    const dest = path.join(tmp, 'hosts', e.name);
    cpSync(path.join(hosts, e.name), dest, { recursive: true, verbatimSymlinks: true });
    const times = path.join(hosts, `${e.name}.times.json`);
    if (existsSync(times))
      for (const [rel, t] of Object.entries(JSON.parse(readFileSync(times, 'utf8')) as Record<string, string>))
        utimesSync(path.join(dest, rel), new Date(t), new Date(t));
    const flags = (JSON.parse(readFileSync(path.join(hosts, `${e.name}.expected.json`), 'utf8')) as { flags?: string[] }).flags ?? [];
    out.push({
      name: e.name,
      dir: dest,
      stage: flags.join(' ').includes('--stage adfs') ? 'adfs' : flags.join(' ').includes('--stage post') ? 'post' : 'pre',
      goal: flags.join(' ').includes('--goal migrate') ? 'migrate' : undefined,
    });
  }
  const fleets = path.join(ROOT, 'fixtures', 'fleets');
  for (const f of readdirSync(fleets, { withFileTypes: true }).filter((x) => x.isDirectory())) {
    const dest = path.join(tmp, 'fleets', f.name);
    cpSync(path.join(fleets, f.name), dest, { recursive: true });
    for (const [rel, t] of Object.entries(
      JSON.parse(readFileSync(path.join(fleets, `${f.name}.times.json`), 'utf8')) as Record<string, string>,
    ))
      utimesSync(path.join(dest, rel), new Date(t), new Date(t));
    for (const h of readdirSync(dest, { withFileTypes: true }).filter((x) => x.isDirectory()))
      out.push({ name: `${f.name}--${h.name}`, dir: path.join(dest, h.name), stage: 'pre' });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

describe.each(cases())('fixture $name', ({ name, dir, stage, goal }) => {
  it('plans what it planned before the plan became a catalog', async () => {
    const { report } = await scanTarget(await BundleHost.open(dir), {
      targetVersion: '8.1',
      stage,
      goal,
      failOn: 'critical',
      now: '2026-11-21T09:00:00Z',
    });
    const got = JSON.stringify({ plan: report.plan, links: report.findings.map((f) => [f.ruleId, f.planSteps]).sort() }, null, 2) + '\n';
    const file = path.join(GOLDEN, `${name}.json`);
    if (process.env.PLAN_GOLDEN_WRITE === '1') writeFileSync(file, got);
    expect(got).toBe(readFileSync(file, 'utf8'));
  });
});
