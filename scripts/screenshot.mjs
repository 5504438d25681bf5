#!/usr/bin/env node
// Renders an HTML report to a PNG with headless Chromium, to check how it looks.
// Usage: node scripts/screenshot.mjs REPORT.html [OUT.png] [--width 1280] [--height 2000]
// Needs /usr/bin/chromium (Debian: apt-get install chromium) or CHROMIUM=/path/to/chrome.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { width: { type: 'string', default: '1280' }, height: { type: 'string', default: '2000' } },
});
const [input, output = 'docs/report-screenshot.png'] = positionals;
if (!input) {
  console.error('usage: node scripts/screenshot.mjs REPORT.html [OUT.png] [--width N] [--height N]');
  process.exit(2);
}
const html = resolve(input);
if (!existsSync(html)) {
  console.error(`${input}: no such file`);
  process.exit(2);
}
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`${chromium}: Chromium not found (apt-get install chromium, or set CHROMIUM)`);
  process.exit(2);
}
const png = resolve(output);
mkdirSync(dirname(png), { recursive: true });
// A throw-away profile: nothing of the user's browser is read or changed.
const profile = mkdtempSync(join(tmpdir(), 'mfa-readiness-shot-'));
try {
  const r = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      `--screenshot=${png}`,
      `--window-size=${values.width},${values.height}`,
      pathToFileURL(html).href,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0 || !existsSync(png)) {
    console.error(`chromium failed (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
    process.exit(1);
  }
  console.log(png);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
