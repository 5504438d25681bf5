import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaValidator, validateBundleJson, validateReport, validateWaiverFile } from '../../src/util/schema.js';
import { VALIDATORS } from '../../src/util/validators.generated.js';
import { sampleReport } from './sample.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GENERATED = join(ROOT, 'src', 'util', 'validators.generated.ts');
const tmp = mkdtempSync(join(tmpdir(), 'mfa-validators-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the JSON Schema validators are precompiled at build time (scripts/gen-validators.mjs)', () => {
  it('src/util/validators.generated.ts is what the generator makes of schemas/ now', () => {
    const out = join(tmp, 'validators.generated.ts');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-validators.mjs'), '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(
      readFileSync(GENERATED, 'utf8') === readFileSync(out, 'utf8'),
      'stale: run node scripts/gen-validators.mjs (npm run build does)',
    ).toBe(true);
  }, 60_000);

  it('--check exits 1 naming the stale file', () => {
    const out = join(tmp, 'stale.ts');
    spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-validators.mjs'), '--out', out]);
    const w = spawnSync('sh', ['-c', `printf '// edited\\n' >> '${out}'`]);
    expect(w.status).toBe(0);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-validators.mjs'), '--check', '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${out} is stale: run node scripts/gen-validators.mjs\n`);
  }, 60_000);

  it('has a validator for every schema file, and none for a file that is not there', () => {
    for (const f of readdirSync(join(ROOT, 'schemas')).filter((n) => n.endsWith('.schema.json'))) {
      expect(() => schemaValidator(f)({}), f).not.toThrow();
    }
    expect(() => schemaValidator('nope.schema.json')({})).toThrow('schemas/nope.schema.json: no precompiled validator');
  });

  it('src/util/schema.ts does not import ajv at run time (only its small runtime helpers, through the generated file)', () => {
    const src = readFileSync(join(ROOT, 'src', 'util', 'schema.ts'), 'utf8');
    expect(src).not.toMatch(/^import (?!type )[^;]*from 'ajv/m);
    expect(src).not.toMatch(/from 'ajv-formats'|new Ajv\(|\.compile\(/);
    const gen = readFileSync(GENERATED, 'utf8');
    const required = [...gen.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((m) => !m.startsWith('ajv/dist/runtime/') && m !== 'ajv-formats/dist/formats')).toEqual([]);
    expect(gen).not.toMatch(/^import .* from 'ajv'/m);
  });
});

/** ajv compiling the schemas at run time, as src/util/schema.ts did before: the reference the precompiled code must match. */
function runtimeAjv(): Ajv {
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  for (const f of readdirSync(join(ROOT, 'schemas'))
    .filter((n) => n.endsWith('.schema.json'))
    .sort()) {
    ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schemas', f), 'utf8')) as object, f);
  }
  return ajv;
}

const brief = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);

describe('the precompiled validators reject the same bad inputs, with the same one-line messages naming the field', () => {
  const ajv = runtimeAjv();
  const report = () => JSON.parse(JSON.stringify(sampleReport())) as Record<string, any>;
  const cases: [string, string, unknown][] = [
    ['report.schema.json', 'a good report', report()],
    [
      'report.schema.json',
      'a severity outside the enum',
      (() => {
        const r = report();
        r.findings[3].severity = 'urgent';
        return r;
      })(),
    ],
    ['report.schema.json', 'schemaVersion 2', { ...report(), schemaVersion: 2 }],
    [
      'report.schema.json',
      'a missing verdict and an unknown field',
      (() => {
        const r = report();
        delete r.verdict;
        r.extra = 1;
        return r;
      })(),
    ],
    [
      'report.schema.json',
      'a date-time that is not one',
      (() => {
        const r = report();
        r.scan.startedAt = 'yesterday at noon';
        return r;
      })(),
    ],
    [
      'report.schema.json',
      'a string where a number goes, an array where an object goes',
      (() => {
        const r = report();
        r.schemaVersion = '1';
        r.host = [];
        return r;
      })(),
    ],
    ['report.schema.json', 'not an object', 'hello'],
    [
      'waivers.schema.json',
      'an empty matcher and a bad date',
      { waivers: [{ rule: 'MFA-BKP-001', host: '', reason: 'x', expires: '2026-02-30x' }] },
    ],
    ['waivers.schema.json', 'a waiver without reason', { waivers: [{ rule: 'MFA-BKP-001' }] }],
    ['bundle.schema.json', 'a host name of the wrong type', { hostname: 12345 }],
    ['bundle.schema.json', 'an empty host name', { hostname: '' }],
    ['manifest.schema.json', 'not a manifest', { files: 'all of them' }],
    ['fleet.schema.json', 'an empty fleet report', { schemaVersion: 1 }],
  ];

  it.each(cases)('%s: %s', (file, _what, input) => {
    const reference = ajv.getSchema(file)!;
    const refOk = reference(input);
    const got = schemaValidator(file)(input);
    expect(got.ok).toBe(refOk);
    if (!got.ok) {
      expect(got.errors).toHaveLength(reference.errors!.length);
      // every line names a field (a JSON pointer) or the root, then what is wrong
      for (const line of got.errors) expect(line).toMatch(/^(\(root\)|\/\S*): \S/);
    }
    const precompiled = (VALIDATORS as unknown as Record<string, ((d: unknown) => boolean) & { errors?: ErrorObject[] | null }>)[file];
    expect(precompiled(input)).toBe(refOk);
    expect(brief(precompiled.errors)).toEqual(brief(reference.errors));
  });

  it('the messages users see for the classic mistakes are unchanged', () => {
    const bad = report();
    bad.findings[3].severity = 'urgent';
    expect(validateReport(bad)).toEqual({
      ok: false,
      errors: ['/findings/3/severity: must be one of critical, high, medium, low, info'],
      at: ['/findings/3/severity'],
    });
    const w = validateWaiverFile({ waivers: [{ rule: 'MFA-BKP-001', reason: 'r', expires: 'soon' }] });
    expect(w.ok ? [] : w.errors).toContain('/waivers/0/expires: is not a date ("soon"); use YYYY-MM-DD');
    const b = validateBundleJson({ hostname: 12345 });
    expect(b.ok ? [] : b.errors).toEqual(['/hostname: must be string']);
  });
});
