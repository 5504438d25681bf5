import { describe, expect, it } from 'vitest';
import { azData, azProperty, renderAzure } from '../../src/report/azure.js';
import { computeVerdict } from '../../src/report/verdict.js';
import type { Report } from '../../src/types.js';
import { sampleReport } from './sample.js';

function withFailOn(failOn: Report['verdict']['failOn']): Report {
  const r = sampleReport();
  return { ...r, verdict: computeVerdict(r.findings, r.inventory.upgradePath, false, failOn) };
}

describe('--format azure: Azure DevOps logging commands', () => {
  it('logs an issue per open finding above info and fails the task when the gate fails', () => {
    const lines = renderAzure(withFailOn('high'), { file: 'reports/mfa.md' }).trimEnd().split('\n');
    const r = withFailOn('high');
    expect(lines).toHaveLength(r.findings.filter((f) => !f.waiver && f.severity !== 'info').length + 2);
    expect(lines[0]).toMatch(
      /^##vso\[task\.logissue type=error;sourcepath=reports\/mfa\.md;code=MFA-BKP-001;\]MFA01: MFA-BKP-001 The data file has no backup \[critical, failed\]: /,
    );
    expect(lines.find((l) => l.includes('code=MFA-VDIR-001;'))).toMatch(/^##vso\[task\.logissue type=warning;/);
    expect(lines.at(-2)).toMatch(/^##vso\[task\.logissue type=warning;\]MFA01: Incomplete scan: 1 check could not be determined/);
    expect(lines.at(-1)).toBe('##vso[task.complete result=Failed;]mfa-readiness: MFA01 fails the gate at --fail-on high (4 finding(s))');
  });

  it('does not fail the task when the gate passes', () => {
    expect(renderAzure(withFailOn('none'))).not.toContain('task.complete');
  });

  it('a value cannot end the line, close a property or smuggle a second command', () => {
    const r = withFailOn('high');
    r.findings[0].message = 'x\n##vso[task.setvariable variable=A]1 ##[error]y 100%';
    const out = renderAzure(r).split('\n');
    expect(out[0]).toContain('x%0A# #vso[task.setvariable variable=A]1 # #[error]y 100%AZP25');
    expect(out.filter((l) => l.includes('##vso[')).every((l) => l.startsWith('##vso[') && l.indexOf('##vso[', 1) === -1)).toBe(true);
    expect(azData('a\r\nb')).toBe('a%0Ab');
    expect(azProperty('a;b]c')).toBe('a%3Bb%5Dc');
  });
});
