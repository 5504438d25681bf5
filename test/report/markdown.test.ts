import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mdEscape } from '../../src/report/text.js';
import { sampleReport } from './sample.js';

const md = renderMarkdown(sampleReport());
const lines = md.split('\n');
/** Cells of a GFM table row: split on pipes not preceded by a backslash. */
const cells = (row: string) => row.replace(/^\||\|$/g, '').split(/(?<!\\)\|/);

describe('Markdown report', () => {
  it('has the same sections in the same order as the HTML', () => {
    const h2 = lines.filter((l) => l.startsWith('## '));
    expect(h2).toEqual(['## Verdict: Not ready', '## Upgrade plan', '## Findings', '## Inventory', '## Scan facts']);
    expect(lines[0]).toBe('# MFA Server upgrade readiness: MFA01');
  });

  it('writes the plan as a checklist grouped by phase, in order', () => {
    const plan = md.slice(md.indexOf('## Upgrade plan'), md.indexOf('## Findings'));
    expect(plan.match(/^### .*/gm)).toEqual(['### Before the window', '### In the window', '### After the upgrade']);
    const items = plan.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(items).toHaveLength(15);
    expect(items.map((l) => /\*\*(\d+)\. /.exec(l)![1])).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
    // Plain text in a ticket: no inline HTML anchors, no in-page links; rules and steps named as text.
    expect(md).not.toMatch(/<a id=|\]\(#/);
    expect(items[1]).toBe('- [ ] **2. Back up the data file**  ');
    expect(plan).toContain('  backup · Data file · why: MFA-BKP-001 · backup:data');
  });

  it('escapes values from the target', () => {
    expect(md).toContain('size 18874368, no copy found \\<script>alert(1)\\</script>');
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).toContain('\\| pipes \\|');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).toContain('WEB_SERVICE_SDK_AUTHENTICATION_USERNAME=');
    expect(md).toContain('\\{\\{handlebars\\}\\}');
    expect(md).toContain('\\x1B\\[31mred\\x1B\\[0m');
    expect(md).not.toContain('\u001b');
    // Windows paths stay readable: a backslash before a letter is literal in Markdown
    expect(md).toContain('C:\\inetpub\\wwwroot\\PhoneFactor\\web.config');
  });

  it('keeps every table row to its header column count despite pipes in values', () => {
    let width = 0;
    for (const l of lines) {
      if (!l.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(l).length;
      else expect(cells(l), l).toHaveLength(width);
    }
  });

  it('marks waived and unknown findings', () => {
    expect(md).toContain('> **Waived:** Upgrade is the first step of the cloud migration, CHG0012345 (until 31 Jan 2027).');
    expect(md).toMatch(
      /### Critical: MFA-PRQ-001 \.NET Framework 4\.5 or newer is missing\n\nPrerequisites · outcome: \*\*could not be determined\*\*/,
    );
    expect(md).toMatch(/### Info: MFA-INV-001 .*\n\nHost · outcome: \*\*noted\*\*/);
  });

  it('says an incomplete scan in the verdict, before the gate line', () => {
    const verdict = md.slice(md.indexOf('## Verdict'), md.indexOf('**Gate:'));
    expect(verdict).toContain(
      '> **Warning: Incomplete scan: 1 check could not be determined; 1 piece of evidence could not be read. The verdict covers only what was read: resolve these before trusting it.**',
    );
    const complete = sampleReport();
    complete.findings = complete.findings.filter((f) => f.outcome !== 'unknown');
    complete.problems = [];
    expect(renderMarkdown(complete)).not.toContain('Incomplete scan');
  });

  it('gives each finding its rule page, how to fix (plan steps with their text) and the Microsoft Learn procedure', () => {
    const f = md.slice(md.indexOf('### High: MFA-BKP-010'), md.indexOf('### ', md.indexOf('### High: MFA-BKP-010') + 4));
    expect(f).toContain('· rule page: [MFA-BKP-010](docs/rules/MFA-BKP-010.md)');
    expect(f).toContain("How to fix:\n\n- Step 3, Back up the User Portal's web.config\n");
    expect(f).toContain(
      'Procedure: [Upgrade to the latest Microsoft Entra Multifactor Authentication Server](https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfaserver-deploy-upgrade#upgrade-the-user-portal), “The User Portal (after all MFA Servers)”, step inplace-portal-1: ',
    );
    expect(md).not.toMatch(/upgrade-(phonefactor-agent|mfa-server)-20\d\d\.md/);
  });

  it('writes times and install dates as people read them', () => {
    expect(lines[2]).toBe('Target release 8.1 · scanned 21 Nov 2026 09:00 UTC · mfa-readiness 0.1.0');
    expect(md).toContain('| Scanned at | 21 Nov 2026 09:00 UTC |');
    expect(md).toMatch(/\| PhoneFactor Agent \(PhoneFactor Agent\) \| 5\.1\.12\.0, installed 12 Mar 2014 \|/);
  });

  it('is deterministic and ends with one newline', () => {
    expect(renderMarkdown(sampleReport())).toBe(md);
    expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  });

  it('uses a user report.md.hbs from --template DIR, still escaping values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-tpl-md-'));
    await writeFile(
      join(dir, 'report.md.hbs'),
      'Change ticket for {{hostName}}: {{verdict.statusLabel}}\n{{#each findings}}* {{ruleId}} {{evidence.0.observed}}\n{{/each}}',
    );
    const out = renderMarkdown(sampleReport(), { templateDir: dir });
    expect(out.split('\n')[0]).toBe('Change ticket for MFA01: Not ready');
    expect(out).toContain('* MFA-BKP-001 size 18874368, no copy found \\<script>');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('mdEscape', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['*x* _y_ `z`', '\\*x\\* \\_y\\_ \\`z\\`'],
    ['[link](http://x)', '\\[link\\](http\\://x)'],
    ['![img](x)', '!\\[img\\](x)'],
    ['<b>&amp;', '\\<b>\\&amp;'],
    ['a < b && c > d', 'a < b && c > d'],
    ['&#x26; &#38;', '\\&#x26; \\&#38;'],
    ['# heading', '\\# heading'],
    ['title #', 'title \\#'],
    ['C# and F#', 'C# and F#'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['* item', '\\* item'],
    ['> quote', '\\> quote'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['8.1', '8.1'],
    ['Visual C++ 2015 (x64)', 'Visual C++ 2015 (x64)'],
    ['a * b', 'a * b'],
    ['App_Themes and MFA_SERVER', 'App_Themes and MFA_SERVER'],
    ['_private_', '\\_private\\_'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['https://evil.example/x', 'https\\://evil.example/x'],
    ['see www.evil.example', 'see www\\.evil.example'],
    ['admin@contoso.com', 'admin\\@contoso.com'],
    ['Uninstall\\{48D3}', 'Uninstall\\\\{48D3}'],
    ['{{constructor}} {x}', '\\{\\{constructor\\}\\} {x}'],
    ['$a$ and $5', '\\$a\\$ and \\$5'],
    ['costs $5', 'costs $5'],
    ['C:\\Program Files\\x', 'C:\\Program Files\\x'],
    ['ends in \\', 'ends in \\\\'],
    ['a\\*b', 'a\\\\\\*b'],
    ['two\nlines', 'two lines'],
  ])('%j -> %j', (input, out) => {
    expect(mdEscape(input)).toBe(out);
  });
});
