import { describe, expect, it } from 'vitest';
import { ghData, ghProperty, githubAnnotations, githubSummary } from '../../src/report/github.js';
import { computeVerdict } from '../../src/report/verdict.js';
import type { Report } from '../../src/types.js';
import { sampleReport } from './sample.js';

function withFailOn(failOn: Report['verdict']['failOn']): Report {
  const r = sampleReport();
  return { ...r, verdict: computeVerdict(r.findings, r.inventory.upgradePath, false, failOn) };
}

describe('--format github: workflow commands', () => {
  const lines = githubAnnotations(withFailOn('high'), { file: 'reports/mfa.md' }).trimEnd().split('\n');

  it('one annotation per open finding: error where it fails the gate, warning below, notice for info', () => {
    const r = withFailOn('high');
    const open = r.findings.filter((f) => !f.waiver);
    // One per open finding, plus the incomplete-scan warning (the sample has an unknown finding and a problem).
    expect(lines).toHaveLength(open.length + 1);
    expect(lines[0]).toBe(
      '::error file=reports/mfa.md,title=MFA-BKP-001 The data file has no backup (MFA01)::[critical, failed] C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata has no candidate backup: copy it before the window.%0AC:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata: size 18874368, no copy found <script>alert(1)</script>',
    );
    const level = (id: string) => lines.find((l) => l.includes(`title=${id} `))!.split(' ')[0];
    expect(level('MFA-BKP-010')).toBe('::error'); // high, at --fail-on high
    expect(level('MFA-VDIR-001')).toBe('::warning'); // medium
    expect(level('MFA-INV-001')).toBe('::notice'); // info
    expect(lines.find((l) => l.includes('title=MFA-PRQ-001 '))).toContain('[critical, could not be determined]');
    expect(lines.some((l) => l.includes('MFA-LIFE-001'))).toBe(false); // waived
    expect(lines.at(-1)).toBe(
      '::warning title=Incomplete scan of MFA01::Incomplete scan: 1 check could not be determined; 1 piece of evidence could not be read. The verdict covers only what was read: resolve these before trusting it.',
    );
  });

  it('a value cannot end the command line or start another command', () => {
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) /);
    const r = withFailOn('high');
    r.findings[0].message = 'x\n::set-env name=X::1\r\n::add-mask::%0A';
    r.host.name = 'H,title=evil:x';
    const out = githubAnnotations(r).trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    expect(out[0]).toBe(
      '::error title=MFA-BKP-001 The data file has no backup (H%2Ctitle=evil%3Ax)::[critical, failed] x%0A::set-env name=X::1%0A::add-mask::%250A%0AC:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata: size 18874368, no copy found <script>alert(1)</script>',
    );
    expect(ghData('50%\r\n')).toBe('50%25%0A');
    expect(ghProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});

describe('--format github: step summary', () => {
  it('is a few lines per host, whatever the number of findings', () => {
    const r = withFailOn('info');
    for (let i = 0; i < 300; i++) r.findings.push({ ...r.findings[2], id: `x${i}`, waiver: null });
    r.verdict = computeVerdict(r.findings, r.inventory.upgradePath, false, 'info');
    const md = githubSummary(r, { reportFiles: ['out/mfa.json'] });
    const lines = md.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(16);
    expect(lines[0]).toBe('### ❌ MFA01: Not ready, gate FAIL at fail-on info');
    expect(md).toContain('**Warning: Incomplete scan: 1 check could not be determined');
    expect(md).toContain('- and 305 more');
    expect(md).toContain('Reports: out/mfa.json');
  });

  it('says PASS with a tick when the gate passes', () => {
    expect(githubSummary(withFailOn('none')).split('\n')[0]).toBe('### ✅ MFA01: Not ready, gate PASS at fail-on none');
  });
});
