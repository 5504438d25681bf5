import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { DEFAULT_ENV, expandEnv, normalizeWinPath, splitWinPath, winKey } from '../../src/host/paths.js';
import { scanTarget } from '../../src/scan.js';
import { validateReport } from '../../src/report/schema.js';
import { APPHOST, BASE, NOW, PORTAL, stageHost } from './helpers.js';

/**
 * Property and fuzz tests (issue 6, part 3) for what test/registry and test/xml do not cover: the path
 * resolver, and the whole scan on randomly damaged copies of a fixture's config and registry bytes.
 */

const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '',
    ' ',
    'Program Files',
    'PROGRAM FILES',
    'phonefactor',
    'Data',
    'web.config',
    'App_Themes',
    '%SystemDrive%',
    '%ProgramFiles%',
    '%LOOP%',
    '%A%',
    '%',
    'C:',
    'con',
    'nul',
    'x. ',
    'é',
    '日本',
    '\u0000',
    '\n',
    '\\\\?\\',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const winPath = fc
  .tuple(
    fc.constantFrom('', 'C:', 'c:', 'D:', 'Z:', '\\\\?\\C:', '%SystemDrive%', '%ProgramFiles%'),
    fc.array(segment, { maxLength: 8 }),
    fc.constantFrom('\\', '/'),
  )
  .map(([drive, segs, sep]) => [drive, ...segs].join(sep));

describe('path helpers never throw, and normalise to one canonical form', () => {
  it('normalizeWinPath: drive letter and separators canonical; idempotent; no "." or empty segments', () => {
    fc.assert(
      fc.property(winPath, (p) => {
        const n = normalizeWinPath(p);
        expect(n).toMatch(/^[A-Z]:\\/);
        expect(normalizeWinPath(n)).toBe(n);
        const { segments } = splitWinPath(n);
        expect(segments).not.toContain('');
        expect(segments).not.toContain('.');
        // Case-insensitive keys (ASCII case here: full Unicode upper-casing expands letters such as U+FB00).
        expect(winKey(n)).toBe(winKey(n.replace(/[a-z]/g, (c) => c.toUpperCase())));
      }),
      { numRuns: 1000 },
    );
  });

  it('expandEnv terminates on self- and mutually-referencing variables, and leaves unknown ones as written', () => {
    const env = { ...DEFAULT_ENV, LOOP: '%LOOP%\\x', A: '%B%', B: '%A%', Grow: '%Grow%%Grow%' };
    fc.assert(
      fc.property(winPath, (p) => {
        const out = expandEnv(p, env);
        expect(typeof out).toBe('string');
        // Bounded expansion: 4 rounds at most, so doubling cannot explode.
        expect(out.length).toBeLessThanOrEqual(p.length * 64 + 4096);
      }),
      { numRuns: 500 },
    );
    expect(expandEnv('%NOPE%\\x', env)).toBe('%NOPE%\\x');
  });
});

describe('BundleHost resolution of random paths stays inside the bundle', () => {
  let dir: string;
  let target: BundleHost;
  beforeAll(async () => {
    dir = stageHost(BASE);
    // A few traps: links out, a loop, a file where a folder is expected.
    symlinkSync('/etc', path.join(dir, PORTAL, 'App_Themes', 'Evil'));
    symlinkSync('..', path.join(dir, PORTAL, 'App_Themes', 'Loop'));
    mkdirSync(path.join(dir, 'fs', 'C', 'etc'));
    writeFileSync(path.join(dir, 'fs', 'C', 'etc', 'passwd'), 'inside-the-bundle');
    target = await BundleHost.open(dir);
  });
  afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('stat, list, readFile and sha256 never throw, and never read outside the bundle', async () => {
    await fc.assert(
      fc.asyncProperty(winPath, async (p) => {
        const st = await target.stat(p);
        const ls = await target.list(p);
        const rf = await target.readFile(p, 4096);
        const sh = await target.sha256(p);
        if (st) expect(st.path).toMatch(/^[A-Z]:\\/);
        expect(Array.isArray(ls)).toBe(true);
        // /etc/passwd of this machine is never what a read returns; the bundle's own etc\passwd may be.
        if (rf) expect(rf.data.toString('latin1')).not.toMatch(/^root:/);
        if (sh) expect(sh).toMatch(/^[0-9a-f]{64}$/);
      }),
      { numRuns: 400 },
    );
    for (const p of target.problems) {
      expect(typeof p.location).toBe('string');
      expect(p.message).not.toContain('\n');
    }
  });

  it('".." is refused wherever it stands, even where it would stay inside', async () => {
    expect(await target.stat('C:\\inetpub\\..\\inetpub\\wwwroot')).toBeNull();
    expect(await target.stat('C:\\..\\..\\..\\etc\\passwd')).toBeNull();
    expect(target.problems.some((p) => p.location === 'C:\\..\\..\\..\\etc\\passwd' && /"\.\."/.test(p.message))).toBe(true);
  });
});

describe('end to end: damaged copies of a fixture always give a valid report', () => {
  const files = [`${PORTAL}/web.config`, APPHOST, 'registry/phonefactor.reg', 'registry/uninstall.reg', 'registry/netfx.reg'];
  let dir: string;
  let originals: Map<string, Buffer>;
  beforeAll(() => {
    dir = stageHost(BASE);
    originals = new Map(files.map((f) => [f, readFileSync(path.join(dir, f))]));
  });
  afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  const mutation = fc.record({
    file: fc.nat(files.length - 1),
    cut: fc.option(fc.nat(), { nil: undefined }),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    insert: fc.option(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          '<!DOCTYPE x [<!ENTITY a "b">]>',
          '&a;',
          '\u0000',
          '\\\r\n',
          '"',
          '[',
          ']',
          '=hex(7):00,',
          '</configuration>',
          '\ufeff',
        ),
      ),
      { nil: undefined },
    ),
  });

  it('never throws past the probes, and the report validates', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const name = files[m.file];
        const src = originals.get(name)!;
        let b = Buffer.from(src);
        if (m.cut !== undefined) b = b.subarray(0, m.cut % (b.length + 1));
        for (const [at, v] of m.flips) if (b.length) b[at % b.length] = v;
        if (m.insert) {
          const [at, text] = m.insert;
          const enc = name.endsWith('.reg') ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
          const i = b.length ? at % b.length : 0;
          b = Buffer.concat([b.subarray(0, i), enc, b.subarray(i)]);
        }
        writeFileSync(path.join(dir, name), b);
        try {
          const t = await BundleHost.open(dir);
          const { report } = await scanTarget(t, { targetVersion: '8.1', stage: 'pre', failOn: 'critical', now: NOW });
          const v = validateReport(report);
          expect(v.ok ? [] : v.errors).toEqual([]);
        } finally {
          writeFileSync(path.join(dir, name), src);
        }
      }),
      { numRuns: 150 },
    );
  });
});
