// The three real exports (regipy hives written by hivexregedit, converted to the form `reg export` writes):
// key and value counts and every sample of truth.json, computed from the hives themselves.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryStore } from '../../src/registry/store.js';
import { parseRegBuffer, parseRegFile } from '../../src/registry/reg-file.js';
import { encodeData } from '../../src/registry/values.js';
import type { RegistryProblem } from '../../src/registry/types.js';
import { needs } from '../helpers/tools.js';

/** test/data/realdata/registry: see test/data/realdata/PROVENANCE.md. */
const REAL = fileURLToPath(new URL('../data/realdata/registry/', import.meta.url));
interface Sample {
  key: string;
  value_name: string;
  type: string;
  type_number: number;
  decoded: unknown;
  raw_hex: string;
}
interface TruthFile {
  file: string;
  uncompressed_name: string;
  size_uncompressed: number;
  key_count: number;
  value_count: number;
  root_key: string;
  samples: Sample[];
}
const truth = JSON.parse(readFileSync(path.join(REAL, 'truth.json'), 'utf8')) as { files: TruthFile[] };

// The exports are kept xz-packed (47 MB unpacked for the largest); unpacking needs the xz tool.
const HAVE_XZ = needs('the real registry export tests', 'xz');

let dir: string;
beforeAll(() => {
  if (!HAVE_XZ) return;
  dir = mkdtempSync(path.join(tmpdir(), 'regreal-'));
  for (const f of truth.files) {
    copyFileSync(path.join(REAL, f.file), path.join(dir, f.file));
    execFileSync('xz', ['-d', path.join(dir, f.file)]);
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAVE_XZ).each(truth.files.map((f) => [f.file, f] as const))('real export %s', (_name, f) => {
  let store: RegistryStore;
  let problems: RegistryProblem[];
  let result: Awaited<ReturnType<typeof parseRegFile>>;

  beforeAll(async () => {
    store = new RegistryStore(null);
    problems = [];
    result = await parseRegFile(path.join(dir, f.uncompressed_name), store, {
      label: `registry/${f.uncompressed_name}`,
      onProblem: (p) => problems.push(p),
    });
  });

  it('reads every key and value with no problem', () => {
    expect(problems).toEqual([]);
    expect(result.encoding).toBe('utf16le');
    expect(result.keys).toBe(f.key_count);
    expect(result.values).toBe(f.value_count);
    expect(store.keyCount()).toBe(f.key_count);
    expect(store.valueCount()).toBe(f.value_count);
    expect(store.getKey(f.root_key)?.path).toBe(f.root_key);
  });

  it.each(f.samples.map((s) => [`${s.type} ${s.key}\\${s.value_name || '@'}`, s] as const))('sample %s', (_n, s) => {
    const v = store.getValue(s.key, s.value_name);
    expect(v).toBeDefined();
    expect(v!.name).toBe(s.value_name);
    expect(v!.type).toBe(s.type);
    expect(v!.typeNumber).toBe(s.type_number);
    expect(v!.data).toEqual(s.decoded);
    // The model keeps decoded data; encoding it again must give the hive's raw bytes.
    expect(encodeData(v!, false).toString('hex')).toBe(s.raw_hex);
    // Lookups are case-insensitive and take short roots.
    const short = s.key
      .replace(/^HKEY_LOCAL_MACHINE/, 'hklm')
      .replace(/^HKEY_CURRENT_USER/, 'HKCU')
      .toUpperCase();
    expect(store.getValue(short, s.value_name.toLowerCase())?.data).toEqual(s.decoded);
  });

  it('keeps only the keys asked for with an interest filter', async () => {
    const sample = f.samples[0];
    const filtered = new RegistryStore([{ path: sample.key }]);
    const probs: RegistryProblem[] = [];
    const r = await parseRegFile(path.join(dir, f.uncompressed_name), filtered, { onProblem: (p) => probs.push(p) });
    expect(probs).toEqual([]);
    expect(r.keys).toBe(f.key_count); // every section was seen...
    expect(filtered.keyCount()).toBeLessThan(50); // ...few kept
    expect(filtered.getValue(sample.key, sample.value_name)?.data).toEqual(sample.decoded);
    expect(filtered.getKey(f.root_key)?.values ?? []).toEqual([]); // an ancestor is present, its values not kept
  });
});

describe.skipIf(!HAVE_XZ)('NTUSER export with Latin-1 key names', () => {
  it('keeps the 9 keys whose paths have Latin-1 names', async () => {
    const f = truth.files.find((x) => x.file.startsWith('ntuser'))!;
    const store = new RegistryStore([{ path: 'HKCU\\Software\\Microsoft\\Payment' }]);
    await parseRegFile(path.join(dir, f.uncompressed_name), store, { onProblem: () => {} });
    const accented = [...store.keys()].map((k) => k.path).filter((n) => /[^\x00-\x7f]/.test(n));
    expect(accented).toHaveLength(9);
    const sample = f.samples.find((s) => s.key.includes('PaymentApps'))!;
    const leaf = sample.key.split('\\').pop()!;
    expect(store.subkeys('HKCU\\Software\\Microsoft\\Payment\\PaymentApps')).toEqual([leaf]);
    expect(store.subkeys(sample.key + '\\Methods')).toHaveLength(7);
    // case-insensitive lookup works on the accented name too
    expect(store.getValue(sample.key.toLowerCase(), '')?.data).toBe(sample.decoded);
  });
});

describe.skipIf(!HAVE_XZ)('the 8-bit form hivexregedit writes (Latin-1, LF, no BOM)', () => {
  it('gives the same store as the UTF-16LE export', async () => {
    const f = truth.files.find((x) => x.file.startsWith('ntuser'))!;
    const utf16 = readFileSync(path.join(dir, f.uncompressed_name));
    const text = utf16.subarray(2).toString('utf16le');
    expect(/[^\x00-\xff]/.test(text)).toBe(false);
    const latin1 = Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1');
    const a = new RegistryStore(null);
    const b = new RegistryStore(null);
    const problems: RegistryProblem[] = [];
    await parseRegFile(path.join(dir, f.uncompressed_name), a, { onProblem: (p) => problems.push(p) });
    const r = parseRegBuffer(latin1, b, { onProblem: (p) => problems.push(p) });
    expect(problems).toEqual([]);
    expect(r.encoding).toBe('latin1');
    expect(b.keyCount()).toBe(f.key_count);
    expect(b.valueCount()).toBe(f.value_count);
    expect([...b.keys()]).toEqual([...a.keys()]);
  });
});
