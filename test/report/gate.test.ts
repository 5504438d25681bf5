import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import Gate, { gateReport } from '../../src/commands/gate.js';
import { renderJson } from '../../src/report/json.js';
import { computeVerdict } from '../../src/report/verdict.js';
import { applyWaivers, expiredWaiverFindings } from '../../src/report/waivers.js';
import type { Finding, Report, Severity } from '../../src/types.js';
import { sampleReport } from './sample.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let reportFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-gate-'));
  reportFile = join(dir, 'report.json');
  await writeFile(reportFile, renderJson(sampleReport('critical')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** Runs the command, capturing stdout; returns output, exit code and any error. */
async function gate(...argv: string[]) {
  let out = '';
  // oclif writes through console.log / console.error
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    out += args.join(' ') + '\n';
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  let error: any = null;
  // The commands print input errors as one line on stderr themselves (src/cli/base.ts): capture it.
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
    err += String(chunk);
    return true;
  });
  try {
    await Gate.run(argv, root);
  } catch (e) {
    error = e;
  }
  vi.restoreAllMocks();
  const code = process.exitCode;
  process.exitCode = undefined;
  if (!error && code === 2) error = { oclif: { exit: 2 }, message: err.replace(/^mfa-readiness gate: /, '').replace(/\n$/, '') };
  return { out, code, error };
}

describe('mfa-readiness gate', () => {
  it('fails at the default --fail-on critical on two criticals: exit 1 and one outcome line', async () => {
    const r = await gate(reportFile);
    expect(r.error).toBeNull();
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')[0]).toBe(
      'gate: fail (fail-on critical): 2 critical, 2 high, 3 medium, 2 low, 1 info; 1 waived; failing: a1b2c3d4e5f6, 0f9e8d7c6b5a',
    );
  });

  it('--fail-on none passes; --json returns the documented object', async () => {
    const pass = await gate(reportFile, '--fail-on', 'none');
    expect(pass.code ?? 0).toBe(0);
    expect(pass.out).toMatch(/^gate: pass \(fail-on none\)/);
    const j = await gate(reportFile, '--fail-on', 'medium', '--json');
    expect(j.code).toBe(1);
    const obj = JSON.parse(j.out);
    expect(obj).toMatchObject({ gate: 'fail', failOn: 'medium', counts: { critical: 2, high: 2, medium: 3, low: 2, info: 1 } });
    expect(obj.failing).toHaveLength(7);
    expect(obj.waivers.map((w: any) => [w.rule, w.status])).toEqual([
      ['MFA-LIFE-001', 'applied'],
      ['MFA-VDIR-003', 'unused'],
    ]);
  });

  it("a --waivers file replaces the report's own waivers", async () => {
    const wf = join(dir, 'w.yml');
    await writeFile(
      wf,
      'waivers:\n  - rule: MFA-BKP-001\n    reason: copied by hand, CHG0099\n  - rule: MFA-PRQ-001\n    host: mfa01\n    reason: .NET 4.8 is in the gold image\n    expires: 2026-12-31\n',
    );
    const r = await gate(reportFile, '--waivers', wf, '--json');
    const obj = JSON.parse(r.out);
    expect(obj.gate).toBe('pass');
    expect(r.code ?? 0).toBe(0);
    // MFA-LIFE-001 is no longer waived: high count goes up by one
    expect(obj.counts).toEqual({ critical: 0, high: 3, medium: 3, low: 2, info: 1 });
    expect(obj.waivers.map((w: any) => w.status)).toEqual(['applied', 'applied']);
  });

  it('an expired waiver (by --now) waives nothing and raises MFA-WVR-001', async () => {
    const wf = join(dir, 'old.yml');
    await writeFile(wf, 'waivers:\n  - rule: MFA-BKP-001\n    reason: r\n    expires: 2026-11-21\n  - rule: MFA-PRQ-001\n    reason: r\n');
    const inDay = JSON.parse((await gate(reportFile, '--waivers', wf, '--json', '--now', '2026-11-21T23:59:59Z')).out);
    expect(inDay.gate).toBe('pass');
    const after = JSON.parse((await gate(reportFile, '--waivers', wf, '--json', '--now', '2026-11-22T00:00:00Z', '--fail-on', 'low')).out);
    expect(after.waivers.map((w: any) => w.status)).toEqual(['expired', 'applied']);
    expect(after.counts.critical).toBe(1);
    expect(after.counts.low).toBe(3); // two low findings plus MFA-WVR-001
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /nope\.json: cannot read the report \(ENOENT\)/],
    [
      'not JSON',
      async () => {
        const p = join(dir, 'bad.json');
        await writeFile(p, '{"schemaVersion": 1,');
        return p;
      },
      /bad\.json: not JSON/,
    ],
    [
      'not a report',
      async () => {
        const p = join(dir, 'other.json');
        await writeFile(p, JSON.stringify({ ...sampleReport(), verdict: { status: 'great' } }));
        return p;
      },
      /other\.json: \/verdict\/\w+: /,
    ],
  ])('exits 2 on %s with one line naming the file', async (_name, make, message) => {
    const p = await make();
    const r = await gate(p);
    expect(r.error).not.toBeNull();
    expect(r.error.oclif?.exit).toBe(2);
    expect(r.error.message).toMatch(message);
    expect(r.error.message).not.toContain('\n');
  });

  it('exits 2 on an error report and on a PowerShell (UTF-16LE) report it reads like any other', async () => {
    const errFile = join(dir, 'error.json');
    await writeFile(errFile, JSON.stringify({ error: { code: 'EEXIT', message: 'no TARGET given' } }));
    const r = await gate(errFile);
    expect(r.error.oclif?.exit).toBe(2);
    expect(r.error.message).toBe(`${errFile}: this is an error report, not a scan report (the run that wrote it failed)`);
    const ps = join(dir, 'ps.json');
    await writeFile(ps, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(renderJson(sampleReport('critical')), 'utf16le')]));
    const ok = await gate(ps, '--fail-on', 'none');
    expect(ok.error).toBeNull();
    expect(ok.out).toMatch(/^gate: pass \(fail-on none\)/);
  });

  it('exits 2 on an invalid waiver file, naming file and line', async () => {
    const wf = join(dir, 'broken.yml');
    await writeFile(wf, 'waivers:\n  - rule: MFA-BKP-001\n    reason: r\n    expires: 31/01/2027\n');
    const r = await gate(reportFile, '--waivers', wf);
    expect(r.error.oclif?.exit).toBe(2);
    expect(r.error.message).toBe(`${wf}:4: /waivers/0/expires: is not a date ("31/01/2027"); use YYYY-MM-DD`);
  });
});

describe('gate agrees with the scan that wrote the report', () => {
  // Simulates the scan: apply waivers at the scan's clock, raise MFA-WVR-001, compute the verdict.
  const sevs: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
  const waiverSets = [
    [],
    [{ rule: 'MFA-BKP-001', reason: 'r' }],
    [
      { rule: 'MFA-BKP-001', reason: 'r', expires: '2026-01-01' },
      { rule: 'MFA-PRQ-001', reason: 'r', host: 'MFA02' },
    ],
    [
      { rule: 'MFA-PRQ-001', reason: 'r' },
      { rule: 'MFA-BKP-001', reason: 'r' },
      { rule: 'MFA-BKP-010', finding: '11aa22bb33cc', reason: 'r' },
    ],
  ];
  for (const [i, waivers] of waiverSets.entries()) {
    for (const failOn of [...sevs, 'none'] as const) {
      it(`waiver set ${i}, --fail-on ${failOn}`, async () => {
        const base = sampleReport();
        const now = base.scan.startedAt;
        const applied = applyWaivers(base.findings, waivers, { host: base.host.name, now });
        const wvr: Finding[] = expiredWaiverFindings(applied.waivers, base.host.name, 'w.yml').map((f, k) => ({
          ...f,
          id: `wvr${k}`,
          planSteps: [],
        }));
        const findings = [...applied.findings, ...wvr];
        const verdict = computeVerdict(findings, base.inventory.upgradePath, false, failOn);
        const scanned: Report = { ...base, findings, waivers: applied.waivers, verdict };
        const saved = JSON.parse(renderJson(scanned)) as Report;
        const g = await gateReport(saved, { failOn });
        expect(g.gate).toBe(verdict.gate);
        expect(g.counts).toEqual(verdict.counts);
      });
    }
  }
});
