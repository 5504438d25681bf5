import { describe, expect, it } from 'vitest';
import { gateReport } from '../../src/commands/gate.js';
import { BundleHost } from '../../src/host/bundle.js';
import { renderJson } from '../../src/report/json.js';
import { scanTarget } from '../../src/scan.js';
import type { Report, WaiverEntry } from '../../src/types.js';
import { stageHost } from '../helpers/hosts.js';

/** Issue 11 item 19: one status for the same waiver file in scan and gate (a lower-case rule id was `unknown-rule` in one, `expired` in the other). */
describe('scan and gate give a waiver file the same statuses', () => {
  const waivers: WaiverEntry[] = [
    { rule: 'mfa-life-001', reason: 'lower case, still this rule', expires: '2026-01-31' },
    { rule: 'Mfa-Inv-001', reason: 'mixed case', host: 'mfa11' },
    { rule: 'MFA-NOPE-001', reason: 'no such rule' },
    { rule: 'MFA-VDIR-001', reason: 'another host', host: 'OTHER' },
    { rule: 'MFA-FLEET-007', reason: 'a fleet rule is a known rule' },
    // the same expired waiver twice (another reason): two MFA-WVR-001 findings, two ids
    { rule: 'MFA-LIFE-001', reason: 'copied twice', expires: '2026-01-31' },
  ];
  const NOW = '2026-11-21T09:00:00.000Z';

  it('statuses, waived findings and MFA-WVR-001 agree', async () => {
    const host = await BundleHost.open(stageHost('ready-8x'));
    const { report } = await scanTarget(host, {
      targetVersion: '8.1',
      stage: 'pre',
      failOn: 'low',
      now: NOW,
      waivers: { file: 'waivers.yml', entries: waivers },
    });
    const scanStatuses = report.waivers.map((w) => `${w.rule}:${w.status}`);
    expect(scanStatuses[0]).toBe('mfa-life-001:expired');
    expect(scanStatuses[2]).toBe('MFA-NOPE-001:unknown-rule');
    expect(scanStatuses[3]).toBe('MFA-VDIR-001:unused');
    const wvr = report.findings.filter((f) => f.ruleId === 'MFA-WVR-001').map((f) => f.id);
    expect(wvr).toHaveLength(2);
    expect(new Set(report.findings.map((f) => f.id)).size).toBe(report.findings.length);
    const saved = JSON.parse(renderJson(report)) as Report;
    for (const given of [undefined, waivers]) {
      const g = await gateReport(saved, { failOn: 'low', waivers: given, waiverFile: 'waivers.yml' });
      expect(g.waivers.map((w) => `${w.rule}:${w.status}`)).toEqual(scanStatuses);
      expect(g.counts).toEqual(report.verdict.counts);
      expect(g.gate).toBe(report.verdict.gate);
      expect(g.failing.filter((id) => id.startsWith('MFA-WVR-001')).sort()).toEqual([...wvr].sort());
    }
  });
});
