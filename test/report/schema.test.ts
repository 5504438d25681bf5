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
    ['a missing verdict', (r: any) => delete r.verdict, '(root) must have required property \'verdict\''],
    ['a wrong gate', (r: any) => (r.verdict.gate = 'maybe'), '/verdict/gate must be equal to one of the allowed values (pass, fail)'],
    ['a bad outcome', (r: any) => (r.findings[0].outcome = 'pass'), '/findings/0/outcome must be equal to one of the allowed values'],
    ['a bad digest', (r: any) => (r.scan.inputDigest = 'md5:abc'), '/scan/inputDigest must match pattern'],
    ['a bad startedAt', (r: any) => (r.scan.startedAt = 'yesterday'), '/scan/startedAt must match format "date-time"'],
    ['a wrong schemaVersion', (r: any) => (r.schemaVersion = 2), '/schemaVersion must be equal to constant'],
    ['a bad phase', (r: any) => (r.plan[0].phase = 'later'), '/plan/0/phase must be equal to one of the allowed values'],
    ['a bad waiver expiry', (r: any) => (r.waivers[0].expires = '2027-13-01'), '/waivers/0/expires must match format "date"'],
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
