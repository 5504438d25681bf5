import { describe, expect, it } from 'vitest';
import { RegistryStore } from '../../src/registry/store.js';
import type { RegValue } from '../../src/registry/types.js';
import { bothViews, num, PHONEFACTOR_KEY, regEvidence, short, str, valueInViews, wow64 } from '../../src/probes/registry.js';

const v = (type: RegValue['type'], data: RegValue['data']): RegValue => ({ name: 'x', type, typeNumber: 0, data });

describe('registry helpers', () => {
  it.each([
    [
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Positive Networks\\PhoneFactor',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor',
    ],
    ['HKEY_LOCAL_MACHINE\\software\\X', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\X'],
    ['HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\X', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\X'],
    ['HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet', 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet'],
  ])('wow64(%s)', (key, want) => {
    expect(wow64(key)).toBe(want);
  });

  it('bothViews gives the 32-bit view first, and one view where there is no other', () => {
    expect(bothViews(PHONEFACTOR_KEY)).toEqual([wow64(PHONEFACTOR_KEY), PHONEFACTOR_KEY]);
    expect(bothViews('HKEY_LOCAL_MACHINE\\SYSTEM\\X')).toEqual(['HKEY_LOCAL_MACHINE\\SYSTEM\\X']);
  });

  it.each([
    ['REG_SZ', 'a', 'a'],
    ['REG_EXPAND_SZ', '%ProgramFiles%\\x', '%ProgramFiles%\\x'],
    ['REG_DWORD', 5, '5'],
    ['REG_MULTI_SZ', ['a', 'b'], 'a b'],
    ['REG_BINARY', '0a0b', '0a0b'],
  ] as const)('str of %s', (type, data, want) => {
    expect(str(v(type, data as RegValue['data']))).toBe(want);
  });

  it.each([
    [v('REG_DWORD', 528040), 528040],
    [v('REG_SZ', ' 461808 '), 461808],
    [v('REG_SZ', '4.8'), null],
    [v('REG_MULTI_SZ', ['1']), null],
    [undefined, null],
  ])('num(%j) = %j', (value, want) => {
    expect(num(value)).toBe(want);
  });

  it('valueInViews takes the first view that has the value', () => {
    const reg = new RegistryStore();
    reg.setValue(PHONEFACTOR_KEY, { name: 'InstallPath', type: 'REG_SZ', typeNumber: 1, data: 'C:\\64' });
    expect(valueInViews(reg, PHONEFACTOR_KEY, 'installpath')).toMatchObject({ key: PHONEFACTOR_KEY, value: { data: 'C:\\64' } });
    reg.setValue(wow64(PHONEFACTOR_KEY), { name: 'InstallPath', type: 'REG_SZ', typeNumber: 1, data: 'C:\\32' });
    expect(valueInViews(reg, PHONEFACTOR_KEY, 'InstallPath')?.value.data).toBe('C:\\32');
    expect(valueInViews(reg, PHONEFACTOR_KEY, 'Nope')).toBeNull();
  });

  it('evidence names the key in short form and (Default) for the unnamed value', () => {
    expect(short('HKEY_LOCAL_MACHINE\\SOFTWARE\\X')).toBe('HKLM\\SOFTWARE\\X');
    expect(regEvidence('HKEY_LOCAL_MACHINE\\SOFTWARE\\X', '', 'v')).toEqual({
      source: 'registry',
      location: 'HKLM\\SOFTWARE\\X\\(Default)',
      observed: 'v',
    });
  });
});
