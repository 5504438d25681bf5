import { mkdtemp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { validateReport } from '../../src/report/schema.js';
import { fileSafeHost, writeReports } from '../../src/report/write.js';
import { SAMPLE_RULES_RAN, sampleReport } from './sample.js';

describe('renderJson', () => {
  const json = renderJson(sampleReport());
  it('writes keys in the schema order, 2-space indent, trailing newline', () => {
    const obj = JSON.parse(json);
    expect(Object.keys(obj)).toEqual([
      'schemaVersion',
      'tool',
      'scan',
      'host',
      'inventory',
      'verdict',
      'waivers',
      'findings',
      'plan',
      'problems',
    ]);
    expect(Object.keys(obj.scan)).toEqual(['startedAt', 'target', 'targetVersion', 'stage', 'inputDigest']);
    expect(Object.keys(obj.verdict)).toEqual(['status', 'failOn', 'counts', 'waived', 'gate']);
    expect(Object.keys(obj.findings[0])).toEqual([
      'id',
      'ruleId',
      'outcome',
      'severity',
      'title',
      'message',
      'component',
      'evidence',
      'seed',
      'planSteps',
      'waiver',
      'rulePage',
    ]);
    expect(obj.findings.map((f: { ruleId: string; rulePage: string }) => f.rulePage)).toEqual(
      obj.findings.map((f: { ruleId: string }) => `docs/rules/${f.ruleId}.md`),
    );
    expect(Object.keys(obj.plan[0])).toEqual(['order', 'id', 'action', 'component', 'phase', 'title', 'detail', 'because', 'dependsOn']);
    expect(Object.keys(obj.waivers[1])).toEqual(['rule', 'host', 'finding', 'reason', 'expires', 'status']);
    expect(obj.waivers[0].host).toBeNull();
    expect(json.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name"')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(validateReport(obj)).toEqual({ ok: true });
  });

  it('does not depend on the order objects and arrays were built in', () => {
    const r = sampleReport();
    const shuffled = JSON.parse(JSON.stringify(r), function (_k, v) {
      return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v;
    });
    shuffled.findings.reverse();
    shuffled.plan.reverse();
    expect(renderJson(shuffled)).toBe(json);
  });

  it('keeps fields it does not know, after the known ones', () => {
    const r = { ...sampleReport(), zeta: 1, alpha: 2 } as any;
    expect(Object.keys(JSON.parse(renderJson(r))).slice(-2)).toEqual(['alpha', 'zeta']);
  });
});

describe('writeReports', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'mfa-write-'));
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });
  const opts = { rulesRan: SAMPLE_RULES_RAN };

  it('writes the default names in the working folder', async () => {
    const paths = await writeReports(sampleReport(), { ...opts, cwd, formats: ['html', 'json', 'md', 'junit'] });
    expect(paths).toEqual(['html', 'json', 'md', 'junit.xml'].map((e) => join(cwd, `mfa-readiness-MFA01-2026-11-21.${e}`)));
    expect((await readdir(cwd)).sort()).toEqual([
      'mfa-readiness-MFA01-2026-11-21.html',
      'mfa-readiness-MFA01-2026-11-21.json',
      'mfa-readiness-MFA01-2026-11-21.junit.xml',
      'mfa-readiness-MFA01-2026-11-21.md',
    ]);
    expect(await readFile(paths[1], 'utf8')).toBe(renderJson(sampleReport()));
  });

  it('--out DIR creates the folder; --output FILE sets the base name', async () => {
    const [a] = await writeReports(sampleReport(), { ...opts, cwd, formats: ['json'], out: 'reports/today' });
    expect(a).toBe(join(cwd, 'reports/today/mfa-readiness-MFA01-2026-11-21.json'));
    const b = await writeReports(sampleReport(), { ...opts, cwd, formats: ['json', 'junit', 'html'], output: 'out/CHG0012345.json' });
    expect(b).toEqual([join(cwd, 'out/CHG0012345.json'), join(cwd, 'out/CHG0012345.junit.xml'), join(cwd, 'out/CHG0012345.html')]);
    const c = await writeReports(sampleReport(), { ...opts, cwd, formats: ['md'], output: 'plain' });
    expect(c).toEqual([join(cwd, 'plain.md')]);
  });

  it('sanitises the host for file names, unknown-host when there is none', async () => {
    const r = sampleReport();
    r.host.name = null;
    expect(await writeReports(r, { ...opts, cwd, formats: ['json'] })).toEqual([join(cwd, 'mfa-readiness-unknown-host-2026-11-21.json')]);
    expect(fileSafeHost('..\\evil/../host:1 ')).toMatch(/^evil-\.-host-1-[0-9a-f]{8}$/);
    expect(fileSafeHost('mfa01.contoso.local')).toBe('mfa01.contoso.local');
    expect(fileSafeHost('MFA01')).toBe('MFA01');
  });

  it('names that sanitise alike stay apart; a very long name is shortened with a hash', () => {
    const names = ['MFA 01', 'MFA-01', 'MFA/01', 'MFA:01', 'MFA\u202e01'].map(fileSafeHost);
    expect(new Set(names).size).toBe(names.length);
    expect(names[1]).toBe('MFA-01');
    const long = fileSafeHost('H'.repeat(215));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^H+-[0-9a-f]{8}$/);
    expect(fileSafeHost('H'.repeat(215))).toBe(long);
    expect(fileSafeHost('H'.repeat(214))).not.toBe(long);
  });

  it('leaves no temp files and refuses to write inside the target', async () => {
    await writeReports(sampleReport(), { ...opts, cwd, formats: ['json', 'html'] });
    expect((await readdir(cwd)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await mkdir(join(cwd, 'bundle'));
    await expect(
      writeReports(sampleReport(), { ...opts, cwd, formats: ['json'], out: 'bundle/reports', targetDir: 'bundle' }),
    ).rejects.toThrow(/refusing to write a report inside the scanned target/);
    expect(await readdir(join(cwd, 'bundle'))).toEqual([]);
  });

  it('same input, same bytes, in every format', async () => {
    const a = await writeReports(sampleReport(), { ...opts, cwd, formats: ['json', 'html', 'md', 'junit'], out: 'a' });
    const b = await writeReports(sampleReport(), { ...opts, cwd, formats: ['json', 'html', 'md', 'junit'], out: 'b' });
    for (let i = 0; i < a.length; i++) expect(await readFile(b[i], 'utf8')).toBe(await readFile(a[i], 'utf8'));
  });
});
