/** The rule engine: upgrade path, finding ids, which rules run, finding order. */
import { describe, expect, it } from 'vitest';
import { runRules, computeUpgradePath } from '../../src/rules/engine.js';
import { targetIn } from '../../src/rules/applies.js';
import { findingId } from '../../src/rules/id.js';
import { ruleById } from './tester.js';
import { backup, candidate, comp, opts } from './facts.js';
import { DATA, agent5, mfaHost, server70, server81 } from './hosts.js';

describe('computeUpgradePath', () => {
  const cases: [string, ReturnType<typeof comp>[], string, string][] = [
    ['nothing found', [], '8.1', 'none'],
    ['agent 5.x', [agent5()], '8.1', 'phonefactor-agent'],
    ['a 5.x portal beside a 7.0 server', [server70(), comp('user-portal', '5.2.1.2')], '8.1', 'phonefactor-agent'],
    ['4.x agent', [comp('agent', '4.1.0.0')], '8.1', 'phonefactor-agent'],
    ['6.x below target', [comp('server', '6.3.0.0')], '8.1', 'in-place'],
    ['7.x below target', [comp('server', '7.3.0.3'), comp('user-portal', '7.3.0.3')], '8.1', 'in-place'],
    ['8.0.1.1 < 8.1', [comp('server', '8.0.1.1')], '8.1', 'in-place'],
    ['8.1 at target 8.1', [comp('server', '8.1')], '8.1', 'none'],
    ['8.1.0.0 = 8.1', [comp('server', '8.1.0.0'), comp('user-portal', '8.1.0.0')], '8.1', 'none'],
    ['8.1 at target 8.1.0.0', [comp('server', '8.1')], '8.1.0.0', 'none'],
    ['above the target', [comp('server', '8.1.2.0')], '8.1', 'none'],
    ['one part behind', [comp('server', '8.1.0.0'), comp('user-portal', '8.0.1.1')], '8.1', 'in-place'],
    ['version unknown counts as needing the upgrade', [comp('server', null)], '8.1', 'in-place'],
    ['at an older explicit target', [comp('server', '7.0.2.1')], '7.0.2.1', 'none'],
    ['part numbers, not strings: 8.10 > 8.9', [comp('server', '8.10')], '8.9', 'none'],
  ];
  it.each(cases)('%s', (_n, components, target, want) => {
    expect(computeUpgradePath(components, target)).toBe(want);
  });
});

describe('findingId', () => {
  const id = findingId('MFA-BKP-001', 'MFA01', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata');
  it('is the rule id and 8 hex digits, and stable across calls', () => {
    expect(id).toMatch(/^MFA-BKP-001-[0-9a-f]{8}$/);
    expect(findingId('MFA-BKP-001', 'MFA01', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata')).toBe(id);
  });
  it('ignores the case of the host name', () => {
    expect(findingId('MFA-BKP-001', 'mfa01', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata')).toBe(id);
  });
  it('changes with rule, host, component and location', () => {
    const others = [
      findingId('MFA-BKP-002', 'MFA01', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata'),
      findingId('MFA-BKP-001', 'MFA02', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata'),
      findingId('MFA-BKP-001', null, 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata'),
      findingId('MFA-BKP-001', 'MFA01', 'server', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata'),
      findingId('MFA-BKP-001', 'MFA01', 'data', 'd:\\phonefactor\\data\\phonefactor.pfdata'),
    ];
    expect(new Set([id, ...others]).size).toBe(others.length + 1);
  });
  it('a finding keeps its id when unrelated facts change, and ids stay unique within a scan', () => {
    const f1 = mfaHost();
    const f2 = mfaHost({ problems: [{ location: 'registry/x.reg:3', message: 'bad line' }], installPaths: [] });
    const a = runRules(f1, opts()).findings.find((x) => x.ruleId === 'MFA-BKP-001')!;
    const b = runRules(f2, opts()).findings.find((x) => x.ruleId === 'MFA-BKP-001')!;
    expect(a.id).toBe(b.id);
    const all = runRules(f2, opts()).findings.map((x) => x.id);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('runRules', () => {
  it('reports which rules ran: stage and pending-upgrade gating', () => {
    const pre = runRules(mfaHost({}, server81()), opts()).ran.map((m) => m.id);
    expect(pre).toContain('MFA-LIFE-001');
    expect(pre).not.toContain('MFA-BKP-001');
    expect(pre).not.toContain('MFA-CMP-002');
    const adfs = runRules(mfaHost({}, server81()), opts({ stage: 'adfs' })).ran.map((m) => m.id);
    expect(adfs).toContain('MFA-CMP-002');
    expect(adfs).not.toContain('MFA-HA-002');
  });
  it('sorts findings by severity, then rule id, then id', () => {
    const f = runRules(mfaHost({ problems: [{ location: 'a', message: 'b' }] }), opts()).findings;
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    for (let i = 1; i < f.length; i++) {
      const a = f[i - 1];
      const b = f[i];
      const k =
        rank.indexOf(a.severity) - rank.indexOf(b.severity) ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
        (a.id < b.id ? -1 : 1);
      expect(k).toBeLessThan(0);
    }
    expect(f[0].ruleId).toBe('MFA-BKP-001');
  });
  it('an in-place host with everything in order gets only the inventory and lifecycle findings', () => {
    const f = mfaHost({ host: { roles: { replication: 'standalone' } }, dataFile: backup(DATA, [candidate(`${DATA}.bak`, true)]) });
    expect(
      runRules(f, opts())
        .findings.map((x) => x.ruleId)
        .sort(),
    ).toEqual(['MFA-INV-001', 'MFA-LIFE-001']);
  });
  it('evidence says where a fact came from (a data file described in manifest.json)', () => {
    const f = mfaHost({ dataFile: backup(DATA, [], { source: 'manifest' }) });
    const bkp = runRules(f, opts(), [ruleById('MFA-BKP-001')]).findings[0];
    expect(bkp.evidence[0]).toMatchObject({ source: 'manifest', location: DATA });
  });
});

describe("targetIn (a rule's appliesTo range)", () => {
  const cases: [string, string | undefined, boolean][] = [
    ['8.1', undefined, true],
    ['8.1', '>=7.0', true],
    ['7.0', '>=7.0', true],
    ['6.3', '>=7.0', false],
    ['7.0.2.1', '>=7.0', true],
    ['7.3.0.3', '<8.0', true],
    ['8.0', '<8.0', false],
    ['8.0.1.1', '>=8.0', true],
    ['8.10', '>=8.9', true],
  ];
  it.each(cases)('target %s in %s: %s', (target, range, want) => {
    expect(targetIn(target, range)).toBe(want);
  });
});
