import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { RULES } from '../../src/rules/index.js';
import { renderSarif, sarifLevel } from '../../src/report/sarif.js';
import { scanTarget } from '../../src/scan.js';
import type { Report } from '../../src/types.js';
import { hostNames, stageHost } from '../helpers/hosts.js';
import { HOSTILE, sampleReport } from './sample.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The OASIS SARIF 2.1.0 schema (test/data/sarif/PROVENANCE.md), draft-04, with its uri and date-time formats checked. */
const validateSarif = (() => {
  // CommonJS modules: under NodeNext their default import is the module object, the class is its `default`.
  const Ajv = ((Ajv04 as unknown as { default?: unknown }).default ?? Ajv04) as new (o: object) => InstanceType<typeof Ajv04.default>;
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: unknown) => unknown;
  // unicodeRegExp off: one pattern of the published schema (a language tag) is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test', 'data', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
})();

function valid(text: string): Log {
  const log = JSON.parse(text) as Log;
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors!.map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`)).toEqual(
    [],
  );
  return log;
}

async function scanned(name: string): Promise<Report> {
  const host = await BundleHost.open(stageHost(name));
  const { report } = await scanTarget(host, {
    targetVersion: '8.1',
    stage: name.includes('stage-adfs') ? 'adfs' : 'pre',
    failOn: 'critical',
    now: '2026-11-21T09:00:00.000Z',
  });
  return report;
}

describe('--format sarif: a SARIF 2.1.0 log of the report', () => {
  it('the validator used here does reject a broken log (so the passes below mean something)', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(
      validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'A', helpUri: 'not a uri' }] } } }] }),
    ).toBe(false);
  });

  it('one run: the catalog as rules with their page, each finding a result with its level, the host as a logical location', () => {
    const report = sampleReport();
    const log = valid(renderSarif(report));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('mfa-readiness');
    const ruleIds = run.tool.driver.rules!.map((r) => r.id);
    for (const r of RULES) expect(ruleIds).toContain(r.meta.id);
    for (const r of run.tool.driver.rules!) {
      if (!RULES.some((c) => c.meta.id === r.id)) continue;
      expect(r.helpUri, r.id).toMatch(/^file:\/\/.*\/docs\/rules\/MFA-[A-Z]+-\d{3}\.md$/);
      expect(existsSync(fileURLToPath(r.helpUri!)), `${r.id}: its page exists`).toBe(true);
      expect(r.shortDescription!.text).toBe(RULES.find((c) => c.meta.id === r.id)!.meta.title);
    }
    expect(run.results).toHaveLength(report.findings.length);
    for (const res of run.results!) {
      const f = report.findings.find((x) => x.id === res.partialFingerprints!['mfaReadinessFindingId/v1'])!;
      expect(f, 'each result names its finding id').toBeTruthy();
      expect(res.ruleId).toBe(f.ruleId);
      expect(run.tool.driver.rules![res.ruleIndex!].id).toBe(f.ruleId);
      expect(res.level).toBe({ critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' }[f.severity]);
      const loc = res.locations![0].logicalLocations![0];
      expect(loc.fullyQualifiedName).toBe(`MFA01/${f.component}`);
      expect(run.logicalLocations![loc.index!].parentIndex).toBe(0);
    }
    expect(run.logicalLocations![0]).toEqual({ name: 'MFA01', fullyQualifiedName: 'MFA01', kind: 'resource' });
    expect(run.invocations![0].toolExecutionNotifications!.map((n) => n.message.text)).toEqual([
      'C:\\Program Files\\PhoneFactor\\Logs\\pfsvc.log: not in the bundle (manifest only)',
    ]);
  });

  it('a waived finding is an accepted suppression with the reason; an open one has none', () => {
    const report = sampleReport();
    const run = valid(renderSarif(report)).runs[0];
    const waived = report.findings.filter((f) => f.waiver);
    expect(waived.length).toBeGreaterThan(0);
    for (const res of run.results!) {
      const f = report.findings.find((x) => x.id === res.partialFingerprints!['mfaReadinessFindingId/v1'])!;
      if (f.waiver)
        expect(res.suppressions).toEqual([
          { kind: 'external', status: 'accepted', justification: expect.stringContaining(f.waiver.reason) },
        ]);
      else expect(res.suppressions).toBeUndefined();
    }
  });

  it('a finding that could not be determined says so in its message', () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0], outcome: 'unknown' };
    const run = valid(renderSarif(report)).runs[0];
    const res = run.results!.find((r) => r.partialFingerprints!['mfaReadinessFindingId/v1'] === report.findings[0].id)!;
    expect(res.message.text).toMatch(/^Could not be determined: /);
    expect(res.properties!.outcome).toBe('unknown');
  });

  it('hostile strings stay data: valid JSON and SARIF, no raw control characters', () => {
    const report = sampleReport();
    report.host.name = `MFA01${HOSTILE.script}\u001b[31m`;
    const text = renderSarif(report);
    valid(text);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('the same report gives the same bytes, whatever the order of its findings', () => {
    const a = sampleReport();
    const b = { ...sampleReport(), findings: [...sampleReport().findings].reverse() };
    expect(renderSarif(b)).toBe(renderSarif(a));
  });

  it('levels: critical and high are errors, medium a warning, low and info notes', () => {
    expect(['critical', 'high', 'medium', 'low', 'info'].map((s) => sarifLevel(s as never))).toEqual([
      'error',
      'error',
      'warning',
      'note',
      'note',
    ]);
  });

  it.each(hostNames())('fixture %s gives a valid SARIF log with one result per finding', async (name) => {
    const report = await scanned(name);
    const run = valid(renderSarif(report)).runs[0];
    expect(run.results).toHaveLength(report.findings.length);
    expect(run.properties!.gate).toBe(report.verdict.gate);
  });
});
