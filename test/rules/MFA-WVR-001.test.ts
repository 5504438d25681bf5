/** MFA-WVR-001: fed the waiver step's result (ctx.waivers), never host facts. */
import { describe, expect, it } from 'vitest';
import type { WaiverRuleContext } from '../../src/rules/catalog/MFA-WVR-001.js';
import { ruleContext, runRules } from '../../src/rules/engine.js';
import { formatMessage } from '../../src/rules/messages.js';
import { ruleById } from './tester.js';
import { makeFacts, opts } from './facts.js';
import { adfsHost, mfaHost } from './hosts.js';

describe('MFA-WVR-001', () => {
  const rule = ruleById('MFA-WVR-001');
  const check = (waivers: WaiverRuleContext['waivers']) => rule.check({ ...ruleContext(mfaHost(), opts()), waivers } as WaiverRuleContext);

  it('valid: never fires from host facts alone', () => {
    for (const f of [makeFacts(), mfaHost(), adfsHost()]) expect(runRules(f, opts(), [rule]).findings).toEqual([]);
  });

  it("valid: applied, unused and other hosts' expired waivers raise nothing", () => {
    expect(
      check({
        host: 'MFA01',
        file: 'waivers.yml',
        waivers: [
          { rule: 'MFA-VDIR-001', reason: 'ok', status: 'applied' },
          { rule: 'MFA-HA-002', reason: 'ok', status: 'unused' },
          { rule: 'MFA-LIFE-001', host: 'MFA02', reason: 'CHG1', expires: '2025-01-31', status: 'expired' },
        ],
      }),
    ).toEqual([]);
  });

  it('invalid: an expired waiver for this host (or every host) raises it, one per waiver', () => {
    const hits = check({
      host: 'MFA01',
      file: 'waivers.yml',
      waivers: [
        { rule: 'MFA-LIFE-001', reason: 'CHG0012345', expires: '2025-01-31', status: 'expired' },
        { rule: 'MFA-BKP-001', host: 'mfa01', reason: 'nightly', expires: '2025-02-01', status: 'expired' },
      ],
    });
    expect(
      hits.map((h) => ({ messageId: h.messageId, data: h.data, outcome: h.outcome ?? 'fail', severity: h.severity ?? rule.meta.severity })),
    ).toEqual([
      {
        messageId: 'expired',
        data: { rule: 'MFA-LIFE-001', scope: '', expires: '2025-01-31', reason: 'CHG0012345' },
        outcome: 'fail',
        severity: 'low',
      },
      {
        messageId: 'expired',
        data: { rule: 'MFA-BKP-001', scope: ' (host mfa01)', expires: '2025-02-01', reason: 'nightly' },
        outcome: 'fail',
        severity: 'low',
      },
    ]);
    for (const h of hits) expect(formatMessage(rule.meta, h)).not.toMatch(/\{\{|\}\}/);
    expect(hits[0].evidence[0].location).toBe('waivers.yml');
  });
});
