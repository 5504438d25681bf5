import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, ROOT, cli, stageHost, tmp } from '../safety/helpers.js';

const failures = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testsuite', 'testcase'].includes(n) })
    .parse(xml)
    .testsuites.testsuite.flatMap((s: { testcase: { name: string; failure?: unknown }[] }) =>
      s.testcase.filter((t) => t.failure !== undefined).map((t) => t.name.split(' ')[0]),
    );

/** The documented CI flow: scan once, then gate with waivers; every file gate writes says what gate says. */
describe('gate re-renders the formats after waivers', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp('gate-rerender');
    const r = cli([
      'scan',
      stageHost('pf-agent-5x-all-in-one'),
      '--format',
      'json,junit',
      '--output',
      path.join(dir, 'scan.json'),
      '--now',
      NOW,
    ]);
    expect(r.code, r.stderr).toBe(1);
    writeFileSync(
      path.join(dir, 'waivers.yml'),
      'waivers:\n  - rule: MFA-BKP-001\n    reason: copied by the nightly backup job, CHG0042\n    expires: 2027-01-31\n',
    );
  });

  it('scan-time JUnit fails; gate --waivers passes, and its JUnit, Markdown and annotations agree', () => {
    expect(failures(readFileSync(path.join(dir, 'scan.junit.xml'), 'utf8'))).toEqual(['MFA-BKP-001']);
    const g = cli(
      [
        'gate',
        path.join(dir, 'scan.json'),
        '--waivers',
        path.join(dir, 'waivers.yml'),
        '--format',
        'junit,md,github',
        '--output',
        path.join(dir, 'gated'),
      ],
      { cwd: dir },
    );
    expect(g.code, g.stderr).toBe(0);
    expect(g.stdout).toMatch(/^gate: pass \(fail-on critical\): 0 critical, 5 high/m);
    expect(failures(readFileSync(path.join(dir, 'gated.junit.xml'), 'utf8'))).toEqual([]);
    const md = readFileSync(path.join(dir, 'gated.md'), 'utf8');
    expect(md).toContain('**Gate: PASS** at fail-on **critical**');
    expect(md).toContain('> **Waived:** copied by the nightly backup job, CHG0042 (until 31 Jan 2027).');
    expect(g.stdout).not.toMatch(/^::error /m);
    expect(g.stdout).toMatch(/^::warning file=gated\.md,title=MFA-BKP-010 /m);
    expect(g.stderr).toContain(`wrote ${path.join(dir, 'gated.junit.xml')}`);
  });

  it('gate never overwrites the report it reads', () => {
    const before = readFileSync(path.join(dir, 'scan.json'), 'utf8');
    const g = cli(['gate', path.join(dir, 'scan.json'), '--format', 'json', '--output', path.join(dir, 'scan.json')]);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('gate does not overwrite the report it reads');
    expect(readFileSync(path.join(dir, 'scan.json'), 'utf8')).toBe(before);
  });

  it('prints the failing findings with their titles', () => {
    const g = cli(['gate', path.join(dir, 'scan.json'), '--fail-on', 'high']);
    expect(g.code).toBe(1);
    const lines = g.stdout.split('\n');
    expect(lines[1]).toBe('failing findings:');
    expect(lines[2]).toMatch(/^ {2}critical MFA-BKP-001 The data file has no backup \(finding MFA-BKP-001-[0-9a-f]{8}\)$/);
    expect(lines.filter((l) => /^ {2}high {5}MFA-/.test(l)).length).toBe(5);
  });

  it('--max-age: a report older than the window allows fails with a line saying its age', () => {
    const old = cli(['gate', path.join(dir, 'scan.json'), '--fail-on', 'none', '--max-age', '7d', '--now', '2026-12-02T12:00:00Z']);
    expect(old.code).toBe(1);
    expect(old.stdout).toContain(
      'gate: fail: the report is 11 days 3 hours old (scanned 2026-11-21T09:00:00.000Z), older than --max-age 7d: scan again',
    );
    const fresh = cli(['gate', path.join(dir, 'scan.json'), '--fail-on', 'none', '--max-age', '14d', '--now', '2026-12-02T12:00:00Z']);
    expect(fresh.code).toBe(0);
    const bad = cli(['gate', path.join(dir, 'scan.json'), '--max-age', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-age soon: expected a positive duration such as 7d, 36h, 2w or 90m');
  });

  it('reads a fleet report: passes or fails on its hosts and fleet findings', () => {
    const out = tmp('gate-fleet');
    const f = cli([
      'fleet',
      path.join(ROOT, 'fixtures', 'fleets', 'ha-pair-with-portal'),
      '--format',
      'json',
      '--output',
      path.join(out, 'fleet.json'),
      '--now',
      NOW,
    ]);
    expect([0, 1], f.stderr).toContain(f.code);
    const pass = cli(['gate', path.join(out, 'fleet.json')]);
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stdout).toMatch(/^gate: pass \(fail-on critical\): fleet of 3 server\(s\): /);
    const fail = cli(['gate', path.join(out, 'fleet.json'), '--fail-on', 'high']);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/^ {2}MFA01: 2 high open$/m);
  });
});
