import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, ROOT, cli, stageHost, tmp } from '../safety/helpers.js';
import { BIN } from '../helpers/hosts.js';

/** What the CLI prints on stderr for a refused input: exactly one line. */
const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('scan and gate --format sarif', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('sarif-cli');
    const r = cli([
      'scan',
      stageHost('pf-agent-5x-all-in-one'),
      '--format',
      'json,sarif',
      '--output',
      path.join(dir, 'scan.json'),
      '--now',
      NOW,
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`wrote ${path.join(dir, 'scan.sarif')}`);
    writeFileSync(
      path.join(dir, 'waivers.yml'),
      'waivers:\n  - rule: MFA-BKP-001\n    reason: copied by the nightly backup job, CHG0042\n    expires: 2027-01-31\n',
    );
  });

  it('scan writes NAME.sarif: one run, a result per finding, the critical one an error', () => {
    const report = JSON.parse(readFileSync(path.join(dir, 'scan.json'), 'utf8')) as { findings: { id: string; severity: string }[] };
    const log = JSON.parse(readFileSync(path.join(dir, 'scan.sarif'), 'utf8')) as Log;
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0].results!;
    expect(results.map((r) => r.partialFingerprints!['mfaReadinessFindingId/v1']).sort()).toEqual(report.findings.map((f) => f.id).sort());
    const bkp = results.find((r) => r.ruleId === 'MFA-BKP-001')!;
    expect(bkp.level).toBe('error');
    expect(bkp.suppressions).toBeUndefined();
    expect(bkp.locations![0].logicalLocations![0].fullyQualifiedName).toBe('PF01/data');
  });

  it('gate --waivers --format sarif: the waived finding is suppressed with its reason, and gate passes', () => {
    const g = cli([
      'gate',
      path.join(dir, 'scan.json'),
      '--waivers',
      path.join(dir, 'waivers.yml'),
      '--format',
      'sarif',
      '--output',
      path.join(dir, 'gated.sarif'),
    ]);
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toContain(`wrote ${path.join(dir, 'gated.sarif')}`);
    const run = (JSON.parse(readFileSync(path.join(dir, 'gated.sarif'), 'utf8')) as Log).runs[0];
    const bkp = run.results!.find((r) => r.ruleId === 'MFA-BKP-001')!;
    expect(bkp.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'copied by the nightly backup job, CHG0042 (until 2027-01-31)' },
    ]);
    expect(run.properties!.gate).toBe('pass');
  });
});

describe('gate on a fleet report: works, or refuses in one line naming the file', () => {
  let fleet: string;
  beforeAll(() => {
    const out = tmp('gate-fleet-flags');
    fleet = path.join(out, 'fleet.json');
    const f = cli([
      'fleet',
      path.join(ROOT, 'fixtures', 'fleets', 'ha-pair-with-portal'),
      '--format',
      'json',
      '--output',
      fleet,
      '--now',
      NOW,
    ]);
    expect([0, 1], f.stderr).toContain(f.code);
    writeFileSync(path.join(out, 'waivers.yml'), 'waivers:\n  - rule: MFA-LIFE-001\n    reason: migration planned, CHG1\n');
  });

  it.each([
    [
      '--waivers',
      (d: string) => ['--waivers', path.join(d, 'waivers.yml')],
      /: a fleet report keeps each server's verdict, not its findings, so --waivers cannot be applied to it again; give the waiver file to `fleet --waivers`$/,
    ],
    [
      '--format',
      () => ['--format', 'junit,sarif'],
      /: a fleet report: --format re-renders host reports only; run `fleet --format` again for a fleet's files$/,
    ],
    [
      '--fail-on-unknown',
      () => ['--fail-on-unknown'],
      /: a fleet report does not keep which checks of each server could not be determined, so --fail-on-unknown cannot judge it; gate each server's report \(`fleet --host-reports DIR`\) with it$/,
    ],
  ])('%s is refused: exit 2, one line, no verdict printed', (_flag, extra, message) => {
    const g = cli(['gate', fleet, ...extra(path.dirname(fleet))]);
    expect(g.code).toBe(2);
    const lines = oneLine(g.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(fleet);
    expect(lines[0]).toMatch(message);
    expect(g.stdout).not.toMatch(/^gate: (pass|fail)/m);
  });

  it('--json and --max-age work on a fleet report', () => {
    const g = cli(['gate', fleet, '--json', '--fail-on', 'high']);
    expect(g.code).toBe(1);
    const r = JSON.parse(g.stdout) as { gate: string; failOn: string };
    expect(r).toMatchObject({ gate: 'fail', failOn: 'high' });
    const old = cli(['gate', fleet, '--fail-on', 'none', '--max-age', '7d', '--now', '2026-12-02T12:00:00Z']);
    expect(old.code).toBe(1);
    expect(old.stdout).toMatch(/^gate: fail: the report is 11 days 3 hours old/m);
  });
});

describe('gate rejects bad reports with the precompiled validators as it did before: exit 2, one line naming the file and the field', () => {
  let good: Record<string, any>;
  let dir: string;
  beforeAll(() => {
    dir = tmp('gate-bad');
    const r = cli(['scan', stageHost('pf-agent-5x-all-in-one'), '--json', '--now', NOW]);
    good = JSON.parse(r.stdout) as Record<string, any>;
  });
  const cases: [string, (r: Record<string, any>) => void, string][] = [
    [
      'a severity outside the enum',
      (r) => (r.findings[0].severity = 'urgent'),
      '/findings/0/severity: must be one of critical, high, medium, low, info',
    ],
    ['schemaVersion 2', (r) => (r.schemaVersion = 2), '/schemaVersion: must be 1'],
    ['no verdict', (r) => delete r.verdict, '/verdict: is required'],
    ['a start time that is not one', (r) => (r.scan.startedAt = 'yesterday'), '/scan/startedAt: is not a date-time ("yesterday")'],
  ];
  it.each(cases)('%s', (name, spoil, field) => {
    const r = structuredClone(good);
    spoil(r);
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(r));
    const g = cli(['gate', file]);
    expect(g.code).toBe(2);
    const lines = oneLine(g.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${file}: ${field}`);
  });
});

describe('gate start-up compiles no JSON Schema (the validators are precompiled at build time)', () => {
  it("a gate run loads none of ajv's compiler, only its small runtime helpers", () => {
    const dir = tmp('gate-no-ajv');
    const report = path.join(dir, 'r.json');
    const s = cli(['scan', stageHost('pf-agent-5x-all-in-one'), '--format', 'json', '--output', report, '--now', NOW]);
    expect(s.code, s.stderr).toBe(1);
    // A preload that lists, at exit, the ajv modules Node loaded (ES imports of CommonJS land in require.cache too).
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      String.raw`process.on('exit', () => { const k = Object.keys(require.cache).map((p) => p.split('\\').join('/')).filter((p) => p.includes('/node_modules/ajv')).map((p) => p.slice(p.lastIndexOf('node_modules/') + 13)); process.stderr.write('AJV ' + JSON.stringify(k) + '\n'); });`,
    );
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'gate', report], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^gate: fail \(fail-on critical\)/);
    const loaded = JSON.parse(/^AJV (.*)$/m.exec(r.stderr)![1]) as string[];
    expect(loaded.filter((m) => /ajv\/dist\/(core|ajv|compile\/)/.test(m))).toEqual([]);
    expect(loaded.length).toBeGreaterThan(0);
  });
});
