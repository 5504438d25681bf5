import { describe, expect, it } from 'vitest';
import { RegistryStore } from '../../src/registry/store.js';
import { parseRegText } from '../../src/registry/reg-file.js';
import { encodeCp1252 } from '../../src/registry/values.js';
import type { RegistryProblem, RegValue } from '../../src/registry/types.js';
import { dump, parseAsFile, parseBuf, v5 } from './helpers.js';

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';
const utf16hex = (s: string) => [...Buffer.from(s + '\0', 'utf16le')].map((b) => b.toString(16).padStart(2, '0')).join(',');

describe('value types (v5, UTF-16LE, CRLF)', () => {
  const cases: [string, string, Omit<RegValue, 'name'> & { name?: string }][] = [
    [
      'plain string',
      '"InstallPath"="C:\\\\Program Files\\\\Multi-Factor Authentication Server\\\\"',
      { type: 'REG_SZ', typeNumber: 1, data: 'C:\\Program Files\\Multi-Factor Authentication Server\\' },
    ],
    ['escaped quotes', '"Cmd"="\\"C:\\\\x.exe\\" -k"', { type: 'REG_SZ', typeNumber: 1, data: '"C:\\x.exe" -k' }],
    ['empty string', '"Empty"=""', { type: 'REG_SZ', typeNumber: 1, data: '' }],
    ['default value', '@="PhoneFactor Agent"', { name: '', type: 'REG_SZ', typeNumber: 1, data: 'PhoneFactor Agent' }],
    [
      'name with escapes',
      '"\\\\DosDevices\\\\C:"=hex:ae,46',
      { name: '\\DosDevices\\C:', type: 'REG_BINARY', typeNumber: 3, data: 'ae46' },
    ],
    ['name with a quote', '"say \\"hi\\""=dword:00000001', { name: 'say "hi"', type: 'REG_DWORD', typeNumber: 4, data: 1 }],
    ['dword', '"Port"=dword:0000abcd', { type: 'REG_DWORD', typeNumber: 4, data: 0xabcd }],
    ['negative dword is unsigned', '"Bias"=dword:ffffffc4', { type: 'REG_DWORD', typeNumber: 4, data: 4294967236 }],
    ['short dword', '"Short"=dword:1', { type: 'REG_DWORD', typeNumber: 4, data: 1 }],
    ['binary', '"Blob"=hex:de,ad,BE,ef', { type: 'REG_BINARY', typeNumber: 3, data: 'deadbeef' }],
    ['empty binary', '"Nothing"=hex:', { type: 'REG_BINARY', typeNumber: 3, data: '' }],
    [
      'expand string',
      `"Path"=hex(2):${utf16hex('%ProgramFiles%\\MFA')}`,
      { type: 'REG_EXPAND_SZ', typeNumber: 2, data: '%ProgramFiles%\\MFA' },
    ],
    ['hex(1) string', `"Sz"=hex(1):${utf16hex('DESKTOP-2KGM189')}`, { type: 'REG_SZ', typeNumber: 1, data: 'DESKTOP-2KGM189' }],
    [
      'multi string',
      '"List"=hex(7):4e,00,53,00,49,00,00,00,54,00,64,00,78,00,00,00,00,00',
      { type: 'REG_MULTI_SZ', typeNumber: 7, data: ['NSI', 'Tdx'] },
    ],
    ['empty multi string', '"None"=hex(7):00,00', { type: 'REG_MULTI_SZ', typeNumber: 7, data: [] }],
    ['qword', '"Q"=hex(b):00,01,00,00,00,00,00,00', { type: 'REG_QWORD', typeNumber: 11, data: 256 }],
    ['qword past 2^53', '"Big"=hex(b):ff,ff,ff,ff,ff,ff,ff,ff', { type: 'REG_QWORD', typeNumber: 11, data: '18446744073709551615' }],
    ['REG_NONE', '"N"=hex(0):01,02', { type: 'REG_NONE', typeNumber: 0, data: '0102' }],
    ['dword via hex(4)', '"D4"=hex(4):01,00,00,00', { type: 'REG_DWORD', typeNumber: 4, data: 1 }],
    ['big-endian dword', '"Be"=hex(5):00,00,00,01', { type: 'REG_DWORD_BIG_ENDIAN', typeNumber: 5, data: '00000001' }],
    ['resource list', '"R"=hex(8):01,00', { type: 'REG_RESOURCE_LIST', typeNumber: 8, data: '0100' }],
    ['odd type number', '"Odd"=hex(ffff0012):00,01,02', { type: 'REG_UNKNOWN', typeNumber: 0xffff0012, data: '000102' }],
    ['spaces in a hex list', '"Sp"=hex: 01, 02 ,03', { type: 'REG_BINARY', typeNumber: 3, data: '010203' }],
    ['single-digit hex bytes', '"One"=hex:1,a', { type: 'REG_BINARY', typeNumber: 3, data: '010a' }],
  ];
  it.each(cases)('%s', (_n, line, want) => {
    const { store, problems } = parseBuf(v5(`Windows Registry Editor Version 5.00\n\n[${KEY}]\n${line}\n\n`));
    expect(problems).toEqual([]);
    const name = want.name ?? /^"((?:[^"\\]|\\.)*)"/.exec(line)![1].replace(/\\(.)/g, '$1');
    expect(store.getValue(KEY, name)).toEqual({ name, type: want.type, typeNumber: want.typeNumber, data: want.data });
  });
});

describe('structure', () => {
  it('continued hex lists: leading spaces dropped, same value with CRLF, LF or CR line ends', () => {
    const text = `Windows Registry Editor Version 5.00

[${KEY}]
"Path"=hex(2):25,00,50,00,72,00,6f,00,67,00,72,00,61,00,6d,00,46,00,69,00,6c,00,\\
  65,00,73,00,25,00,5c,00,4d,00,46,00,41,00,5c,00,00,00
"After"=dword:00000002

`;
    const want = [
      [
        KEY,
        [
          ['Path', 'REG_EXPAND_SZ', 2, '%ProgramFiles%\\MFA\\'],
          ['After', 'REG_DWORD', 4, 2],
        ],
      ],
    ];
    for (const eol of ['\r\n', '\n', '\r']) {
      const { store, problems } = parseBuf(v5(text, eol));
      expect(problems).toEqual([]);
      expect(dump(store)).toEqual(want);
    }
  });

  it('comments and blank lines are ignored; short roots and any case in section names', () => {
    const { store, problems, result } = parseBuf(
      v5(`Windows Registry Editor Version 5.00
; exported by hand
[hklm\\software\\Positive Networks]
"A"="1"
  ; indented comment

[HKEY_LOCAL_MACHINE\\SOFTWARE\\positive networks\\PhoneFactor]
"B"="2"
`),
    );
    expect(problems).toEqual([]);
    expect(result.keys).toBe(2);
    expect(store.getValue('HKEY_LOCAL_MACHINE\\SOFTWARE\\POSITIVE NETWORKS', 'a')?.data).toBe('1');
    expect(store.subkeys('HKLM\\SOFTWARE\\Positive Networks')).toEqual(['PhoneFactor']);
    // the path keeps the case of the first time the key was seen
    expect(store.getKey('hklm\\SOFTWARE\\Positive Networks\\PHONEFACTOR')?.path).toBe(
      'HKEY_LOCAL_MACHINE\\software\\Positive Networks\\PhoneFactor',
    );
  });

  it('deletions apply in file order', () => {
    const { store, problems } = parseBuf(
      v5(`Windows Registry Editor Version 5.00

[HKLM\\SOFTWARE\\A]
"keep"="1"
"gone"="2"

[HKLM\\SOFTWARE\\A\\Sub]
"x"=dword:00000001

[HKLM\\SOFTWARE\\A]
"gone"=-

[-HKLM\\SOFTWARE\\A\\Sub]

[-HKLM\\SOFTWARE\\B]

[HKLM\\SOFTWARE\\C]
"v"="old"

[-HKLM\\SOFTWARE\\C]

[HKLM\\SOFTWARE\\C]
"v"="new"
`),
    );
    expect(problems).toEqual([]);
    expect(store.getKey('HKLM\\SOFTWARE\\A')?.values.map((v) => v.name)).toEqual(['keep']);
    expect(store.getKey('HKLM\\SOFTWARE\\A\\Sub')).toBeUndefined();
    expect(store.getValue('HKLM\\SOFTWARE\\C', 'v')?.data).toBe('new');
    expect(store.keyCount()).toBe(2);
    expect(store.valueCount()).toBe(2);
  });

  it('a later value of the same name wins', () => {
    const { store } = parseBuf(v5(`Windows Registry Editor Version 5.00\n\n[HKLM\\S\\K]\n"v"="1"\n"V"=dword:00000002\n`));
    expect(store.getKey('HKLM\\S\\K')?.values).toEqual([{ name: 'V', type: 'REG_DWORD', typeNumber: 4, data: 2 }]);
  });
});

describe('encodings', () => {
  it('REGEDIT4: Windows-1252 text, 8-bit hex strings', async () => {
    const text =
      'REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software\\Caf\u00e9]\r\n"Price"="5 \u20ac"\r\n' +
      '"Exp"=hex(2):25,53,79,73,74,65,6d,52,6f,6f,74,25,5c,e9,00\r\n"Multi"=hex(7):61,00,e9,00,00\r\n\r\n';
    const buf = encodeCp1252(text);
    expect(buf.includes(0x80)).toBe(true); // € is 0x80 in Windows-1252
    const { store, problems, result } = await parseAsFile(buf);
    expect(problems).toEqual([]);
    expect(result.encoding).toBe('latin1');
    const k = 'HKCU\\Software\\Caf\u00e9';
    expect(store.getValue(k, 'Price')?.data).toBe('5 \u20ac');
    expect(store.getValue(k, 'Exp')?.data).toBe('%SystemRoot%\\\u00e9');
    expect(store.getValue(k, 'Multi')?.data).toEqual(['a', '\u00e9']);
  });

  it('UTF-8 with and without BOM', async () => {
    const text =
      'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Gr\u00f6\u00dfe \u8a2d\u5b9a]\r\n"N"="\u00fc"\r\n';
    for (const bom of [true, false]) {
      const buf = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
      const { store, problems, result } = await parseAsFile(buf);
      expect(problems).toEqual([]);
      expect(result.encoding).toBe('utf8');
      expect(store.getValue('HKLM\\SOFTWARE\\GR\u00d6\u00dfE \u8a2d\u5b9a', 'n')?.data).toBe('\u00fc');
    }
  });

  it('8-bit v5 text that is not UTF-8 (raw hivexregedit output) is read as Latin-1', () => {
    const buf = Buffer.from(
      'Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\I\xcbMO\xc5]\n@=hex(1):41,00,00,00\n',
      'latin1',
    );
    const { store, problems, result } = parseBuf(buf, null, { chunkSize: 7 });
    expect(problems).toEqual([]);
    expect(result.encoding).toBe('latin1');
    expect(store.getValue('HKCU\\Software\\I\u00cbMO\u00c5', '')?.data).toBe('A');
  });

  it('UTF-16LE without its BOM is still read', () => {
    const buf = v5('Windows Registry Editor Version 5.00\n\n[HKLM\\SOFTWARE\\X]\n"a"="b"\n').subarray(2);
    const { store, problems, result } = parseBuf(buf);
    expect(problems).toEqual([]);
    expect(result.encoding).toBe('utf16le');
    expect(store.getValue('HKLM\\SOFTWARE\\X', 'a')?.data).toBe('b');
  });

  it('splits anywhere in a chunk (surrogate pairs, CRLF, multi-byte UTF-8) give the same store', () => {
    const text = `Windows Registry Editor Version 5.00\n\n[HKLM\\SOFTWARE\\\u{1F600} Emoji]\n"\u00e9"="\u{1F600}x"\n"h"=hex:01,\\\n  02\n`;
    const whole = dump(parseBuf(v5(text)).store);
    expect(whole).toEqual([
      [
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\\u{1F600} Emoji',
        [
          ['\u00e9', 'REG_SZ', 1, '\u{1F600}x'],
          ['h', 'REG_BINARY', 3, '0102'],
        ],
      ],
    ]);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      expect(dump(parseBuf(v5(text), null, { chunkSize: size }).store)).toEqual(whole);
      expect(dump(parseBuf(Buffer.from(text, 'utf8'), null, { chunkSize: size }).store)).toEqual(whole);
    }
  });
});

describe('bad input', () => {
  it('a bad line is one problem with file:line; the rest of the file counts', () => {
    const { store, problems, result } = parseBuf(
      v5(`Windows Registry Editor Version 5.00

[${KEY}]
"Good1"="a"
"Bad1"=dword:xyz
"Bad2"=hex:01,zz,03
this is not a value
"Bad3"="no closing quote
"Bad4"=unknown:1
[HKLM\\SOFTWARE\\Broken
"Lost"="value of a broken section"

[HKFOO\\Software]
"Lost2"="1"

[${KEY}]
"Good2"=dword:00000002
`),
    );
    expect(problems.map((p) => p.location)).toEqual([
      'registry/test.reg:5',
      'registry/test.reg:6',
      'registry/test.reg:7',
      'registry/test.reg:8',
      'registry/test.reg:9',
      'registry/test.reg:10',
      'registry/test.reg:13',
    ]);
    expect(problems[0].message).toMatch(/dword/);
    expect(problems[1].message).toMatch(/bad hex byte "zz"/);
    expect(problems[6].message).toMatch(/unknown registry root/);
    expect(store.getKey(KEY)?.values.map((v) => v.name)).toEqual(['Good1', 'Good2']);
    expect(store.valueCount()).toBe(2);
    expect(result.values).toBe(2);
  });

  it('line numbers stay right after skipped keys (interest filter) with each line-end style', () => {
    const filler = Array.from(
      { length: 40 },
      (_, i) =>
        `[HKLM\\SOFTWARE\\Other\\K${i}]\n"v"=hex:01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,17,18,19,1a,\\\n  1b,1c\n"s"="[not a key]"\n`,
    ).join('\n');
    const text = `Windows Registry Editor Version 5.00\n\n${filler}\n[${KEY}]\n"ok"=dword:00000001\n"bad"=dword:nope\n`;
    const badLine = text.split('\n').findIndex((l) => l.startsWith('"bad"')) + 1;
    for (const eol of ['\r\n', '\n', '\r']) {
      for (const chunkSize of [1 << 20, 33, 76, 7, 2]) {
        const { store, problems } = parseBuf(v5(text, eol), [{ path: KEY }], { chunkSize });
        expect(problems.map((p) => p.location)).toEqual([`registry/test.reg:${badLine}`]);
        expect(store.keyCount()).toBe(1);
        expect(store.getValue(KEY, 'ok')?.data).toBe(1);
      }
    }
  });

  it('a value before any key, and a continuation into a key line, are problems', () => {
    const { store, problems } = parseBuf(
      v5(`Windows Registry Editor Version 5.00
"orphan"="x"
[HKLM\\SOFTWARE\\X]
"cut"=hex:01,02,\\
[HKLM\\SOFTWARE\\Y]
"ok"="y"
`),
    );
    expect(problems.map((p) => [p.location, p.message.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['registry/test.reg:2', 'value line'],
      ['registry/test.reg:4', 'value "cut"'],
    ]);
    expect(store.getValue('HKLM\\SOFTWARE\\Y', 'ok')?.data).toBe('y');
    expect(store.getValue('HKLM\\SOFTWARE\\X', 'cut')).toBeUndefined();
  });

  it('a file that is not a registry export is one problem and nothing is read', async () => {
    const inputs: [string, Buffer, RegExp][] = [
      ['ini file', Buffer.from('[HKLM\\SOFTWARE\\X]\r\n"a"="b"\r\n'), /not a registry export: the first line is "\[HKLM/],
      ['PNG bytes', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), /not a registry export/],
      ['empty', Buffer.alloc(0), /empty/],
      ['only a BOM', Buffer.from([0xff, 0xfe]), /empty/],
      ['UTF-16BE', Buffer.from([0xfe, 0xff, ...Buffer.from('Windows Registry Editor Version 5.00\r\n', 'utf16le').swap16()]), /big-endian/],
      [
        'UTF-8 BOM on UTF-16 text',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), v5('Windows Registry Editor Version 5.00\n').subarray(2)]),
        /not a registry export/,
      ],
      ['one long line of garbage', Buffer.alloc(3 << 20, 0x41), /not a registry export/],
    ];
    for (const [what, buf, msg] of inputs) {
      const { store, problems, result } = await parseAsFile(buf);
      expect(problems, what).toHaveLength(1);
      expect(problems[0].location, what).toMatch(/^registry\/export\.reg:\d+$/);
      expect(problems[0].message, what).toMatch(msg);
      expect(result.keys, what).toBe(0);
      expect(store.keyCount(), what).toBe(0);
    }
  });

  it('a missing file or a folder is a problem, not a throw', async () => {
    const store = new RegistryStore(null);
    const problems: RegistryProblem[] = [];
    await parseRegFileSafe('/nonexistent/x.reg', store, problems);
    await parseRegFileSafe('/tmp', store, problems);
    expect(problems.map((p) => p.location)).toEqual(['registry/missing.reg', 'registry/missing.reg']);
    expect(problems[0].message).toMatch(/ENOENT/);
    expect(problems[1].message).toMatch(/EISDIR/);
  });

  it('a truncated file keeps what is complete and reports the cut value', async () => {
    const full = v5(`Windows Registry Editor Version 5.00

[${KEY}]
"Version"="8.0.1.1"
"Blob"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,17,\\
  18,19,1a,1b,1c,1d,1e,1f,20,21,22,23,24,25,26,27,28,29,2a,2b,2c,2d,2e,2f,30,31,\\
  32,33
"Port"=dword:00001132

`);
    const cutInList = full.indexOf(Buffer.from('2a,2b', 'utf16le'));
    for (const [where, at, line] of [
      ['inside a continued list', cutInList, 5],
      ['mid-character', cutInList + 1, 5],
    ] as const) {
      const { store, problems } = await parseAsFile(full.subarray(0, at));
      expect(store.getValue(KEY, 'Version')?.data, where).toBe('8.0.1.1');
      expect(store.getValue(KEY, 'Blob'), where).toBeUndefined();
      expect(
        problems.map((p) => p.location),
        where,
      ).toContain(`registry/export.reg:${line}`);
      expect(problems.map((p) => p.message).join('\n'), where).toMatch(/truncated/);
    }
    // cut in the last dword: 4 digits of 8
    const cutDword = full.indexOf(Buffer.from('1132', 'utf16le'));
    const r = await parseAsFile(full.subarray(0, cutDword));
    expect(r.store.getValue(KEY, 'Blob')?.data).toMatch(/^000102/);
    expect(r.store.getValue(KEY, 'Port')).toBeUndefined();
    expect(r.problems.map((p) => p.location)).toEqual(['registry/export.reg:8']);
    expect(r.problems[0].message).toMatch(/truncated/);
  });

  it('a hex value several MB long on one line is read (hivexregedit writes them)', async () => {
    const bytes = Buffer.alloc(1_500_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    const list = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(',');
    const { store, problems } = await parseAsFile(
      v5(`Windows Registry Editor Version 5.00\n\n[${KEY}]\n"Huge"=hex:${list}\n"After"="ok"\n`),
    );
    expect(problems).toEqual([]);
    expect(store.getValue(KEY, 'Huge')?.data).toBe(bytes.toString('hex'));
    expect(store.getValue(KEY, 'After')?.data).toBe('ok');
  });

  it('a value over the size limit is a problem; its continuation lines are dropped, the rest is read', async () => {
    const line = (n: number) => Array.from({ length: n }, () => 'ab').join(',');
    const text = `Windows Registry Editor Version 5.00\n\n[${KEY}]\n"OneLine"=hex:${line(2000)}\n"Wrapped"=hex:${line(20)},\\\n${Array.from({ length: 200 }, () => `  ${line(25)},\\`).join('\n')}\n  ab\n"After"="ok"\n`;
    for (const chunkSize of [1 << 20, 100]) {
      const { store, problems } = await parseAsFile(v5(text), null, { maxValueChars: 4000, chunkSize });
      expect(problems.map((p) => p.location)).toEqual(['registry/export.reg:4', 'registry/export.reg:5']);
      expect(problems[0].message).toMatch(/too large/);
      expect(store.getKey(KEY)?.values.map((v) => v.name)).toEqual(['After']);
    }
  });

  it('the default limit (16 Mi characters) stops an absurd value without running out of memory', async () => {
    // 18 Mi characters of hex on one line in a UTF-8 file (a UTF-16 one would be twice the size on disk).
    const piece = Buffer.from('ab,'.repeat(1 << 20));
    const buf = Buffer.concat([
      Buffer.from(`Windows Registry Editor Version 5.00\n\n[${KEY}]\n"Absurd"=hex:`),
      ...Array.from({ length: 6 }, () => piece),
      Buffer.from('ab\n"After"="ok"\n'),
    ]);
    const { store, problems } = await parseAsFile(buf);
    expect(problems).toHaveLength(1);
    expect(problems[0].location).toBe('registry/export.reg:4');
    expect(problems[0].message).toMatch(/longer than 16777216 characters/);
    expect(store.getValue(KEY, 'After')?.data).toBe('ok');
  });

  it('problems per file are capped', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `"v${i}"=dword:zz`).join('\n');
    const { problems } = parseBuf(v5(`Windows Registry Editor Version 5.00\n[HKLM\\S\\X]\n${lines}\n`), null, { maxProblems: 10 });
    expect(problems).toHaveLength(11);
    expect(problems[10].message).toMatch(/more problems/);
  });
});

describe('parseRegText', () => {
  it('reads decoded text, BOM character or not', () => {
    const store = new RegistryStore(null);
    const problems: RegistryProblem[] = [];
    const r = parseRegText('\ufeffREGEDIT4\n\n[HKLM\\SOFTWARE\\X]\n"a"="b"\n', store, { onProblem: (p) => problems.push(p) });
    expect(problems).toEqual([]);
    expect(r).toEqual({ keys: 1, values: 1 });
    expect(store.getValue('HKLM\\SOFTWARE\\X', 'a')?.data).toBe('b');
  });
});

async function parseRegFileSafe(file: string, store: RegistryStore, problems: RegistryProblem[]) {
  const { parseRegFile } = await import('../../src/registry/reg-file.js');
  return parseRegFile(file, store, { label: 'registry/missing.reg', onProblem: (p) => problems.push(p) });
}
