import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderFleetJunit, renderJunit } from '../../src/report/junit.js';
import { runFleet } from '../../src/fleet/run.js';
import { renderFleetMarkdown } from '../../src/fleet/render.js';
import { copyFleet, OPTS } from '../fleet/helpers.js';
import type { FleetReport } from '../../src/fleet/types.js';
import { computeVerdict } from '../../src/report/verdict.js';
import type { Report } from '../../src/types.js';
import { HOSTILE, SAMPLE_RULES_RAN, sampleReport } from './sample.js';

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => ['testsuite', 'testcase', 'property'].includes(n),
  }).parse(xml);
  const suite = doc.testsuites.testsuite[0];
  const cases = new Map<string, any>(suite.testcase.map((tc: any) => [tc.name.split(' ')[0], tc]));
  return { doc, suite, cases };
}

function withFailOn(failOn: Report['verdict']['failOn']): Report {
  const r = sampleReport();
  return { ...r, verdict: computeVerdict(r.findings, r.inventory.upgradePath, false, failOn) };
}

describe('JUnit report', () => {
  it('has one testsuite for the host and one testcase per rule that ran', () => {
    const { doc, suite, cases } = parse(renderJunit(withFailOn('high'), SAMPLE_RULES_RAN));
    expect(doc.testsuites.testsuite).toHaveLength(1);
    expect(suite.name).toBe('MFA01');
    expect(suite.tests).toBe(String(SAMPLE_RULES_RAN.length));
    expect([...cases.keys()]).toEqual(SAMPLE_RULES_RAN.map((r) => r.id).sort());
    const tc = cases.get('MFA-BKP-010');
    // The host in the classname: results of several hosts stay apart once a CI server flattens them.
    expect(tc.classname).toBe('MFA01.user-portal');
    expect(cases.get('MFA-BKP-001').classname).toBe('MFA01.data');
    expect(tc.name).toBe("MFA-BKP-010 The User Portal's web.config has no current backup");
  });

  it('fails at or above --fail-on, skips waived, passes below with the finding in system-out', () => {
    const { suite, cases } = parse(renderJunit(withFailOn('high'), SAMPLE_RULES_RAN));
    const state = (id: string) => {
      const tc = cases.get(id);
      return tc.failure ? 'failure' : tc.skipped !== undefined ? 'skipped' : 'pass';
    };
    expect(Object.fromEntries([...cases.keys()].map((id) => [id, state(id)]))).toEqual({
      'MFA-BKP-001': 'failure',
      'MFA-BKP-002': 'pass', // ran, found nothing
      'MFA-BKP-010': 'failure',
      'MFA-BKP-013': 'failure',
      'MFA-CMP-003': 'pass',
      'MFA-HA-002': 'pass',
      'MFA-INV-001': 'pass',
      'MFA-LIFE-001': 'skipped',
      'MFA-PRQ-001': 'failure', // unknown counts as failed
      'MFA-PRQ-002': 'pass',
      'MFA-VDIR-001': 'pass',
      'MFA-VDIR-002': 'pass',
    });
    expect(suite.failures).toBe('4');
    expect(suite.skipped).toBe('1');
    expect(cases.get('MFA-LIFE-001').skipped.message).toBe('waived: Upgrade is the first step of the cloud migration, CHG0012345');
    expect(cases.get('MFA-VDIR-001')['system-out']).toContain('The new default is /MultiFactorAuth');
    expect(cases.get('MFA-BKP-002')['system-out']).toBeUndefined();
    expect(cases.get('MFA-PRQ-001').failure['#text']).toContain('could not be determined');
  });

  it('follows --fail-on: none fails nothing, info fails every unwaived finding', () => {
    const none = parse(renderJunit(withFailOn('none'), SAMPLE_RULES_RAN));
    expect(none.suite.failures).toBe('0');
    const info = parse(renderJunit(withFailOn('info'), SAMPLE_RULES_RAN));
    expect(info.suite.failures).toBe('10');
  });

  it('adds a testcase for a finding whose rule is not in the list', () => {
    const r = withFailOn('low');
    r.findings.push({
      ...r.findings[0],
      id: 'w1',
      ruleId: 'MFA-WVR-001',
      severity: 'low',
      title: 'A waiver has expired',
      component: 'host',
      waiver: null,
    });
    const { cases } = parse(renderJunit(r, SAMPLE_RULES_RAN));
    expect(cases.get('MFA-WVR-001').failure).toBeDefined();
  });

  it('escapes markup and makes control characters XML-safe', () => {
    const xml = renderJunit(withFailOn('info'), SAMPLE_RULES_RAN);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const { cases } = parse(xml);
    expect(cases.get('MFA-BKP-001').failure['#text']).toContain(HOSTILE.script);
    expect(cases.get('MFA-BKP-013').failure['#text']).toContain('\\x1B[31mred');
    const r = withFailOn('info');
    r.host.name = 'MFA"01<&>\uffff';
    expect(parse(renderJunit(r, SAMPLE_RULES_RAN)).suite.name).toBe('MFA"01<&>');
  });

  it("has no skipped attribute on <testsuites> (Jenkins' JUnit schema rejects it); the testsuite keeps its own", () => {
    const xml = renderJunit(withFailOn('high'), SAMPLE_RULES_RAN);
    const root = /<testsuites[^>]*>/.exec(xml)![0];
    expect(root).toBe('<testsuites name="mfa-readiness" tests="12" failures="4" errors="0">');
    expect(/<testsuite [^>]*>/.exec(xml)![0]).toContain('skipped="1"');
  });

  it('says "noted" for an info finding, not "failed"', () => {
    const { cases } = parse(renderJunit(withFailOn('high'), SAMPLE_RULES_RAN));
    expect(cases.get('MFA-INV-001')['system-out']).toMatch(/outcome: noted\)/);
  });

  it('is deterministic', () => {
    expect(renderJunit(withFailOn('high'), SAMPLE_RULES_RAN)).toBe(renderJunit(withFailOn('high'), [...SAMPLE_RULES_RAN].reverse()));
  });
});

describe('JUnit report of a fleet', () => {
  let fleet: FleetReport;
  const hostReports = new Map<string, Report>();
  it('has one testsuite per host (testcases per rule, classname host.component) and one for the fleet rules', async () => {
    fleet = (await runFleet([copyFleet('ha-pair-with-portal')], { ...OPTS, onHostReport: async (r, h) => void hostReports.set(h.name, r) }))
      .report;
    const xml = renderFleetJunit(fleet, { hostReports });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual([...fleet.hosts.map((h) => h.name), 'fleet']);
    for (const [i, h] of fleet.hosts.entries()) {
      expect(suites[i].testcase.length).toBeGreaterThan(1);
      for (const tc of suites[i].testcase) expect(tc.classname.startsWith(`${h.name}.`), tc.classname).toBe(true);
    }
    const fleetSuite = suites.at(-1);
    expect(fleetSuite.testcase.every((tc: any) => tc.classname.startsWith('fleet.') && tc.name.startsWith('MFA-'))).toBe(true);
    // The total failures are the sum of the suites'; the root carries no skipped attribute.
    const total = suites.reduce((n: number, s: any) => n + Number(s.failures), 0);
    expect(doc.testsuites.failures).toBe(String(total));
    expect(doc.testsuites.skipped).toBeUndefined();
    // (The fleet's Markdown says its time as people read it, as the host reports do.)
    expect(renderFleetMarkdown(fleet).split('\n')[2]).toMatch(/^Target release 8\.1 · scanned 21 Nov 2026 09:00 UTC · /);
    // Without the host reports (a saved fleet report): one testcase per host, failing where its gate failed.
    const summary = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    }).parse(renderFleetJunit(fleet));
    for (const [i, h] of fleet.hosts.entries()) {
      const [tc] = summary.testsuites.testsuite[i].testcase;
      expect(tc.classname).toBe(`${h.name}.host`);
      expect(tc.failure !== undefined).toBe(h.verdict?.gate === 'fail');
    }
  }, 60_000);

  it('fails a host that could not be scanned, naming why', () => {
    const broken: FleetReport = {
      ...fleet,
      hosts: [
        ...fleet.hosts,
        {
          name: 'MFA09',
          target: '/bundles/MFA09',
          status: 'failed',
          reason: 'bundle.json: not valid JSON',
          verdict: null,
          roles: null,
          upgradePath: null,
          hostRole: null,
        },
      ],
    };
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    }).parse(renderFleetJunit(broken, { hostReports }));
    const suite = doc.testsuites.testsuite.find((s: any) => s.name === 'MFA09');
    expect(suite.testcase[0].failure.message).toBe('/bundles/MFA09: could not be scanned: bundle.json: not valid JSON');
  });
});
