/** Parsing `reg query /s` text (as Windows prints it) and decoding its code page, without Wine. */
import { describe, expect, it } from 'vitest';
import { RegistryStore } from '../../src/registry/store.js';
import { parseRegQueryOutput } from '../../src/host/live/reg-query.js';
import { decodeRegOutput } from '../../src/host/live/codepage.js';

const K = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Positive Networks\\PhoneFactor';

// The shape Windows Server 2016 prints for `reg query "HKLM\SOFTWARE\Positive Networks\PhoneFactor" /s /reg:64`.
const WINDOWS_TEXT = [
  '',
  K,
  '    (Default)    REG_SZ    ',
  '    InstallPath    REG_SZ    C:\\Program Files\\Multi-Factor Authentication Server\\',
  '    Version    REG_SZ    8.0.1.1',
  '    ServicePort    REG_DWORD    0x115c',
  '    Flags    REG_DWORD    0xffffffff',
  '    LastSync    REG_QWORD    0x1d9a7e3c6b5f000',
  '    Huge    REG_QWORD    0xffffffffffffffff',
  '    Quota    REG_QWORD    0x2540be400',
  '    Servers    REG_MULTI_SZ    mfa01.contoso.local\\0mfa02.contoso.local',
  '    NoList    REG_MULTI_SZ    ',
  '    LogPath    REG_EXPAND_SZ    %ProgramFiles%\\Multi-Factor Authentication Server\\Logs',
  '    Thumb    REG_BINARY    DEADBEEF00',
  '    Marker    REG_NONE    ',
  '',
  `${K}\\Pfsvc Data`,
  '    Owner    REG_SZ    Bjørn Ærø Ünïcødé 日本',
  '',
  `${K}\\Empty Key`,
  '',
].join('\r\n');

describe('parseRegQueryOutput', () => {
  it('fills the store with every value type as types.ts decodes them', () => {
    const store = new RegistryStore();
    const problems: unknown[] = [];
    const r = parseRegQueryOutput(WINDOWS_TEXT, store, { label: 'q', onProblem: (p) => problems.push(p) });
    expect(problems).toEqual([]);
    expect(r).toEqual({ keys: 3, values: 14 });
    const v = (n: string) => store.getValue(K, n);
    expect(v('')).toEqual({ name: '', type: 'REG_SZ', typeNumber: 1, data: '' });
    expect(v('installpath')?.data).toBe('C:\\Program Files\\Multi-Factor Authentication Server\\');
    expect(v('ServicePort')).toEqual({ name: 'ServicePort', type: 'REG_DWORD', typeNumber: 4, data: 4444 });
    expect(v('Flags')?.data).toBe(0xffffffff);
    // A FILETIME is past 2^53: kept exact as a decimal string (types.ts).
    expect(v('LastSync')).toMatchObject({ type: 'REG_QWORD', typeNumber: 11, data: '133322260717367296' });
    expect(v('Quota')?.data).toBe(10_000_000_000);
    expect(v('Huge')?.data).toBe('18446744073709551615');
    expect(v('Servers')?.data).toEqual(['mfa01.contoso.local', 'mfa02.contoso.local']);
    expect(v('NoList')?.data).toEqual([]);
    expect(v('LogPath')).toMatchObject({
      type: 'REG_EXPAND_SZ',
      typeNumber: 2,
      data: '%ProgramFiles%\\Multi-Factor Authentication Server\\Logs',
    });
    expect(v('Thumb')).toMatchObject({ type: 'REG_BINARY', data: 'deadbeef00' });
    expect(v('Marker')).toMatchObject({ type: 'REG_NONE', typeNumber: 0, data: '' });
    expect(store.getValue(`HKLM\\software\\positive networks\\phonefactor\\PFSVC DATA`, 'owner')?.data).toBe('Bjørn Ærø Ünïcødé 日本');
    expect(store.subkeys(K).sort()).toEqual(['Empty Key', 'Pfsvc Data']);
    expect(store.getKey(`${K}\\Empty Key`)).toEqual({ path: `${K}\\Empty Key`, values: [] });
  });

  it.each([
    ['German', '(Standard)', '(Wert nicht festgelegt)'],
    ['Swedish', '(Standard)', '(värde inte angivet)'],
    ['Dutch', '(Standaard)', '(waarde niet ingesteld)'],
    ['French', '(par défaut)', '(valeur non définie)'],
  ])('reads the default value under its %s name %s, and "not set" as no value', (_lang, name, notSet) => {
    const text = [
      '',
      K,
      `    ${name}    REG_SZ    Multi-Factor Authentication Server`,
      '    Version    REG_SZ    8.0.1.1',
      '',
      `${K}\\Sub`,
      `    ${name}    REG_SZ    ${notSet}`,
      '',
    ].join('\r\n');
    const store = new RegistryStore();
    const problems: unknown[] = [];
    parseRegQueryOutput(text, store, { onProblem: (p) => problems.push(p) });
    expect(problems).toEqual([]);
    expect(store.getValue(K, '')?.data).toBe('Multi-Factor Authentication Server');
    expect(store.getValue(K, name)).toBeUndefined();
    expect(store.getKey(`${K}\\Sub`)?.values).toEqual([]);
  });

  it('reports bad lines with their line number and keeps going', () => {
    const text = [
      '',
      K,
      '    Good    REG_SZ    yes',
      '    Count    REG_QWORD    (null)',
      '    Odd    REG_BINARY    ABC',
      'garbage here',
      '    Later    REG_DWORD    0x1',
      '',
    ].join('\r\n');
    const store = new RegistryStore();
    const problems: { location: string; message: string }[] = [];
    parseRegQueryOutput(text, store, { label: 'reg query HKLM\\X', onProblem: (p) => problems.push(p) });
    expect(problems.map((p) => p.location)).toEqual(['reg query HKLM\\X:4', 'reg query HKLM\\X:5', 'reg query HKLM\\X:6']);
    expect(problems[0].message).toMatch(/Count: REG_QWORD data "\(null\)" is not 0x/);
    expect(problems[2].message).toBe('line not understood: "garbage here"');
    expect(store.getValue(K, 'Good')?.data).toBe('yes');
    expect(store.getValue(K, 'Later')?.data).toBe(1);
    expect(store.getValue(K, 'Count')).toBeUndefined();
  });

  it('keeps a string value that holds a line break', () => {
    const text = ['', K, '    Banner    REG_SZ    line one', 'line two', '    After    REG_SZ    x', ''].join('\r\n');
    const store = new RegistryStore();
    const problems: unknown[] = [];
    parseRegQueryOutput(text, store, { onProblem: (p) => problems.push(p) });
    expect(problems).toEqual([]);
    expect(store.getValue(K, 'Banner')?.data).toBe('line one\r\nline two');
    expect(store.getValue(K, 'After')?.data).toBe('x');
  });

  it('keeps only the keys of interest', () => {
    const store = new RegistryStore([{ path: `${K}\\Pfsvc Data` }]);
    parseRegQueryOutput(WINDOWS_TEXT, store, { onProblem: () => {} });
    expect(store.getValue(K, 'Version')).toBeUndefined();
    expect(store.getValue(`${K}\\Pfsvc Data`, 'Owner')).toBeDefined();
  });
});

describe('decodeRegOutput', () => {
  const owner = 'Bjørn Ærø Ünïcødé 日本';
  it('takes UTF-8 (what reg.exe writes after chcp 65001) as is, without asking the code page', async () => {
    let asked = false;
    const d = await decodeRegOutput(Buffer.from(`    Owner    REG_SZ    ${owner}\r\n`, 'utf8'), async () => ((asked = true), 437));
    expect(d.text).toContain(owner);
    expect(d.encoding).toBe('utf-8');
    expect(d.warning).toBeUndefined();
    expect(asked).toBe(false);
  });

  it('decodes code page 850 and 437 bytes and warns that characters may be lost', async () => {
    // "Bjørn Ærø Ünïcødé" in code page 850: ø=9B Æ=92 Ü=9A ï=8B é=82.
    const cp850 = Buffer.from([0x42, 0x6a, 0x9b, 0x72, 0x6e, 0x20, 0x92, 0x72, 0x9b, 0x20, 0x9a, 0x6e, 0x8b, 0x63, 0x9b, 0x64, 0x82]);
    const d = await decodeRegOutput(cp850, async () => 850);
    expect(d.text).toBe('Bjørn Ærø Ünïcødé');
    expect(d.encoding).toBe('cp850');
    expect(d.warning).toMatch(/code page 850, not UTF-8/);
    const d437 = await decodeRegOutput(Buffer.from([0x92, 0x9a, 0x8b, 0xe1]), async () => 437);
    expect(d437.text).toBe('ÆÜïß');
  });

  it('decodes a Japanese host (code page 932) with TextDecoder', async () => {
    const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b]); // 日本
    const d = await decodeRegOutput(sjis, async () => 932);
    expect(d.text).toBe('日本');
  });

  it('falls back to Latin-1 with a warning for a code page it does not know', async () => {
    const d = await decodeRegOutput(Buffer.from([0xe9]), async () => 1361);
    expect(d.text).toBe('é');
    expect(d.warning).toMatch(/1361\) is not one we decode/);
  });
});
