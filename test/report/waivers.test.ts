import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Waiver } from '../../src/types.js';
import { applyWaivers, expiredWaiverFindings, loadWaivers } from '../../src/report/waivers.js';
import { sampleFindings } from './sample.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-waivers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
async function file(name: string, text: string): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, text, 'utf8');
  return p;
}

describe('loadWaivers', () => {
  it('reads the YAML shape of the README', async () => {
    const p = await file(
      'ok.yml',
      [
        'waivers:',
        '  - rule: MFA-LIFE-001',
        '    reason: "Upgrade is the first step of the cloud migration, CHG0012345"',
        '    expires: 2027-01-31',
        '  - rule: MFA-VDIR-001',
        '    host: MFA01            # optional: only this host',
        '    reason: "Keeping /PhoneFactor; users keep their bookmark"',
        '  - rule: MFA-BKP-010',
        '    finding: 0123456789',
        '    reason: one finding only',
        '',
      ].join('\n'),
    );
    expect(await loadWaivers(p)).toEqual([
      { rule: 'MFA-LIFE-001', reason: 'Upgrade is the first step of the cloud migration, CHG0012345', expires: '2027-01-31' },
      { rule: 'MFA-VDIR-001', host: 'MFA01', reason: 'Keeping /PhoneFactor; users keep their bookmark' },
      // an all-digit finding id keeps its leading zero
      { rule: 'MFA-BKP-010', finding: '0123456789', reason: 'one finding only' },
    ]);
  });

  it('reads JSON, a bare list, and an empty file', async () => {
    const j = await file('ok.json', JSON.stringify({ waivers: [{ rule: 'MFA-HA-002', reason: 'known standalone', host: null }] }, null, 2));
    expect(await loadWaivers(j)).toEqual([{ rule: 'MFA-HA-002', reason: 'known standalone' }]);
    const bare = await file('bare.yaml', '- rule: MFA-HA-002\n  reason: r\n');
    expect(await loadWaivers(bare)).toEqual([{ rule: 'MFA-HA-002', reason: 'r' }]);
    expect(await loadWaivers(await file('empty.yml', ''))).toEqual([]);
  });

  const bad: [string, string, string, RegExp][] = [
    [
      'bad date',
      'w1.yml',
      'waivers:\n  - rule: MFA-LIFE-001\n    reason: r\n\n\n\n    expires: 2027-13-01\n',
      /w1\.yml:7: \/waivers\/0\/expires: is not a date \("2027-13-01"\); use YYYY-MM-DD$/,
    ],
    [
      'no reason',
      'w2.yml',
      'waivers:\n  - rule: MFA-LIFE-001\n    reason: r\n  - rule: MFA-VDIR-001\n    host: MFA01\n',
      /w2\.yml:4: \/waivers\/1\/reason: is required$/,
    ],
    ['no rule', 'w3.yml', 'waivers:\n  - reason: r\n', /w3\.yml:2: \/waivers\/0\/rule: is required$/],
    [
      'misspelt key',
      'w4.yml',
      'waivers:\n  - rule: MFA-LIFE-001\n    reason: r\n    expire: 2027-01-31\n',
      /w4\.yml:4: \/waivers\/0\/expire: is not a known field$/,
    ],
    ['YAML syntax', 'w5.yml', 'waivers:\n  - rule: MFA-LIFE-001\n    reason: "unterminated\n', /w5\.yml:3: /],
    ['JSON syntax', 'w6.json', '{\n  "waivers": [\n    { "rule": "MFA-LIFE-001",, "reason": "r" }\n  ]\n}\n', /w6\.json:3: /],
    [
      'JSON bad date',
      'w7.json',
      '{\n  "waivers": [\n    { "rule": "MFA-LIFE-001",\n      "reason": "r",\n      "expires": "2027-02-30" }\n  ]\n}\n',
      /w7\.json:5: \/waivers\/0\/expires: is not a date \("2027-02-30"\)/,
    ],
    ['not a list', 'w8.yml', 'waivers: yes\n', /w8\.yml:1: \/waivers: must be array or null$/],
    ['a list rule', 'w9.yml', 'waivers:\n  - rule: [a, b]\n    reason: r\n', /w9\.yml:2: \/waivers\/0\/rule: must be string or number$/],
    // issue 15 item 10: an empty matcher would match every host or finding
    [
      'empty host',
      'w10.yml',
      'waivers:\n  - rule: MFA-LIFE-001\n    host: ""\n    reason: r\n',
      /w10\.yml:3: \/waivers\/0\/host: must not be empty$/,
    ],
    [
      'empty finding',
      'w11.json',
      '{"waivers": [\n {"rule": "MFA-LIFE-001",\n  "finding": "  ",\n  "reason": "r"}]}\n',
      /w11\.json:3: \/waivers\/0\/finding: must not be empty$/,
    ],
    ['blank reason', 'w12.yml', '- rule: MFA-LIFE-001\n  reason: "   "\n', /w12\.yml:2: \/waivers\/0\/reason: must not be empty$/],
    ['a top-level scalar', 'w13.yml', 'just text\n', /w13\.yml:1: \(root\): must be object$/],
  ];
  it.each(bad)('%s: one line naming the file and line', async (_name, name, text, message) => {
    const p = await file(name, text);
    const err = await loadWaivers(p).then(
      () => null,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toMatch(message);
    expect(err!.message.startsWith(p + ':')).toBe(true);
    expect(err!.message).not.toContain('\n');
  });

  it('names a file that does not exist', async () => {
    await expect(loadWaivers(join(dir, 'nope.yml'))).rejects.toThrow(/nope\.yml: cannot read the waiver file \(ENOENT\)/);
  });
});

describe('applyWaivers', () => {
  const known = ['MFA-BKP-001', 'MFA-BKP-010', 'MFA-LIFE-001', 'MFA-VDIR-001', 'MFA-VDIR-002', 'MFA-HA-002', 'MFA-PRQ-001'];
  const findings = sampleFindings().map((f) => ({ ...f, waiver: null }));
  const run = (waivers: Waiver[], opts: { host?: string | null; now?: string } = {}) =>
    applyWaivers(findings, waivers, {
      host: opts.host === undefined ? 'MFA01' : opts.host,
      now: opts.now ?? '2026-11-21T09:00:00Z',
      knownRuleIds: known,
    });
  const waivedIds = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.waiver).map((f) => f.id);

  it.each([
    ['no host: applies', { rule: 'MFA-VDIR-001', reason: 'r' }, 'MFA01', 'applied', ['c0ffee000001']],
    ['same host, other case: applies', { rule: 'MFA-VDIR-001', host: 'mfa01', reason: 'r' }, 'MFA01', 'applied', ['c0ffee000001']],
    ['other host: unused', { rule: 'MFA-VDIR-001', host: 'MFA02', reason: 'r' }, 'MFA01', 'unused', []],
    ['a host waiver on an unnamed host: unused', { rule: 'MFA-VDIR-001', host: 'MFA01', reason: 'r' }, null, 'unused', []],
    ['finding id matches', { rule: 'MFA-VDIR-002', finding: 'c0ffee000002', reason: 'r' }, 'MFA01', 'applied', ['c0ffee000002']],
    ['finding id of another finding: unused', { rule: 'MFA-VDIR-002', finding: 'c0ffee000001', reason: 'r' }, 'MFA01', 'unused', []],
    ['rule that did not fire: unused', { rule: 'MFA-BKP-001', finding: 'nope', reason: 'r' }, 'MFA01', 'unused', []],
    ['rule not in the catalog: unknown-rule', { rule: 'MFA-NOPE-001', reason: 'r' }, 'MFA01', 'unknown-rule', []],
    // issue 11 item 19: one status in scan and gate; rule ids match in any case
    ['rule id in lower case: applies', { rule: 'mfa-vdir-001', reason: 'r' }, 'MFA01', 'applied', ['c0ffee000001']],
    ['unknown rule in lower case: unknown-rule', { rule: 'mfa-nope-001', reason: 'r' }, 'MFA01', 'unknown-rule', []],
  ] as [string, Waiver, string | null, string, string[]][])('%s', (_name, waiver, host, status, ids) => {
    const r = run([waiver], { host });
    expect(r.waivers[0].status).toBe(status);
    expect(waivedIds(r)).toEqual(ids);
  });

  it.each([
    ['the last millisecond of the day', '2027-01-31T23:59:59.999Z', 'applied'],
    ['late on the day in another zone, still the 31st in UTC', '2027-01-31T18:00:00-05:00', 'applied'],
    ['midnight UTC after', '2027-02-01T00:00:00Z', 'expired'],
    ['earlier on the next day east of UTC, already the 1st in UTC', '2027-02-01T00:30:00Z', 'expired'],
  ])('expiry: %s', (_name, now, status) => {
    const r = run([{ rule: 'MFA-LIFE-001', reason: 'r', expires: '2027-01-31' }], { now });
    expect(r.waivers[0].status).toBe(status);
    expect(waivedIds(r)).toEqual(status === 'applied' ? ['44dd55ee66ff'] : []);
  });

  it('marks a waived finding with its reason and expiry and does not change the input', () => {
    const r = run([{ rule: 'MFA-LIFE-001', reason: 'CHG0012345', expires: '2027-01-31' }]);
    expect(r.findings.find((f) => f.id === '44dd55ee66ff')!.waiver).toEqual({ reason: 'CHG0012345', expires: '2027-01-31' });
    expect(findings.every((f) => f.waiver === null)).toBe(true);
  });

  it('clears waiver marks the findings already carried: the given waivers are the whole set', () => {
    const pre = sampleFindings(); // MFA-LIFE-001 is waived in the sample
    const r = applyWaivers(pre, [], { host: 'MFA01', now: '2026-11-21T09:00:00Z' });
    expect(r.findings.some((f) => f.waiver)).toBe(false);
  });

  it('an expired waiver raises MFA-WVR-001 (low) on its host only', () => {
    const r = run([
      { rule: 'MFA-LIFE-001', reason: 'old change', expires: '2025-01-31' },
      { rule: 'MFA-VDIR-001', host: 'MFA02', reason: 'other host', expires: '2025-01-31' },
      { rule: 'MFA-VDIR-002', reason: 'still valid', expires: '2030-01-01' },
    ]);
    expect(r.waivers.map((w) => w.status)).toEqual(['expired', 'expired', 'applied']);
    const raised = expiredWaiverFindings(r.waivers, 'MFA01', 'waivers.yml');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ ruleId: 'MFA-WVR-001', severity: 'low', outcome: 'fail', waiver: null });
    expect(raised[0].message).toContain('MFA-LIFE-001');
    expect(raised[0].message).toContain('2025-01-31');
    expect(raised[0].evidence[0]).toEqual({ source: 'file', location: 'waivers.yml', observed: 'rule: MFA-LIFE-001, expires: 2025-01-31' });
  });
});
