import { describe, expect, it } from 'vitest';
import { RegistryStore } from '../../src/registry/store.js';
import {
  bothViews,
  getKeyEitherView,
  getValueEitherView,
  interestsBothViews,
  otherView,
  subkeysEitherView,
} from '../../src/registry/views.js';
import { expandRegPath, isAtOrUnder } from '../../src/registry/path.js';
import { parseBuf, v5 } from './helpers.js';

describe('32/64-bit views', () => {
  it.each([
    ['HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor'],
    ['HKEY_LOCAL_MACHINE\\software\\wow6432node\\Positive Networks', 'HKEY_LOCAL_MACHINE\\software\\Positive Networks'],
    ['HKLM\\SYSTEM\\CurrentControlSet', undefined],
    ['HKCU\\Software\\X', undefined],
    ['HKLM\\SOFTWARE', undefined],
    ['HKLM\\SOFTWARE\\WOW6432Node', undefined],
  ])('otherView(%s)', (p, want) => {
    expect(otherView(p)).toBe(want);
  });

  const store = parseBuf(
    v5(`Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor]
"InstallPath"="C:\\\\Program Files\\\\Multi-Factor Authentication Server\\\\"

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{64}]
"DisplayName"="64-bit app"

[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{32}]
"DisplayName"="Multi-Factor Authentication Server"
`),
  ).store;

  it('finds a 32-bit key asked for by its 64-bit path, and says where', () => {
    const r = getValueEitherView(store, 'HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', 'InstallPath');
    expect(r?.path).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor');
    expect(r?.value.data).toBe('C:\\Program Files\\Multi-Factor Authentication Server\\');
    expect(getKeyEitherView(store, 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{64}')?.path).toBe(
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{64}',
    );
    expect(getValueEitherView(store, 'HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', 'Missing')).toBeUndefined();
  });

  it('lists subkeys of both views', () => {
    expect(subkeysEitherView(store, 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall').map((s) => s.path)).toEqual([
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{64}',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{32}',
    ]);
  });

  it('widens interests to both views, so a filtered store still finds the 32-bit key', () => {
    const interests = interestsBothViews([{ path: 'HKLM\\SOFTWARE\\Positive Networks' }, { path: 'HKLM\\SYSTEM\\X', recursive: false }]);
    expect(interests).toEqual([
      { path: 'HKLM\\SOFTWARE\\Positive Networks' },
      { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks' },
      { path: 'HKLM\\SYSTEM\\X', recursive: false },
    ]);
    const s = new RegistryStore(interests);
    s.setValue('HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor', { name: 'v', type: 'REG_SZ', typeNumber: 1, data: '1' });
    expect(getValueEitherView(s, 'HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', 'v')?.value.data).toBe('1');
    expect(bothViews('HKLM\\SYSTEM\\X')).toEqual(['HKLM\\SYSTEM\\X']);
  });

  it('path helpers', () => {
    expect(expandRegPath('hkcu\\Software\\\\X\\')).toBe('HKEY_CURRENT_USER\\Software\\X');
    expect(expandRegPath('nonsense')).toBe('nonsense');
    expect(isAtOrUnder('HKEY_LOCAL_MACHINE\\SOFTWARE\\A\\B', 'hklm\\software\\a')).toBe(true);
    expect(isAtOrUnder('HKLM\\SOFTWARE\\AB', 'HKLM\\SOFTWARE\\A')).toBe(false);
  });
});
