import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateReport } from '../../src/commands/gate.js';
import { runFleet } from '../../src/fleet/run.js';
import { renderJson } from '../../src/report/json.js';
import { rejudgeReport } from '../../src/report/rejudge.js';
import type { Report, WaiverEntry } from '../../src/types.js';
import { sampleReport } from './sample.js';

/**
 * Issue 15 item 7, "one verdict wherever it is judged": fleet judges a saved report from its findings, with the
 * fleet's waivers and clock, exactly as gate does; waiver statuses per host, never by array position.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-verdict-fleet-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const KNOWN = [
  'MFA-BKP-001',
  'MFA-BKP-010',
  'MFA-BKP-013',
  'MFA-CMP-003',
  'MFA-HA-002',
  'MFA-INV-001',
  'MFA-LIFE-001',
  'MFA-PRQ-001',
  'MFA-PRQ-002',
  'MFA-VDIR-001',
  'MFA-VDIR-002',
  'MFA-VDIR-003',
  'MFA-WVR-001',
];
const SCANNED_AT = '2026-11-21T09:00:00Z';
const OPTS = { targetVersion: '8.1', stage: 'pre' as const, failOn: 'critical' as const, now: '2026-11-21T09:00:00.000Z' };

/** A report as the scan would have written it with these waivers at its own clock. */
function genuine(waivers: WaiverEntry[], name = 'MFA01'): Report {
  const base = sampleReport('critical');
  base.host.name = name;
  return rejudgeReport(base, { failOn: 'critical', waivers, now: SCANNED_AT, waiverFile: 'waivers.yml', knownRuleIds: KNOWN });
}
async function fleetOf(reports: Report[], opts: Partial<Parameters<typeof runFleet>[1]> = {}) {
  const sub = await mkdtemp(join(dir, 'fleet-'));
  for (const r of reports) await writeFile(join(sub, `${r.host.name}.json`), renderJson(r));
  return (await runFleet([sub], { ...OPTS, ...opts })).report;
}

describe('fleet judges saved reports as gate does', () => {
  it('a report edited to "ready" with its critical findings still listed: gate fails it and so does fleet', async () => {
    const edited = genuine([]);
    edited.verdict = {
      status: 'ready',
      failOn: 'critical',
      counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      waived: 0,
      gate: 'pass',
    };
    expect((await gateReport(JSON.parse(renderJson(edited)) as Report, { failOn: 'critical' })).gate).toBe('fail');
    const f = await fleetOf([edited]);
    expect(f.hosts[0].verdict).toMatchObject({ status: 'not-ready', gate: 'fail', counts: { critical: 2 } });
    expect(f.verdict).toMatchObject({ status: 'not-ready', gate: 'fail' });
  });

  it('a genuine report saved while a waiver held no longer passes once the waiver expired by the fleet clock', async () => {
    const saved = genuine([
      { rule: 'MFA-BKP-001', reason: 'copied by hand, CHG0099', expires: '2026-11-30' },
      { rule: 'MFA-PRQ-001', reason: 'gold image has .NET 4.8', expires: '2026-11-30' },
    ]);
    expect(saved.verdict.gate).toBe('pass');
    const before = await fleetOf([saved], { now: '2026-11-30T23:59:59.000Z' });
    expect(before.verdict.gate).toBe('pass');
    const after = await fleetOf([saved], { now: '2026-12-01T00:00:00.000Z' });
    expect(after.hosts[0].verdict).toMatchObject({ status: 'not-ready', gate: 'fail', counts: { critical: 2, low: 2 + 2 } }); // + two MFA-WVR-001
    expect(after.verdict.gate).toBe('fail');
    // gate agrees at the same clock
    const g = await gateReport(saved, { failOn: 'critical', now: '2026-12-01T00:00:00.000Z', knownRuleIds: KNOWN });
    expect(g.counts).toEqual(after.hosts[0].verdict!.counts);
  });

  it("fleet --waivers applies to saved reports too (they replace the report's own, as in gate)", async () => {
    const saved = genuine([]);
    const waivers = {
      file: 'fleet-waivers.yml',
      entries: [
        { rule: 'MFA-BKP-001', reason: 'r' },
        { rule: 'mfa-prq-001', host: 'mfa01', reason: 'r' },
      ],
    };
    const f = await fleetOf([saved], { waivers });
    expect(f.hosts[0].verdict).toMatchObject({ gate: 'pass', counts: { critical: 0 }, waived: 2 });
    expect(f.waivers.map((w) => [w.rule, w.status])).toEqual([
      ['MFA-BKP-001', 'applied'],
      ['mfa-prq-001', 'applied'],
    ]);
    const g = await gateReport(saved, { failOn: 'critical', waivers: waivers.entries, now: OPTS.now, knownRuleIds: KNOWN });
    expect(g.counts).toEqual(f.hosts[0].verdict!.counts);
  });

  it("a fleet waiver's status comes from the waiver itself, not from a host report's waiver at the same position", async () => {
    // MFA01's own first waiver (MFA-LIFE-001) is applied; the fleet's first waiver is for another host.
    const saved = genuine([{ rule: 'MFA-LIFE-001', reason: 'cloud migration, CHG0012345' }]);
    expect(saved.waivers[0].status).toBe('applied');
    const f = await fleetOf([saved], {
      waivers: { file: 'w.yml', entries: [{ rule: 'MFA-VDIR-001', host: 'MFA02', reason: 'keeping /PhoneFactor on MFA02' }] },
    });
    expect(f.waivers).toEqual([
      { rule: 'MFA-VDIR-001', host: 'MFA02', finding: null, reason: 'keeping /PhoneFactor on MFA02', expires: null, status: 'unused' },
    ]);
  });

  it('a report gates in fleet exactly as in gate at every --fail-on, with its own waivers', async () => {
    const saved = genuine([
      { rule: 'MFA-LIFE-001', reason: 'r' },
      { rule: 'MFA-BKP-001', reason: 'r' },
    ]);
    for (const failOn of ['critical', 'high', 'medium', 'low', 'info', 'none'] as const) {
      const f = await fleetOf([saved], { failOn });
      const g = await gateReport(saved, { failOn, now: OPTS.now, knownRuleIds: KNOWN });
      expect(f.hosts[0].verdict!.gate, failOn).toBe(g.gate);
      expect(f.hosts[0].verdict!.counts, failOn).toEqual(g.counts);
    }
  });
});
