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
    expect(Object.fromEntries(heads.map((h, i) => [h, cells[i]]))).toEqual({
      Critical: '2',
      High: '2',
      Medium: '3',
      Low: '2',
      Info: '1',
      Waived: '1',
    });
  });

  it('lists the plan as a checklist grouped by phase, steps in order', () => {
    expect(text('#plan .phase h3')).toEqual(['Before the window', 'In the window', 'After the upgrade']);
    const phases = [...document.querySelectorAll('#plan .phase')].map((p) =>
      [...p.querySelectorAll('.step')].map((s) => s.getAttribute('data-step')),
    );
    expect(phases).toEqual([
      ['prepare:server', 'backup:data', 'backup:user-portal:web.config', 'backup:mobile-app:web.config', 'install:prerequisites:dotnet'],
      [
        'uninstall:user-portal',
        'uninstall:mobile-app',
        'uninstall:web-service-sdk',
        'uninstall:agent',
        'install:server',
        'install:web-service-sdk',
        'install:user-portal',
      ],
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
    expect(cards.map((c) => c.querySelector('.sev')!.textContent)).toEqual([
      'Critical',
      'Critical',
      'High',
      'High',
      'High',
      'Medium',
      'Medium',
      'Medium',
      'Low',
      'Low',
      'Info',
    ]);
    const unknown = cards.find((c) => c.querySelector('.rule')!.textContent === 'MFA-PRQ-001')!;
    expect(unknown.textContent).toContain('outcome: could not be determined');
    const waived = cards.find((c) => c.querySelector('.rule')!.textContent === 'MFA-LIFE-001')!;
    expect(waived.classList.contains('waived')).toBe(true);
    expect(waived.querySelector('.waiver')!.textContent).toContain(
      'Upgrade is the first step of the cloud migration, CHG0012345 (until 31 Jan 2027)',
    );
    const bkp = cards.find((c) => c.querySelector('.rule')!.textContent === 'MFA-BKP-010')!;
    expect([...bkp.querySelectorAll('.evidence tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual(
      [
        ['file', 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config', `mtime 2025-03-02T10:11:12Z ${HOSTILE.pipes}`],
        ['file', 'D:\\Backups\\PhoneFactor\\web.config.bak', `mtime 2024-01-05T08:00:00Z ${HOSTILE.bold}`],
      ],
    );
    // The procedure is Microsoft Learn's page and step, never a file of ours.
    const proc = bkp.querySelector('.seed')!;
    expect(proc.textContent).toMatch(
      /^Procedure: Upgrade to the latest Microsoft Entra Multifactor Authentication Server, “The User Portal \(after all MFA Servers\)”, step inplace-portal-1: Save the portal's web\.config/,
    );
    expect(proc.querySelector('a')!.getAttribute('href')).toBe(
      'https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfaserver-deploy-upgrade#upgrade-the-user-portal',
    );
    expect(html).not.toMatch(/upgrade-phonefactor-agent-2024\.md|upgrade-mfa-server-2024\.md/);
    // Its rule page, and how to fix: the plan steps it calls for with their text.
    expect(bkp.querySelector('.facts a')!.getAttribute('href')).toBe('docs/rules/MFA-BKP-010.md');
    expect([...bkp.querySelectorAll('.fix li')].map((li) => li.textContent)).toEqual(["Step 3, Back up the User Portal's web.config"]);
    expect(bkp.querySelector('.fix a')!.getAttribute('href')).toBe('#step-backup:user-portal:web.config');
  });

  it('says "noted" for an info finding, "failed" for others, and marks an incomplete scan in the verdict', () => {
    const cards = [...document.querySelectorAll('#findings .finding')];
    const info = cards.find((c) => c.querySelector('.sev')!.textContent === 'Info')!;
    expect(info.querySelector('.facts')!.textContent).toContain('outcome: noted');
    expect(info.textContent).not.toContain('outcome: failed');
    // The sample has one unwaived unknown finding: said in the verdict box, before the gate line.
    const verdict = document.querySelector('#verdict')!;
    expect(verdict.querySelector('.incomplete')!.textContent).toBe(
      'Warning: Incomplete scan: 1 check could not be determined; 1 piece of evidence could not be read. The verdict covers only what was read: resolve these before trusting it.',
    );
    const complete = sampleReport();
    complete.findings = complete.findings.filter((f) => f.outcome !== 'unknown');
    complete.problems = [];
    expect(parseHTML(renderHtml(complete)).document.querySelector('#verdict .incomplete')).toBeNull();
  });

  it('shows hostile values as text: no script element, no handlebars evaluation, visible ANSI', () => {
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(html).not.toMatch(/<script/i);
    expect(document.body.textContent).toContain(HOSTILE.script);
    expect(document.body.textContent).toContain('{{handlebars}}');
    expect(document.body.textContent).toContain('\\x1B[31mred\\x1B[0m');
    expect(html).not.toContain('\u001b');
  });

  it('is self-contained: no remote resource; links go to anchors, rule pages or Microsoft Learn', () => {
    expect(html).not.toMatch(/\bsrc\s*=/i);
    for (const m of html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi))
      expect(m[1], m[0]).toMatch(/^(#|docs\/rules\/MFA-[A-Z]+-\d{3}\.md$|https:\/\/learn\.microsoft\.com\/)/);
    expect(html).not.toMatch(/url\(\s*['"]?(?!#)/i);
    expect(html).not.toMatch(/@import/i);
    expect(document.querySelectorAll('link, img, iframe, object, embed')).toHaveLength(0);
  });

  it('prints cleanly', () => {
    const css = document.querySelector('style')!.textContent!;
    expect(css).toContain('@media print');
    expect(css).toMatch(/page-break-inside:\s*avoid/);
    expect(css).toMatch(/thead\s*\{\s*display:\s*table-header-group/);
    // Every printed page names the host and carries its number (CSS page margin boxes).
    expect(css).toMatch(/@top-left \{ content: "MFA Server upgrade readiness: MFA01";/);
    expect(css).toContain('content: "Page " counter(page) " of " counter(pages)');
  });

  it('keeps a hostile host name inside the CSS string of the printed header', () => {
    const r = sampleReport();
    r.host.name = 'x"; } body { display: none } </style><script>alert(1)</script>';
    const out = renderHtml(r);
    const css = parseHTML(out).document.querySelector('style')!.textContent!;
    const top = /@top-left \{ content: "([^"]*)";/.exec(css)!;
    expect(top[1]).toMatch(/^MFA Server upgrade readiness: x\\22 \\3b /);
    expect(css).not.toContain('display: none');
    expect(out).not.toMatch(/<script/);
  });

  it('shows the inventory and scan facts', () => {
    expect(text('#inventory table:first-of-type tbody tr td:first-child').map((t) => t.split(' ')[0])).toEqual([
      'PhoneFactor',
      'User',
      'Mobile',
      'Web',
    ]);
    expect(document.querySelector('#inventory')!.textContent).toContain('%SystemDrive%\\inetpub\\wwwroot\\PhoneFactorWebServiceSdk');
    const facts = document.querySelector('#scan')!.textContent!;
    for (const s of [
      'mfa-readiness 0.1.0',
      '2026.11',
      '21 Nov 2026 09:00 UTC',
      '/srv/bundles/MFA01',
      'sha256:3f3f',
      'MFA-VDIR-003',
      'unused',
      'applied',
    ])
      expect(facts).toContain(s);
    expect(document.querySelector('.masthead .sub')!.textContent).toContain('scanned 21 Nov 2026 09:00 UTC');
    // Install dates as people read them; the JSON keeps 20140312.
    expect(document.querySelector('#inventory')!.textContent).toContain('installed 12 Mar 2014');
  });

  it("does not call the PhoneFactor Agent's virtual directory unknown (it has no web part); a web part's is", () => {
    const r = sampleReport();
    for (const c of r.inventory.components) {
      if (c.component !== 'agent' && c.component !== 'user-portal') continue;
      c.virtualDirectory = null;
      c.virtualDirectoryKnown = false;
    }
    const d = parseHTML(renderHtml(r)).document;
    const row = (name: string) =>
      [...d.querySelectorAll('#inventory table:first-of-type tbody tr')].find((tr) =>
        tr.querySelector('td')!.textContent!.startsWith(name),
      )!;
    expect(row('PhoneFactor Agent').querySelectorAll('td')[3]!.textContent).toBe('—');
    expect(row('User Portal').querySelectorAll('td')[3]!.textContent).toBe('unknown (IIS configuration not read)');
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
    await writeFile(
      join(dir, 'partials', 'verdict.hbs'),
      '<section id="verdict"><p class="custom">CAB view: {{verdict.statusLabel}} / {{hostName}}</p></section>',
    );
    const out = renderHtml(sampleReport(), { templateDir: dir });
    const d = parseHTML(out).document;
    expect(d.querySelector('.custom')!.textContent).toBe('CAB view: Not ready / MFA01');
    expect(d.querySelectorAll('#plan .step')).toHaveLength(15); // our plan partial
    await writeFile(
      join(dir, 'report.html.hbs'),
      '<html><body><h1>{{title}}</h1>{{> verdict}}<p>{{findings.0.evidence.0.observed}}</p></body></html>',
    );
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
