import { describe, expect, it, beforeAll } from 'vitest';
import { parseHTML } from 'linkedom';
import { XMLParser } from 'fast-xml-parser';
import { hostNames, expected, stageHost } from '../helpers/hosts.js';
import { BundleHost } from '../../src/host/bundle.js';
import { scanTarget } from '../../src/scan.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderJson } from '../../src/report/json.js';
import { gateReport } from '../../src/commands/gate.js';
import type { Report, Stage } from '../../src/types.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { countMdEscapes } from '../../src/report/text.js';
import { PROJECT_ROOT as ROOT } from '../../src/report/paths.js';
import type { RuleMeta } from '../../src/rules/types.js';

const NOW = '2026-11-21T09:00:00.000Z';

/** Where a step id stands on its own (install:user-portal is inside uninstall:user-portal). */
function posOf(text: string, id: string): number {
  const m = new RegExp(`(?<![\\w:-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w:.-])`).exec(text);
  return m ? m.index : -1;
}

/** Every fixture host rendered in every format, read back the way a person or a CI system would. */
describe.each(hostNames())('reports of fixture host %s', (name) => {
  let report: Report;
  let ran: RuleMeta[];

  beforeAll(async () => {
    const flags = expected(name).flags ?? [];
    const stage = (flags.includes('--stage') ? flags[flags.indexOf('--stage') + 1] : 'pre') as Stage;
    const target = await BundleHost.open(stageHost(name));
    ({ report, ran } = await scanTarget(target, { targetVersion: '8.1', stage, failOn: 'critical', now: NOW }));
  });

  it('HTML: verdict first, plan in order by phase, every finding with its anchor, no script', () => {
    const { document } = parseHTML(renderHtml(report));
    const body = document.body.textContent ?? '';
    const verdictAt = body.search(/Not ready|Ready with warnings|Ready|Up to date|Nothing to upgrade|Verified|Upgrade incomplete/i);
    expect(verdictAt).toBeGreaterThanOrEqual(0);
    expect(verdictAt).toBeLessThan(body.indexOf(report.plan[0]?.title ?? report.findings[0]?.title ?? ''));
    // The plan's checklist items appear in the report's order.
    const text = document.body.innerHTML;
    const positions = report.plan.map((s) => posOf(text, s.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Every finding has an anchor, and every link to a finding resolves.
    for (const f of report.findings) expect(document.getElementById(`finding-${f.id}`), f.id).not.toBeNull();
    for (const a of document.querySelectorAll('a[href^="#"]')) {
      const id = a.getAttribute('href')!.slice(1);
      expect(document.getElementById(id), `link #${id}`).not.toBeNull();
    }
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(text).not.toMatch(/\ssrc=/);
    for (const a of document.querySelectorAll('a[href]'))
      expect(a.getAttribute('href')).toMatch(/^(#|docs\/rules\/MFA-[A-Z]+-\d{3}\.md$|https:\/\/learn\.microsoft\.com\/)/);
    // Every finding links to its rule page, which exists in the repository.
    for (const f of report.findings) {
      const link = document.getElementById(`finding-${f.id}`)!.querySelector('a[href^="docs/rules/"]');
      expect(link, f.ruleId).not.toBeNull();
      expect(existsSync(join(ROOT, link!.getAttribute('href'))), link!.getAttribute('href')).toBe(true);
    }
  });

  it('Markdown: the same verdict, every plan step as a checklist item in order', () => {
    const md = renderMarkdown(report);
    const items = md.split('\n').filter((l) => /^\s*- \[ \]/.test(l));
    expect(items.length).toBe(report.plan.length);
    const positions = report.plan.map((s) => posOf(md, s.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const f of report.findings) expect(md).toContain(f.ruleId);
    // Reads as plain text: no inline HTML anchors or line breaks (the demo host's escapes are counted below).
    const escapes = md.match(/\\[!-/:-@[-`{-~]/g) ?? [];
    expect(countMdEscapes(md)).toBe(escapes.length);
    expect(md).not.toMatch(/<a |<br>/);
  });

  it('JUnit: one testcase per rule that ran, failing exactly where the gate fails', () => {
    const xml = renderJunit(
      report,
      ran.map((r) => ({ id: r.id, title: r.title, component: r.component })),
    );
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testcase' || n === 'testsuite' }).parse(xml);
    const cases = doc.testsuites?.testsuite?.[0]?.testcase ?? doc.testsuite?.[0]?.testcase;
    const ids = new Set(cases.map((c: Record<string, string>) => c['@_name'].split(' ')[0]));
    for (const r of ran) expect(ids).toContain(r.id);
    const failed = cases
      .filter((c: Record<string, unknown>) => c.failure !== undefined)
      .map((c: Record<string, string>) => c['@_name'].split(' ')[0]);
    const failing = [...new Set(report.findings.filter((f) => !f.waiver && f.severity === 'critical').map((f) => f.ruleId))];
    expect(failed.sort()).toEqual(failing.sort());
  });

  it('gate on the saved JSON gives the same pass/fail as the scan, at every threshold', async () => {
    const saved = JSON.parse(renderJson(report)) as Report;
    for (const failOn of ['critical', 'high', 'medium', 'low', 'info', 'none'] as const) {
      const { report: again } = await scanTarget(await BundleHost.open(stageHost(name)), {
        targetVersion: '8.1',
        stage: report.scan.stage,
        failOn,
        now: NOW,
      });
      const g = await gateReport(saved, { failOn });
      expect(g.gate, failOn).toBe(again.verdict.gate);
    }
  });
});

describe('the demo report (pf-agent-5x-all-in-one) in Markdown', () => {
  it('has a handful of escapes, each one needed (it had 110 with escape-everything)', async () => {
    const target = await BundleHost.open(stageHost('pf-agent-5x-all-in-one'));
    const { report } = await scanTarget(target, { targetVersion: '8.1', stage: 'pre', failOn: 'critical', now: NOW });
    const md = renderMarkdown(report);
    const escapes = md.match(/\\[!-/:-@[-`{-~]/g) ?? [];
    // 10 x `Uninstall\\{GUID}` (a backslash before { would escape it) and 2 x `https\://` (GFM autolink literal).
    expect(escapes.sort()).toEqual([...Array(2).fill('\\:'), ...Array(10).fill('\\\\')]);
    expect(md).toContain('Uninstall\\\\{48D3A959-0225-7D28-BD3A-64F193D6CCF5}');
    expect(md).toContain('Install the Visual C++ 2015-2022 runtime (x64)');
    expect(md).toContain('App_Themes');
  });
});
