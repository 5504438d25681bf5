// The fast paths of a filtered parse (issue 7): the store's remembered skipped subtree, and the UTF-16LE byte-level
// skip that never decodes the keys the store does not keep. Each is checked against a slower path that has neither:
// a model of the interest rules for the store, parseRegText (decoded text, no byte skip) for the parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegistryStore } from '../../src/registry/store.js';
import { parseRegText } from '../../src/registry/reg-file.js';
import { parseRegPath } from '../../src/registry/path.js';
import type { KeyInterest, RegistryProblem } from '../../src/registry/types.js';
import { dump, parseAsFile, parseBuf, v5 } from './helpers.js';

const HEADER = 'Windows Registry Editor Version 5.00';
const names = (p: string) => parseRegPath(p)!.norm.split('\\');
const under = (a: string[], b: string[]) => b.length <= a.length && b.every((n, i) => a[i] === n);

/** The interest rules of store.ts, written plainly: what is kept, which (implicit) nodes exist. */
class Model {
  nodes = new Set<string>();
  explicit = new Set<string>();
  constructor(private readonly interests: KeyInterest[]) {}
  createKey(path: string): boolean {
    const k = names(path);
    let kept = false;
    let stub = Infinity;
    for (const i of this.interests) {
      const n = names(i.path);
      if (!under(k, n)) continue;
      if (n.length === k.length || i.recursive !== false) kept = true;
      else stub = Math.min(stub, n.length);
    }
    const upTo = kept ? k.length : stub === Infinity ? 0 : stub + 1;
    for (let j = 1; j <= upTo; j++) this.nodes.add(k.slice(0, j).join('\\'));
    if (kept) this.explicit.add(k.join('\\'));
    return kept;
  }
  deleteKey(path: string): void {
    const d = names(path);
    for (const set of [this.nodes, this.explicit]) for (const n of [...set]) if (under(n.split('\\'), d)) set.delete(n);
  }
}

function storeNodes(s: RegistryStore): Set<string> {
  const out = new Set<string>();
  const visit = (p: string) => {
    out.add(p.toLowerCase());
    for (const c of s.subkeys(p)) visit(`${p}\\${c}`);
  };
  for (const r of ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER']) if (s.hasAnyUnder(r)) visit(r);
  return out;
}

describe('RegistryStore: the remembered skipped subtree changes no decision', () => {
  const name = fc.constantFrom('SOFTWARE', 'software', 'Microsoft', 'Windows', 'CurrentVersion', 'Uninstall', 'A', 'a', 'A b', 'Ä', 'x');
  const root = fc.constantFrom('HKEY_LOCAL_MACHINE', 'HKLM', 'hklm', 'HKEY_CURRENT_USER');
  const rawPath = fc
    .tuple(root, fc.array(name, { minLength: 0, maxLength: 5 }), fc.constantFrom('', '', '', '\\', 'dbl'))
    .map(([r, n, odd]) => {
      if (odd === 'dbl' && n.length > 1) return [r, n[0], '', ...n.slice(1)].join('\\'); // doubled backslash
      return [r, ...n].join('\\') + (odd === 'dbl' ? '' : odd);
    });
  const interest = fc.record({ path: rawPath, recursive: fc.boolean() });
  // Sorted runs of paths look like depth-first exports (a parent, then its subtree); deletions now and then.
  const op = fc.oneof(
    { weight: 9, arbitrary: rawPath.map((p) => ({ del: false, p })) },
    { weight: 1, arbitrary: rawPath.map((p) => ({ del: true, p })) },
  );
  const ops = fc
    .tuple(fc.array(op, { maxLength: 60 }), fc.boolean())
    .map(([o, sorted]) => (sorted ? [...o].sort((a, b) => (a.p < b.p ? -1 : 1)) : o));

  it('keeps and stubs exactly what the interest rules say, in any order', () => {
    fc.assert(
      fc.property(fc.array(interest, { maxLength: 4 }), ops, (interests, list) => {
        const store = new RegistryStore(interests);
        const model = new Model(interests);
        for (const { del, p } of list) {
          if (del) {
            store.deleteKey(p);
            model.deleteKey(p);
          } else {
            expect(store.createKey(p), p).toBe(model.createKey(p));
          }
        }
        expect(storeNodes(store)).toEqual(model.nodes);
        expect(new Set([...store.keys()].map((k) => k.path.toLowerCase()))).toEqual(model.explicit);
        expect(store.keyCount()).toBe(model.explicit.size);
      }),
      { numRuns: 400 },
    );
  });

  it('a whole skipped subtree after a deleted stub makes the stub again', () => {
    const CV = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion';
    const s = new RegistryStore([{ path: CV, recursive: false }]);
    expect(s.createKey(`${CV}\\Run`)).toBe(false);
    expect(s.createKey(`${CV}\\Run\\A`)).toBe(false);
    expect(s.deleteKey(`${CV}\\Run`)).toBe(true);
    expect(s.subkeys(CV)).toEqual([]);
    expect(s.createKey(`${CV}\\Run\\B`)).toBe(false);
    expect(s.subkeys(CV)).toEqual(['Run']);
  });
});

// ---- the parser ------------------------------------------------------------------------------------------------

const PF = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';
const INTERESTS: KeyInterest[] = [
  { path: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor' },
  { path: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion', recursive: false },
  { path: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall' },
];

interface Outcome {
  dump: unknown[];
  problems: RegistryProblem[];
  keys: number;
  values: number;
}

function viaText(text: string, interests: KeyInterest[]): Outcome {
  const store = new RegistryStore(interests);
  const problems: RegistryProblem[] = [];
  const r = parseRegText(text, store, { label: 'registry/test.reg', onProblem: (p) => problems.push(p) });
  return { dump: dump(store), problems, keys: r.keys, values: r.values };
}

function viaBytes(buf: Buffer, interests: KeyInterest[], chunkSize?: number): Outcome {
  const { store, problems, result } = parseBuf(buf, interests, chunkSize ? { chunkSize } : {});
  return { dump: dump(store), problems, keys: result.keys, values: result.values };
}

describe('UTF-16LE byte-level skip', () => {
  // Lines a skipped key may hold, some meant to trip a byte scanner: "[" inside values, U+0A5B and U+010A (0A and
  // 5B bytes in code units), U+0A41 U+5B00 U+4100 (bytes 41 0A 00 5B 00 41: "\n[" at an odd offset), comments;
  // key lines with junk after "]" or a lone CR inside (two lines to the text parser).
  const line = fc.constantFrom(
    '"s"="[not a key]"',
    '"t"="\u0a5b\u5b0a\u010a"',
    '"u"="\u0a41\u5b00\u4100"',
    '"h"=hex:01,02,\\',
    '  03,04',
    '@=dword:00000001',
    '; [comment]',
    '',
    '"bad"=dword:zz',
    '"\u{1F600}"="\u{1F600}"',
    '"q"="x"',
  );
  const key = fc.constantFrom(
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\{1}',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\{1}\\InprocServer32',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\.txt',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\X',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{A}',
    `${PF}`,
    `${PF}\\Settings`,
    'HKEY_CURRENT_USER\\Software\\Foo',
    'HKEY_CURRENT_USER\\Software\\Foo\\Bar',
  );
  const keyLine = fc.tuple(key, fc.constantFrom(']', ']', ']', '] ; c', ']junk', '', ']\u0a5b', '\rx]')).map(([k, end]) => `[${k}${end}`);
  const section = fc.tuple(keyLine, fc.array(line, { maxLength: 5 })).map(([k, ls]) => [k, ...ls].join('\n'));
  const doc = fc
    .tuple(fc.array(section, { maxLength: 25 }), fc.constantFrom('\r\n', '\n', '\r'))
    .map(([ss, eol]) => ({ text: `${HEADER}\n\n${ss.join('\n')}\n`.replace(/\n/g, eol) }));

  it('gives the store, keys, values and problems (line numbers included) that decoded text gives, at any chunk size', () => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 300 }), ({ text }, chunkSize) => {
        const want = viaText(text, INTERESTS);
        const buf = Buffer.from('\ufeff' + text, 'utf16le');
        expect(viaBytes(buf, INTERESTS, chunkSize)).toEqual(want);
        expect(viaBytes(buf, INTERESTS)).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  // A skipped subtree (its key lines skipped undecoded), then a kept key with a bad line, then more skipped keys.
  const skipped = Array.from(
    { length: 12 },
    (_, i) =>
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\{${i}}]\n@="C${i}"\n"Blob"=hex:00,01,02,03,\\\n  04,05\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\{${i}}\\InprocServer32]\n"ThreadingModel"="Both"\n`,
  ).join('\n');
  const text = `${HEADER}\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes]\n\n${skipped}\n[${PF}]\n"Version"="8.0.1.1"\n"Port"=dword:nope\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Late]\n"x"="y"\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Late\\Broken\n"z"=dword:zz\n[${PF}\\Settings]\n"ReplicationPort"=dword:00001322\n`;
  const lineOf = (prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
  const want = {
    problems: [
      `registry/test.reg:${lineOf('"Port"')}`,
      `registry/test.reg:${lineOf('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\Late\\Broken')}`,
    ],
    keys: 1 + 24 + 2 + 1, // Classes, 12 x 2 CLSID keys, PhoneFactor + Settings, Late (the broken line is no key)
  };

  it('a key line split across chunks at every offset: same keys and problem lines (CRLF, LF, CR)', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const body = v5(text, eol);
      for (let shift = 0; shift < 12; shift++) {
        // Leading blank lines move every byte across the chunk boundaries; chunk sizes odd and even.
        const buf = Buffer.concat([
          v5(`${HEADER}\n`, eol),
          Buffer.from(eol.repeat(shift), 'utf16le'),
          body.subarray(2 + (HEADER.length + eol.length) * 2),
        ]);
        for (const chunkSize of [1, 2, 3, 5, 64, 101, 254, 256, 257]) {
          const { store, problems, result } = parseBuf(buf, INTERESTS, { chunkSize });
          const where = `eol ${JSON.stringify(eol)} shift ${shift} chunk ${chunkSize}`;
          expect(
            problems.map((p) => p.location),
            where,
          ).toEqual(want.problems.map((l) => l.replace(/\d+$/, (n) => String(Number(n) + shift))));
          expect(problems[1].message).toMatch(/no closing "\]"/);
          expect(result.keys, where).toBe(want.keys);
          expect(store.getValue(PF, 'Version')?.data).toBe('8.0.1.1');
          expect(store.getValue(`${PF}\\Settings`, 'ReplicationPort')?.data).toBe(4898);
          expect(store.keyCount()).toBe(2);
        }
      }
    }
  });

  it('a problem right after a skipped region has its own line number; the file reader agrees with the buffer reader', async () => {
    const { problems } = await parseAsFile(v5(text), INTERESTS, { chunkSize: 77 });
    expect(problems.map((p) => p.location)).toEqual(want.problems.map((l) => l.replace('test.reg', 'export.reg')));
    const whole = await parseAsFile(v5(text), INTERESTS);
    expect(whole.problems.map((p) => p.location)).toEqual(problems.map((p) => p.location));
    expect(whole.result.keys).toBe(want.keys);
  });

  it('a line break of the other style inside a key line of a skipped subtree still breaks the line', () => {
    for (const [eol, inner] of [
      ['\r\n', '\r'],
      ['\n', '\r'],
      ['\r', '\n'],
    ] as const) {
      const t = [
        HEADER,
        '',
        '[HKLM\\SOFTWARE\\Classes\\A]',
        `[HKLM\\SOFTWARE\\Classes\\A\\B${inner}C]`,
        '"v"=dword:zz',
        `[${PF}]`,
        '"x"=dword:zz',
        '',
      ].join(eol);
      const got = viaBytes(Buffer.from('\ufeff' + t, 'utf16le'), INTERESTS);
      expect(got).toEqual(viaText(t, INTERESTS));
      expect(got.problems.map((p) => p.location)).toEqual(['registry/test.reg:4', 'registry/test.reg:8']);
      expect(got.problems[0].message).toMatch(/no closing "\]"/);
    }
  });

  it('junk after "]" on a key line inside a skipped subtree is still reported', () => {
    const t = `${HEADER}\n\n[HKLM\\SOFTWARE\\Classes\\A]\n[HKLM\\SOFTWARE\\Classes\\A\\B]\n[HKLM\\SOFTWARE\\Classes\\A\\C] junk\n[HKLM\\SOFTWARE\\Classes\\A\\D]\n`;
    const { problems, result } = parseBuf(v5(t), INTERESTS);
    expect(problems.map((p) => p.location)).toEqual(['registry/test.reg:5']);
    expect(problems[0].message).toMatch(/^unexpected text after "\]"/);
    expect(result.keys).toBe(3);
  });
});
