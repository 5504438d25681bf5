import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { HOSTILE, sampleReport } from './sample.js';

const html = renderHtml(sampleReport());
const { document } = parseHTML(html);
const text = (sel: string) => [...document.querySelectorAll(sel)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('HTML report', () => {
  it('opens with the verdict and its counts by severity', () => {
    const sections = [...document.querySelectorAll('main > section')].map((s) => s.id);
    expect(sections).toEqual(['verdict', 'plan', 'findings', 'inventory', 'scan']);
    expect(text('#verdict .status')).toEqual(['Not ready']);
    expect(text('#verdict .gate')).toEqual(['GATE FAIL']);
    const heads = text('#verdict .counts th');
    const cells = text('#verdict .counts td');
    expect(Object.fromEntries(heads.map((h, i) => [h, cells[i]]))).toEqual({ Critical: '2', High: '2', Medium: '3', Low: '2', Info: '1', Waived: '1' });
  });

  it('lists the plan as a checklist grouped by phase, steps in order', () => {
    expect(text('#plan .phase h3')).toEqual(['Before the window', 'In the window', 'After the upgrade']);
    const phases = [...document.querySelectorAll('#plan .phase')].map((p) => [...p.querySelectorAll('.step')].map((s) => s.getAttribute('data-step')));
    expect(phases).toEqual([
      ['prepare:server', 'backup:data', 'backup:user-portal:web.config', 'backup:mobile-app:web.config', 'install:prerequisites:dotnet'],
      ['uninstall:user-portal', 'uninstall:mobile-app', 'uninstall:web-service-sdk', 'uninstall:agent', 'install:server', 'install:web-service-sdk', 'install:user-portal'],
      ['configure:user-portal', 'verify:server', 'notify:user-portal'],
    ]);
    expect(text('#plan .step .no')).toEqual(Array.from({ length: 15 }, (_, i) => `${i + 1}.`));
    expect(document.querySelectorAll('#plan .step .box')).toHaveLength(15);
  });

  it('orders the plan by `order` even when handed out of order', () => {
    const r = sampleReport();
    r.plan.reverse();
    const d = parseHTML(renderHtml(r)).document;
    expect([...d.querySelectorAll('.step .no')].map((e) => e.textContent)).toEqual(Array.from({ length: 15 }, (_, i) => `${i + 1}.`));
  });

  it("links each step's rule IDs to a finding anchor that exists, and findings back to steps", () => {
    const links = [...document.querySelectorAll('a[href^="#"]')];
    expect(links.length).toBeGreaterThan(20);
    for (const a of links) {
      const id = a.getAttribute('href')!.slice(1);
      expect(document.getElementById(id), `anchor ${id}`).not.toBeNull();
    }
    const why = [...document.querySelectorAll('[data-step="backup:data"] a')][0]!;
    expect(why.textContent).toBe('MFA-BKP-001');
    const target = document.getElementById(why.getAttribute('href')!.slice(1))!;
    expect(target.querySelector('.rule')!.textContent).toBe('MFA-BKP-001');
  });

  it('shows findings with severity, outcome, evidence, seed and waiver', () => {
    const cards = [...document.querySelectorAll('#findings .finding')];
    expect(cards).toHaveLength(11);
    expect(cards.map((c) => c.querySelector('.sev')!.textContent)).toEqual(['Critical', 'Critical', 'High', 'High', 'High', 'Medium', 'Medium', 'Medium', 'Low', 'Low', 'Info']);
    const unknown = cards.find((c) => c.querySelector('.rule')!.textContent === 'MFA-PRQ-001')!;
    expect(unknown.textContent).toContain('outcome: could not be determined');
    const waived = cards.find((c) => c.querySelector('.rule')!.textContent === 'MFA-LIFE-001')!;
    expect(waived.classList.contains('waived')).toBe(true);
    expect(waived.querySelector('.waiver')!.textContent).toContain('Upgrade is the first step of the cloud migration, CHG0012345 (until 2027-01-31)');
    const bkp = cards.find((c) => c.querySelector('.rule')!.textContent === 'MFA-BKP-010')!;
    expect([...bkp.querySelectorAll('.evidence tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['file', 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config', `mtime 2025-03-02T10:11:12Z ${HOSTILE.pipes}`],
      ['file', 'D:\\Backups\\PhoneFactor\\web.config.bak', `mtime 2024-01-05T08:00:00Z ${HOSTILE.bold}`],
    ]);
    expect(bkp.querySelector('.seed')!.textContent).toContain('upgrade-phonefactor-agent-2024.md');
  });

  it('shows hostile values as text: no script element, no handlebars evaluation, visible ANSI', () => {
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(html).not.toMatch(/<script/i);
    expect(document.body.textContent).toContain(HOSTILE.script);
    expect(document.body.textContent).toContain('{{handlebars}}');
    expect(document.body.textContent).toContain('\\x1B[31mred\\x1B[0m');
    expect(html).not.toContain('\u001b');
  });

  it('is self-contained: no external URL, no remote resource', () => {
    for (const m of html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)) expect(m[1]!.startsWith('#'), m[0]).toBe(true);
    expect(html).not.toMatch(/url\(\s*['"]?(?!#)/i);
    expect(html).not.toMatch(/@import/i);
    expect(document.querySelectorAll('link, img, iframe, object, embed')).toHaveLength(0);
  });

  it('prints cleanly', () => {
    const css = document.querySelector('style')!.textContent!;
    expect(css).toContain('@media print');
    expect(css).toMatch(/page-break-inside:\s*avoid/);
    expect(css).toMatch(/thead\s*\{\s*display:\s*table-header-group/);
  });

  it('shows the inventory and scan facts', () => {
    expect(text('#inventory table:first-of-type tbody tr td:first-child').map((t) => t.split(' ')[0])).toEqual(['PhoneFactor', 'User', 'Mobile', 'Web']);
    expect(document.querySelector('#inventory')!.textContent).toContain('%SystemDrive%\\inetpub\\wwwroot\\PhoneFactorWebServiceSdk');
    const facts = document.querySelector('#scan')!.textContent!;
    for (const s of ['mfa-readiness 0.1.0', '2026.11', '2026-11-21T09:00:00Z', '/srv/bundles/MFA01', 'sha256:3f3f', 'MFA-VDIR-003', 'unused', 'applied']) expect(facts).toContain(s);
  });

  it('is deterministic', () => {
    expect(renderHtml(sampleReport())).toBe(html);
  });
});

describe('--template DIR', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('uses the user template and partials, falling back to ours for missing files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mfa-tpl-'));
    await mkdir(join(dir, 'partials'));
    await writeFile(join(dir, 'partials', 'verdict.hbs'), '<section id="verdict"><p class="custom">CAB view: {{verdict.statusLabel}} / {{hostName}}</p></section>');
    const out = renderHtml(sampleReport(), { templateDir: dir });
    const d = parseHTML(out).document;
    expect(d.querySelector('.custom')!.textContent).toBe('CAB view: Not ready / MFA01');
    expect(d.querySelectorAll('#plan .step')).toHaveLength(15); // our plan partial
    await writeFile(join(dir, 'report.html.hbs'), '<html><body><h1>{{title}}</h1>{{> verdict}}<p>{{findings.0.evidence.0.observed}}</p></body></html>');
    const own = parseHTML(renderHtml(sampleReport(), { templateDir: dir })).document;
    expect(own.querySelector('h1')!.textContent).toBe('MFA Server upgrade readiness: MFA01');
    expect(own.querySelectorAll('script')).toHaveLength(0);
    expect(own.querySelector('body > p')!.textContent).toContain('<script>alert(1)</script>');
  });

  it('names the template when it refers to something that does not exist', async () => {
    const d2 = await mkdtemp(join(tmpdir(), 'mfa-tpl-'));
    await writeFile(join(d2, 'report.html.hbs'), '<p>{{verdict.nosuchthing}}</p>');
    expect(() => renderHtml(sampleReport(), { templateDir: d2 })).toThrow(/report\.html\.hbs: .*nosuchthing/);
    await rm(d2, { recursive: true, force: true });
  });
});
