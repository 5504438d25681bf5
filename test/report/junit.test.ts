import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import { computeVerdict } from '../../src/report/verdict.js';
import type { Report } from '../../src/types.js';
import { HOSTILE, SAMPLE_RULES_RAN, sampleReport } from './sample.js';

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testsuite', 'testcase', 'property'].includes(n) }).parse(xml);
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
    expect(tc.classname).toBe('user-portal');
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
    r.findings.push({ ...r.findings[0]!, id: 'w1', ruleId: 'MFA-WVR-001', severity: 'low', title: 'A waiver has expired', component: 'host', waiver: null });
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

  it('is deterministic', () => {
    expect(renderJunit(withFailOn('high'), SAMPLE_RULES_RAN)).toBe(renderJunit(withFailOn('high'), [...SAMPLE_RULES_RAN].reverse()));
  });
});
