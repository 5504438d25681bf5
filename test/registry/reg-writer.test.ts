import { describe, expect, it } from 'vitest';
import { writeRegedit4, writeRegV5 } from '../../src/registry/reg-writer.js';
import type { RegKeyData } from '../../src/registry/types.js';
import { dump, parseBuf } from './helpers.js';

const SVC = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Dnscache';
const keys: RegKeyData[] = [
  {
    path: SVC,
    values: [
      { name: 'DisplayName', type: 'REG_SZ', typeNumber: 1, data: 'DNS Client' },
      { name: 'ImagePath', type: 'REG_EXPAND_SZ', typeNumber: 2, data: '%SystemRoot%\\system32\\svchost.exe -k netsvcs' },
      { name: 'Start', type: 'REG_DWORD', typeNumber: 4, data: 2 },
      { name: 'DependOnService', type: 'REG_MULTI_SZ', typeNumber: 7, data: ['Nsi'] },
    ],
  },
  {
    path: `${SVC}\\Parameters`,
    values: [
      { name: '', type: 'REG_SZ', typeNumber: 1, data: 'q"uote\\' },
      { name: 'Blob', type: 'REG_BINARY', typeNumber: 3, data: '0102' },
      { name: 'Empty', type: 'REG_BINARY', typeNumber: 3, data: '' },
      { name: 'Q', type: 'REG_QWORD', typeNumber: 11, data: 42 },
      { name: 'Max', type: 'REG_DWORD', typeNumber: 4, data: 0xffffffff },
    ],
  },
];

// What `reg export` writes for these keys (the ImagePath wrapping is that of a real Windows export:
// 20 bytes after the `"ImagePath"=hex(2):` lead, then 25 per continuation line).
const EXPECTED = [
  'Windows Registry Editor Version 5.00',
  '',
  `[${SVC}]`,
  '"DisplayName"="DNS Client"',
  '"ImagePath"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,\\',
  '  74,00,25,00,5c,00,73,00,79,00,73,00,74,00,65,00,6d,00,33,00,32,00,5c,00,73,\\',
  '  00,76,00,63,00,68,00,6f,00,73,00,74,00,2e,00,65,00,78,00,65,00,20,00,2d,00,\\',
  '  6b,00,20,00,6e,00,65,00,74,00,73,00,76,00,63,00,73,00,00,00',
  '"Start"=dword:00000002',
  '"DependOnService"=hex(7):4e,00,73,00,69,00,00,00,00,00',
  '',
  `[${SVC}\\Parameters]`,
  '@="q\\"uote\\\\"',
  '"Blob"=hex:01,02',
  '"Empty"=hex:',
  '"Q"=hex(b):2a,00,00,00,00,00,00,00',
  '"Max"=dword:ffffffff',
  '',
  '',
].join('\r\n');

describe('writeRegV5', () => {
  it('writes exactly what reg export writes', () => {
    const buf = writeRegV5(keys);
    expect([...buf.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(buf.subarray(2).toString('utf16le')).toBe(EXPECTED);
  });

  it('reads back to the same keys', () => {
    const { store, problems } = parseBuf(writeRegV5(keys));
    expect(problems).toEqual([]);
    expect(dump(store)).toEqual(keys.map((k) => [k.path, k.values.map((v) => [v.name, v.type, v.typeNumber, v.data])]));
  });

  it('keeps a line under 80 columns for long names and wraps the long ones right after the lead', () => {
    const long = 'N'.repeat(90);
    const text = writeRegV5([
      { path: 'HKEY_CURRENT_USER\\X', values: [{ name: long, type: 'REG_BINARY', typeNumber: 3, data: '00'.repeat(60) }] },
    ])
      .subarray(2)
      .toString('utf16le');
    const lines = text.split('\r\n');
    expect(lines[3]).toBe(`"${long}"=hex:00,\\`); // lead already past column 77: one byte, then wrap
    expect(lines.slice(4, -3).every((l) => l.length === 78 && l.startsWith('  ') && l.endsWith(',\\'))).toBe(true);
  });

  it('writes a REG_SZ holding a line break as hex(1) so that it reads back', () => {
    const k: RegKeyData[] = [{ path: 'HKEY_CURRENT_USER\\X', values: [{ name: 'm', type: 'REG_SZ', typeNumber: 1, data: 'a\r\nb' }] }];
    const text = writeRegV5(k).subarray(2).toString('utf16le');
    expect(text).toContain('"m"=hex(1):61,00,0d,00,0a,00,62,00,00,00');
    expect(parseBuf(writeRegV5(k)).store.getValue('HKCU\\X', 'm')?.data).toBe('a\r\nb');
  });
});

describe('writeRegedit4', () => {
  it('writes Windows-1252 text with 8-bit hex strings', () => {
    const buf = writeRegedit4([
      {
        path: 'HKEY_CURRENT_USER\\Software\\Caf\u00e9',
        values: [
          { name: 'Price', type: 'REG_SZ', typeNumber: 1, data: '5 \u20ac' },
          { name: 'Exp', type: 'REG_EXPAND_SZ', typeNumber: 2, data: '%TEMP%\u00e9' },
          { name: 'Kanji', type: 'REG_SZ', typeNumber: 1, data: '\u8a2d' },
        ],
      },
    ]);
    expect(buf.toString('latin1')).toBe(
      'REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software\\Caf\xe9]\r\n"Price"="5 \x80"\r\n' +
        '"Exp"=hex(2):25,54,45,4d,50,25,e9,00\r\n"Kanji"="?"\r\n\r\n',
    );
    const back = parseBuf(buf).store;
    expect(back.getValue('HKCU\\Software\\Caf\u00e9', 'Exp')?.data).toBe('%TEMP%\u00e9');
    expect(back.getValue('HKCU\\Software\\Caf\u00e9', 'Price')?.data).toBe('5 \u20ac');
  });
});
