/**
 * Each test file is in the layer its needs put it in (test/layers.ts): a unit test that ran the CLI would
 * test a stale dist/ without the command layer's rebuild, and one that needs strace, Chromium or Wine would
 * fail instead of skipping where the tool is missing. And no test installs a tool itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { ALL, COMMAND, SYSTEM } from './layers.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const list = (patterns: string[] | string, ignore: string[] = []) => globSync(patterns, { cwd: ROOT, ignore, posix: true }).sort();
const system = list(SYSTEM);
const command = list(COMMAND, SYSTEM);
const unit = list(ALL, [...COMMAND, ...SYSTEM]);
const SELF = 'test/layers.test.ts'; // holds the patterns below as samples
const text = (f: string) => (f === SELF ? '' : readFileSync(path.join(ROOT, f), 'utf8'));

// What running the CLI looks like in a test file: bin/run.js or dist/ named, or a helper that spawns it.
// (A package's own dist/, as in 'ajv/dist/runtime/...', is not the CLI: no name right before the slash.)
const RUNS_CLI = /bin\/run\.js|(?:['"`]|(?<![\w-])\/)dist\/[\w.-]|\bBIN\b|\brunCli\(|\bcli\(|\bscanOk\(|\bbundleScan\(|\bliveScan/;
// What needing an outside tool looks like: the tool helpers, or the tools themselves.
const NEEDS_TOOL =
  /\bneeds\([^)]*'(strace|chromium|wine|node-win)'|\bwineReady\(|\brunWine\(|spawnSync\(\s*'(strace|chromium)'|bench\/run\.mjs/;

describe('test layers', () => {
  it('every test file is in exactly one layer, and each layer has files', () => {
    expect(unit.length).toBeGreaterThan(0);
    expect(command.length).toBeGreaterThan(0);
    expect(system.length).toBeGreaterThan(0);
    expect([...unit, ...command, ...system].sort()).toEqual(list(ALL));
  });

  it('unit test files run neither the CLI nor an outside tool (add them to COMMAND or SYSTEM in test/layers.ts)', () => {
    expect(unit.filter((f) => RUNS_CLI.test(text(f))).map((f) => `${f}: runs the CLI, belongs in COMMAND`)).toEqual([]);
    expect(unit.filter((f) => NEEDS_TOOL.test(text(f))).map((f) => `${f}: needs an outside tool, belongs in SYSTEM`)).toEqual([]);
  });

  it('command test files need no outside tool (add them to SYSTEM in test/layers.ts)', () => {
    expect(command.filter((f) => NEEDS_TOOL.test(text(f))).map((f) => `${f}: needs an outside tool`)).toEqual([]);
  });

  it('the layer rules catch what they are meant to catch', () => {
    expect(RUNS_CLI.test("spawnSync(process.execPath, [path.join(ROOT, 'bin/run.js'), 'scan'])")).toBe(true);
    expect(RUNS_CLI.test("const r = runCli(['rules']);")).toBe(true);
    expect(RUNS_CLI.test("import { scanTarget } from '../../src/scan.js';")).toBe(false);
    expect(RUNS_CLI.test("const FLEET = path.join(ROOT, 'dist/commands/fleet.js');")).toBe(true);
    expect(RUNS_CLI.test("globSync('**/*', { ignore: ['dist/**'] })")).toBe(false);
    expect(NEEDS_TOOL.test("describe.skipIf(!needs('x', 'strace'))")).toBe(true);
    expect(NEEDS_TOOL.test('const wine = await wineReady();')).toBe(true);
    expect(NEEDS_TOOL.test("const HAVE_XZ = needs('x', 'xz');")).toBe(false);
  });

  it('no test file installs a tool or fetches a package itself (scripts/setup-test-tools.sh does)', () => {
    const install = new RegExp(['apt' + '-get', 'npm' + ' pack\\b', '[\'"]npm[\'"],\\s*\\[\\s*[\'"](pack|install|i|ci)[\'"]'].join('|'));
    const helpers = list('test/**/*.{ts,mjs,js}', ['test/data/**']);
    expect(helpers.filter((f) => install.test(text(f)))).toEqual([]);
  });
});
