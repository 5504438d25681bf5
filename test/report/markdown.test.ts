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
    // rule links resolve to finding anchors
    for (const m of md.matchAll(/\]\(#([^)]+)\)/g)) expect(md).toContain(`<a id="${m[1]}"></a>`);
  });

  it('escapes values from the target', () => {
    expect(md).toContain('size 18874368, no copy found \\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\| pipes \\|');
    expect(md).toContain('\\*\\*bold\\*\\*');
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
    expect(md).toContain('> **Waived:** Upgrade is the first step of the cloud migration, CHG0012345 (until 2027-01-31).');
    expect(md).toMatch(/### <a id="finding-0f9e8d7c6b5a"><\/a>Critical: MFA-PRQ-001 \.NET Framework 4\.5 or newer is missing\n\nPrerequisites · outcome: \*\*could not be determined\*\*/);
  });

  it('is deterministic and ends with one newline', () => {
    expect(renderMarkdown(sampleReport())).toBe(md);
    expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  });

  it('uses a user report.md.hbs from --template DIR, still escaping values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-tpl-md-'));
    await writeFile(join(dir, 'report.md.hbs'), 'Change ticket for {{hostName}}: {{verdict.statusLabel}}\n{{#each findings}}* {{ruleId}} {{evidence.0.observed}}\n{{/each}}');
    const out = renderMarkdown(sampleReport(), { templateDir: dir });
    expect(out.split('\n')[0]).toBe('Change ticket for MFA01: Not ready');
    expect(out).toContain('* MFA-BKP-001 size 18874368, no copy found \\<script\\>');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('mdEscape', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['*x* _y_ `z`', '\\*x\\* \\_y\\_ \\`z\\`'],
    ['[link](http://x)', '\\[link\\]\\(http://x\\)'],
    ['<b>&amp;', '\\<b\\>\\&amp;'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['8.1', '8.1'],
    ['C:\\Program Files\\x', 'C:\\Program Files\\x'],
    ['ends in \\', 'ends in \\\\'],
    ['a\\*b', 'a\\\\\\*b'],
    ['two\nlines', 'two lines'],
  ])('%j -> %j', (input, out) => {
    expect(mdEscape(input)).toBe(out);
  });
});
