import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, cli, tmp } from './helpers.js';
import { IMG, hostileHost } from './hostile-values-host.js';

/**
 * Hostile values in reports (issue 6, part 5): values from the target that look like HTML, Markdown,
 * handlebars or terminal escape sequences are shown as text in every format, in the stderr summary
 * and in the logs. That the HTML report, opened in headless Chromium, runs no script from the target is
 * checked in hostile-values-chromium.test.ts (system test layer).
 */

// The hostile copy of the richest fixture and its values: hostile-values-host.ts (shared with the
// headless Chromium check, hostile-values-chromium.test.ts, in the system test layer).

const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/;

describe('hostile values are text in every format', () => {
  let dir: string;
  let out: string;
  let run: ReturnType<typeof cli>;
  const files: Record<string, string> = {};
  beforeAll(() => {
    dir = hostileHost();
    out = tmp('hostile-out');
    run = cli(['scan', dir, '--format', 'json,html,md,junit', '--out', out, '--log-level', 'debug', '--now', NOW]);
    for (const f of readdirSync(out))
      files[f.endsWith('.junit.xml') ? 'junit' : path.extname(f).slice(1)] = readFileSync(path.join(out, f), 'utf8');
  });

  it('the scan runs, and the values reach the report (so the checks below check something)', () => {
    expect([0, 1], run.stderr).toContain(run.code);
    expect(Object.keys(files).sort()).toEqual(['html', 'json', 'junit', 'md']);
    const report = JSON.parse(files.json);
    expect(report.host.name).toContain('<img src=x onerror=');
    expect(files.json).toContain('{{constructor}}');
    expect(files.json).toContain('\\u001b[31m');
  });

  it('HTML: no element, attribute or handler from the target; the values are visible text', () => {
    const { document } = parseHTML(files.html);
    expect(document.querySelectorAll('script, img, svg, pwned-marker, iframe, object, embed')).toHaveLength(0);
    expect([...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => /^on/i.test(n))).toEqual(
      [],
    );
    const text = document.body.textContent!;
    expect(text).toContain(IMG);
    expect(text).toContain('{{constructor}}');
    expect(text).toContain('\\x1B[31mRED');
    expect(text).toContain('\\x07');
    expect(text).toContain('\\x9B');
    expect(files.html).not.toMatch(RAW_CONTROLS);
    // Markdown is not interpreted in HTML: no javascript: link.
    expect(document.querySelectorAll('a[href^="javascript"]')).toHaveLength(0);
  });

  it('Markdown: HTML, link and emphasis syntax escaped; handlebars not evaluated; controls visible', () => {
    const md = files.md;
    expect(md).not.toMatch(/(?<!\\)<(img|script|svg|b>)/i);
    expect(md).not.toMatch(/(?<!\\)\[click(?<!\\)\]\(javascript/);
    expect(md).toContain('\\{\\{constructor\\}\\}');
    expect(md).not.toMatch(RAW_CONTROLS);
    expect(md).toContain('\\\\x1B\\[31mRED');
  });

  it('JUnit: well-formed XML, values escaped, no raw control characters', () => {
    const xml = files.junit;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<img|<script/);
    expect(xml).not.toMatch(RAW_CONTROLS);
  });

  it('stderr: the summary line and the debug logs carry no terminal control character', () => {
    expect(run.stderr).toMatch(/not-ready|ready/);
    expect(run.stderr).not.toMatch(RAW_CONTROLS);
    expect(run.stderr).not.toContain('\r');
    // One summary line for the host, not broken by a CR or newline in its name.
    const summary = run.stderr.split('\n').filter((l) => l.startsWith('PF01'));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain('\\x1B[31mRED');
  });

  it('the default report file name is safe', () => {
    const cwd = tmp('hostile-cwd');
    const r = cli(['scan', dir, '--format', 'json', '--now', NOW], { cwd });
    expect([0, 1]).toContain(r.code);
    const names = readdirSync(cwd);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^mfa-readiness-[A-Za-z0-9._-]+-2026-11-21\.json$/);
  });
});
