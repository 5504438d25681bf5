/**
 * The Windows package as an admin gets it: `npm run pack:win`'s zip, unpacked into an empty folder as
 * `Expand-Archive ZIP -DestinationPath C:\Temp\mfa-readiness` does, run with its own node.exe under Wine.
 * System layer: needs Wine, the Windows node.exe (scripts/setup-test-tools.sh) and `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runWine, wineReady, winePath } from './helpers.js';
// @ts-expect-error plain JavaScript helper shared with scripts/pack-win.mjs
import { NODE_WIN_VERSION } from '../../scripts/wine/node-win.mjs';

const wine = await wineReady('Windows package tests');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const ZIP = path.join(ROOT, 'pack', `mfa-readiness-${pkg.version}-win-x64.zip`);

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

describe.skipIf(!wine.ok)('the Windows package (npm run pack:win)', () => {
  let dir = '';
  let files: string[] = [];
  beforeAll(() => {
    expect(existsSync(path.join(ROOT, 'dist', 'commands', 'scan.js')), 'run "npm run build" first').toBe(true);
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'pack-win.mjs')], { cwd: ROOT, stdio: 'pipe' });
    dir = mkdtempSync(path.join(os.tmpdir(), 'mfa-pack-'));
    execFileSync('unzip', ['-q', ZIP, '-d', dir]);
    files = walk(dir);
  }, 600_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('unpacks with mfa-readiness.cmd at the top (no extra folder level) and ships the licences', () => {
    expect(files).toContain('mfa-readiness.cmd');
    expect(files).toContain('node/node.exe');
    for (const f of ['LICENSE', 'NODE-LICENSE.txt', 'THIRD-PARTY-NOTICES.txt']) expect(files, f).toContain(f);
    expect(readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
    const node = readFileSync(path.join(dir, 'NODE-LICENSE.txt'), 'utf8');
    expect(node).toContain(`Node.js ${NODE_WIN_VERSION}`);
    expect(node).toMatch(/Copyright Node\.js contributors/);
    // Every production package that ships is named in the notices, with its version.
    const notices = readFileSync(path.join(dir, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of Object.keys(pkg.dependencies)) {
      const v = JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version as string;
      expect(notices, name).toContain(`${name}@${v}`);
    }
  });

  it('leaves out source maps, type declarations and build-only packages', () => {
    expect(files.filter((f) => /\.(map|d\.ts|d\.mts|d\.cts)$/.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith('node_modules/uglify-js/'))).toBe(false);
    expect(files).not.toContain('bin/dev.js');
  });

  it('runs on the Node LTS it ships, under Wine: --version and a bundle scan', async () => {
    const v = await runWine(['cmd', '/c', winePath(path.join(dir, 'mfa-readiness.cmd')), '--version'], { cwd: dir });
    expect(v.code, v.stderr.toString()).toBe(0);
    expect(v.stdout.toString()).toContain(`node-v${NODE_WIN_VERSION}`);
    const fixture = winePath(path.join(ROOT, 'fixtures', 'hosts', 'ready-8x'));
    const s = await runWine(
      ['cmd', '/c', winePath(path.join(dir, 'mfa-readiness.cmd')), 'scan', fixture, '--json', '--now', '2026-11-21T09:00:00Z'],
      { cwd: dir },
    );
    const report = JSON.parse(s.stdout.toString());
    expect(report.host.name).toBeTruthy();
    expect(report.schemaVersion).toBe(1);
    expect([0, 1]).toContain(s.code);
  });
});
