import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needs, tool } from '../helpers/tools.js';
import { NOW, cli, tmp } from './helpers.js';
import { IMG, SCRIPT, hostileHost } from './hostile-values-host.js';

/**
 * The HTML report of a host full of hostile values (hostile-values-host.ts), opened in headless Chromium,
 * runs no script from the target (system test layer: needs chromium, which scripts/setup-test-tools.sh
 * installs). hostile-values.test.ts checks the same report's text and markup without a browser.
 */

describe.skipIf(!needs('the headless Chromium check of the HTML report', 'chromium'))('hostile values in headless Chromium', () => {
  let out: string;
  beforeAll(() => {
    out = tmp('hostile-chromium-out');
    const run = cli(['scan', hostileHost(), '--format', 'html', '--out', out, '--now', NOW]);
    expect([0, 1], `scan exit ${run.code}: ${run.stderr.slice(0, 2000)}`).toContain(run.code);
  });

  function dumpDom(file: string): string {
    const r = spawnSync(
      tool('chromium').path!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${tmp('chromium')}`,
        '--dump-dom',
        `file://${file}`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  }

  it('runs no script from the target (and the same probe does catch a script that runs)', () => {
    // Control: the same marker, unescaped, does run, and --dump-dom shows it.
    const control = path.join(tmp('control'), 'control.html');
    writeFileSync(control, `<!doctype html><html><head><title>clean</title></head><body>${IMG}${SCRIPT}</body></html>`);
    const c = dumpDom(control);
    expect(c).toMatch(/<title>PWNED<\/title>/);
    expect(c).toContain('<pwned-marker>');

    const html = readdirSync(out).find((f) => f.endsWith('.html'));
    expect(html, `no HTML report in ${out}`).toBeDefined();
    const reportFile = path.join(out, html!);
    const dom = dumpDom(reportFile);
    expect(dom).toMatch(/<title>[^<]*MFA Server upgrade readiness/);
    expect(dom).not.toMatch(/<title>PWNED/);
    expect(dom).not.toContain('<pwned-marker');
    expect(dom).toContain('&lt;img src=x onerror=');
  });
});
