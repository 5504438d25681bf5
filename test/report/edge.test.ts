import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { validateReport } from '../../src/report/schema.js';
import { computeVerdict } from '../../src/report/verdict.js';
import type { Report } from '../../src/types.js';
import { sampleReport } from './sample.js';

/** A host with nothing on it: no components, no plan, no name, one info finding. */
function emptyHost(): Report {
  const base = sampleReport();
  const findings: Report['findings'] = [
    {
      id: '9f9f9f9f9f9f',
      ruleId: 'MFA-INV-003',
      outcome: 'fail',
      severity: 'info',
      component: 'host',
      title: 'Nothing to upgrade',
      message: 'No MFA Server component was found and the registry covers the Uninstall keys.',
      evidence: [
        {
          source: 'registry',
          location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
          observed: '212 keys, none matching',
        },
      ],
      seed: { file: '', section: '' },
      planSteps: [],
      waiver: null,
    },
  ];
  return {
    ...base,
    host: { ...base.host, name: null, os: { caption: null, version: null, architecture: null }, hostRole: 'none' },
    inventory: { ...base.inventory, upgradePath: 'none', components: [], virtualDirectories: [] },
    verdict: computeVerdict(findings, 'none', true, 'critical'),
    waivers: [],
    findings,
    plan: [],
    problems: [],
  };
}

describe('a host with nothing to upgrade', () => {
  const r = emptyHost();
  it('is a valid report with the nothing-to-upgrade verdict', () => {
    expect(r.verdict.status).toBe('nothing-to-upgrade');
    expect(validateReport(JSON.parse(renderJson(r)))).toEqual({ ok: true });
  });
  it('renders HTML saying so, without empty tables', () => {
    const { document } = parseHTML(renderHtml(r));
    expect(document.querySelector('#verdict .status')!.textContent).toBe('Nothing to upgrade');
    expect(document.querySelector('h1')!.textContent).toBe('MFA Server upgrade readiness: unknown host');
    expect(document.querySelector('#plan .empty')!.textContent).toContain('nothing to do');
    expect(document.querySelector('#inventory .empty')!.textContent).toBe('No MFA Server component was found.');
    // An empty seed is not shown; the procedure comes from the rule's metadata (a step this tool adds).
    expect(document.querySelector('#findings .seed')!.textContent).toMatch(/^Procedure: Steps this tool adds, step tool-inventory: /);
  });
  it('renders Markdown and JUnit', () => {
    const md = renderMarkdown(r);
    expect(md).toContain('## Verdict: Nothing to upgrade');
    expect(md).toContain('\nNo plan steps: there is nothing to do on this host.\n');
    const xml = renderJunit(r, [{ id: 'MFA-INV-003', title: 'Nothing to upgrade', component: 'host' }]);
    expect(xml).toContain('<testsuite name="unknown-host"');
    expect(xml).toContain('failures="0"');
  });
});
