import { describe, expect, it } from 'vitest';
import { RegistryStore } from '../../src/registry/store.js';
import type { RegValue } from '../../src/registry/types.js';

const sz = (name: string, data: string): RegValue => ({ name, type: 'REG_SZ', typeNumber: 1, data });
const PF = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';

describe('RegistryStore', () => {
  it('normalises roots and case on input, keeps original case on output', () => {
    const s = new RegistryStore();
    for (const root of ['HKLM', 'hklm', 'HKEY_LOCAL_MACHINE', 'hkey_local_machine']) {
      expect(s.createKey(`${root}\\SOFTWARE\\Contoso`)).toBe(true);
    }
    expect(s.keyCount()).toBe(1);
    s.setValue('HKLM\\software\\CONTOSO', sz('InstallPath', 'C:\\Contoso'));
    expect(s.getKey('hkey_local_machine\\SOFTWARE\\contoso')).toEqual({
      path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso',
      values: [sz('InstallPath', 'C:\\Contoso')],
    });
    expect(s.getValue('HKLM\\SOFTWARE\\Contoso', 'installpath')?.name).toBe('InstallPath');
    for (const [short, long] of [
      ['HKCU', 'HKEY_CURRENT_USER'],
      ['HKCR', 'HKEY_CLASSES_ROOT'],
      ['HKU', 'HKEY_USERS'],
      ['HKCC', 'HKEY_CURRENT_CONFIG'],
    ]) {
      s.setValue(`${short}\\X`, sz('', short));
      expect(s.getValue(`${long}\\x`, '')?.data).toBe(short);
    }
    expect(s.createKey('HKXX\\Nope')).toBe(false);
    expect(s.getKey('HKXX\\Nope')).toBeUndefined();
  });

  it('implicit parents answer subkeys/hasAnyUnder but are not counted as keys', () => {
    const s = new RegistryStore();
    s.createKey(`${PF}\\Settings`);
    expect(s.keyCount()).toBe(1);
    expect(s.subkeys('HKLM\\SOFTWARE\\WOW6432Node')).toEqual(['Positive Networks']);
    expect(s.hasAnyUnder('HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks')).toBe(true);
    expect(s.hasAnyUnder('HKLM\\SOFTWARE\\Microsoft')).toBe(false);
    expect([...s.keys()].map((k) => k.path)).toEqual([`${PF}\\Settings`]);
  });

  it('deleteKey removes the subtree and its counts; deleteValue one value', () => {
    const s = new RegistryStore();
    s.setValue(PF, sz('A', '1'));
    s.setValue(`${PF}\\Settings`, sz('B', '2'));
    s.setValue(`${PF}\\Settings\\Deep`, sz('C', '3'));
    s.setValue('HKLM\\SOFTWARE\\Other', sz('D', '4'));
    expect([s.keyCount(), s.valueCount()]).toEqual([4, 4]);
    expect(s.deleteKey(`${PF.toUpperCase()}\\SETTINGS`)).toBe(true);
    expect([s.keyCount(), s.valueCount()]).toEqual([2, 2]);
    expect(s.getKey(`${PF}\\Settings\\Deep`)).toBeUndefined();
    expect(s.subkeys(PF)).toEqual([]);
    expect(s.deleteKey(`${PF}\\Settings`)).toBe(false);
    expect(s.deleteValue(PF, 'a')).toBe(true);
    expect(s.deleteValue(PF, 'a')).toBe(false);
    expect([s.keyCount(), s.valueCount()]).toEqual([2, 1]);
  });

  it('an interest filter keeps keys at or below the interests only', () => {
    const s = new RegistryStore([{ path: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks' }]);
    expect(s.createKey('HKLM\\SOFTWARE\\Microsoft\\Windows')).toBe(false);
    expect(s.setValue('HKLM\\SOFTWARE\\Microsoft\\Windows', sz('x', 'y'))).toBe(false);
    expect(s.createKey('HKLM\\SOFTWARE\\WOW6432Node\\Positive NetworksX')).toBe(false); // a prefix, not a parent
    expect(s.createKey('HKLM\\SOFTWARE\\WOW6432Node\\POSITIVE NETWORKS')).toBe(true);
    expect(s.setValue(`${PF}\\Settings`, sz('Port', '4898'))).toBe(true);
    expect(s.keyCount()).toBe(2);
    expect(s.valueCount()).toBe(1);
    expect(s.hasAnyUnder('HKLM\\SOFTWARE\\Microsoft')).toBe(false);
    expect(s.wants(`${PF}\\Anything\\Below`)).toBe(true);
    expect(s.wants('HKLM\\SOFTWARE')).toBe(false);
  });

  it('a non-recursive interest keeps the key and the names of its subkeys, not their contents', () => {
    const U = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion';
    const s = new RegistryStore([{ path: U, recursive: false }]);
    expect(s.setValue(U, sz('ProgramFilesDir', 'D:\\Programs'))).toBe(true);
    expect(s.createKey(`${U}\\Uninstall`)).toBe(false);
    expect(s.createKey(`${U}\\Run\\Deep`)).toBe(false);
    expect(s.setValue(`${U}\\Uninstall`, sz('x', 'y'))).toBe(false);
    expect(s.subkeys(U).sort()).toEqual(['Run', 'Uninstall']);
    expect(s.hasAnyUnder(`${U}\\Run`)).toBe(true);
    expect(s.hasAnyUnder(`${U}\\Run\\Deep`)).toBe(false);
    expect(s.keyCount()).toBe(1);
    expect(s.getValue(U, 'ProgramFilesDir')?.data).toBe('D:\\Programs');
  });

  it('keys() yields parents before children in first-seen order', () => {
    const s = new RegistryStore();
    for (const p of ['HKLM\\S\\B', 'HKLM\\S\\A', 'HKLM\\S\\B\\1', 'HKCU\\X', 'HKLM\\S']) s.createKey(p);
    expect([...s.keys()].map((k) => k.path)).toEqual([
      'HKEY_LOCAL_MACHINE\\S',
      'HKEY_LOCAL_MACHINE\\S\\B',
      'HKEY_LOCAL_MACHINE\\S\\B\\1',
      'HKEY_LOCAL_MACHINE\\S\\A',
      'HKEY_CURRENT_USER\\X',
    ]);
  });
});
