import { describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import { renderJson } from '../../src/report/json.js';
import { sampleReport } from './sample.js';

describe('validateReport', () => {
  it('accepts the sample report, and its JSON as written', () => {
    expect(validateReport(sampleReport())).toEqual({ ok: true });
    expect(validateReport(JSON.parse(renderJson(sampleReport())))).toEqual({ ok: true });
  });

  it('allows properties it does not name', () => {
    const r = { ...sampleReport(), extra: { anything: 1 } } as unknown;
    expect(validateReport(r)).toEqual({ ok: true });
  });

  it.each([
    ['a missing verdict', (r: any) => delete r.verdict, '/verdict: is required'],
    ['a wrong gate', (r: any) => (r.verdict.gate = 'maybe'), '/verdict/gate: must be one of pass, fail'],
    ['a bad outcome', (r: any) => (r.findings[0].outcome = 'pass'), '/findings/0/outcome: must be one of fail, unknown'],
    ['a bad digest', (r: any) => (r.scan.inputDigest = 'md5:abc'), '/scan/inputDigest: must match pattern'],
    ['a bad startedAt', (r: any) => (r.scan.startedAt = 'yesterday'), '/scan/startedAt: is not a date-time ("yesterday")'],
    ['a wrong schemaVersion', (r: any) => (r.schemaVersion = 2), '/schemaVersion: must be 1'],
    ['a bad phase', (r: any) => (r.plan[0].phase = 'later'), '/plan/0/phase: must be one of before-window, in-window, after-upgrade'],
    [
      'a bad waiver expiry',
      (r: any) => (r.waivers[0].expires = '2027-13-01'),
      '/waivers/0/expires: is not a date ("2027-13-01"); use YYYY-MM-DD',
    ],
  ])('rejects %s with a message naming where', (_name, breakIt, message) => {
    const r = sampleReport();
    breakIt(r);
    const res = validateReport(r);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.join('\n')).toContain(message);
  });

  it('rejects what is not a report at all', () => {
    expect(validateReport(null).ok).toBe(false);
    expect(validateReport([]).ok).toBe(false);
  });
});
