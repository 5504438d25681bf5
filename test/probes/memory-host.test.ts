import { describe, expect, it } from 'vitest';
import { memoryHost, MEMORY_DEFAULT_MTIME } from '../../src/host/memory.js';

describe('MemoryHost: files and folders', () => {
  const host = () =>
    memoryHost()
      .file('C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata', 'DATA', { mtime: '2026-11-01T10:00:00Z' })
      .file('c:/program files/PhoneFactor/pfsvc.exe', 'MZ')
      .dir('E:\\Backups');

  it('resolves paths case-insensitively, with forward slashes and %VARS%', async () => {
    const h = host();
    const st = await h.stat('%ProgramFiles%/PHONEFACTOR/data/phonefactor.PFDATA');
    expect(st).toMatchObject({ isFile: true, isDirectory: false, size: 4, mtime: '2026-11-01T10:00:00.000Z' });
    expect(st!.path).toBe('C:\\Program Files\\PHONEFACTOR\\data\\phonefactor.PFDATA');
  });

  it('makes the folders on the way, named as first added', async () => {
    const h = host();
    expect(await h.list('C:\\PROGRAM FILES')).toEqual([
      { name: 'PhoneFactor', path: 'C:\\PROGRAM FILES\\PhoneFactor', isFile: false, isDirectory: true },
    ]);
    expect((await h.list('C:\\Program Files\\PhoneFactor')).map((e) => [e.name, e.isFile])).toEqual([
      ['Data', false],
      ['pfsvc.exe', true],
    ]);
    expect((await h.stat('C:\\Program Files\\PhoneFactor'))?.mtime).toBe('2026-11-01T10:00:00.000Z');
  });

  it('gives null or [] for what is missing, and knows other drives', async () => {
    const h = host();
    expect(await h.stat('C:\\nope')).toBeNull();
    expect(await h.readFile('C:\\Program Files\\PhoneFactor\\pfsvc.exe\\x')).toBeNull();
    expect(await h.list('C:\\nope')).toEqual([]);
    expect(await h.stat('E:\\')).toMatchObject({ isDirectory: true });
    expect(await h.stat('D:\\')).toBeNull();
    expect(h.problems).toEqual([]);
  });

  it('reads capped, hashes, and decodes a utf16le string content with a BOM', async () => {
    const h = memoryHost().file('C:\\a.txt', 'hello world').file('C:\\u.ps1', 'x', { encoding: 'utf16le' });
    expect(await h.readFile('C:\\a.txt', 5)).toEqual({ data: Buffer.from('hello'), truncated: true });
    expect(await h.sha256('C:\\a.txt')).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect((await h.readFile('C:\\u.ps1'))!.data).toEqual(Buffer.from([0xff, 0xfe, 0x78, 0x00]));
    expect((await h.stat('C:\\a.txt'))!.mtime).toBe(MEMORY_DEFAULT_MTIME);
  });

  it('a folder that cannot be read: it stats, lists nothing, and what is below is unreadable, not missing', async () => {
    const h = memoryHost().file('C:\\MFA\\Data\\PhoneFactor.pfdata', 'x').cannotRead('C:\\MFA\\Data');
    expect(await h.stat('C:\\MFA\\Data')).toMatchObject({ isDirectory: true });
    expect(await h.list('C:\\MFA\\Data')).toEqual([]);
    expect(await h.stat('C:\\MFA\\Data\\PhoneFactor.pfdata')).toBeNull();
    expect(h.unreadable('C:\\MFA\\Data\\PhoneFactor.pfdata')).toBe(true);
    expect(h.unreadable('C:\\MFA\\other')).toBe(false);
    expect(h.problems).toEqual([{ location: 'C:\\MFA\\Data', message: 'folder cannot be read: permission denied' }]);
  });

  it('a file that cannot be read stats but gives no bytes and no digest', async () => {
    const h = memoryHost().file('C:\\x\\web.config', '<configuration/>').cannotRead('C:\\x\\web.config');
    expect(await h.stat('C:\\x\\web.config')).toMatchObject({ isFile: true, size: 16 });
    expect(await h.readFile('C:\\x\\web.config')).toBeNull();
    expect(await h.sha256('C:\\x\\web.config')).toBeNull();
    expect(h.problems).toEqual([{ location: 'C:\\x\\web.config', message: 'cannot be read: permission denied' }]);
  });

  it('a name kept with trailing dots or spaces is found as Windows finds it', async () => {
    const h = memoryHost().file('C:\\Themes\\Contoso. \\a.css', 'x');
    expect(await h.stat('C:\\themes\\contoso\\A.CSS')).toMatchObject({ isFile: true });
    expect(await h.stat('C:\\themes\\contos\\a.css')).toBeNull();
  });

  it('refuses a ".." segment and says so', async () => {
    const h = host();
    expect(await h.stat('C:\\Program Files\\..\\Windows')).toBeNull();
    expect(h.problems[0]?.message).toMatch(/"\.\." segment/);
  });

  it('expands with the registry env once set (a localized Program Files)', async () => {
    const h = memoryHost().file('C:\\Programme\\PhoneFactor\\pfsvc.exe', 'MZ');
    expect(await h.stat('%ProgramFiles%\\PhoneFactor\\pfsvc.exe')).toBeNull();
    h.setRegistryEnv({ ProgramFiles: 'C:\\Programme' });
    expect(await h.stat('%ProgramFiles%\\PhoneFactor\\pfsvc.exe')).not.toBeNull();
  });

  it('the input digest changes with what was read', async () => {
    const a = memoryHost().file('C:\\a.txt', 'one');
    const b = memoryHost().file('C:\\a.txt', 'two');
    await a.readFile('C:\\a.txt');
    await b.readFile('C:\\a.txt');
    expect(a.inputDigest()).not.toBe(b.inputDigest());
    expect(a.inputDigest()).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('MemoryHost: registry, manifest, host info', () => {
  it('keeps only the keys asked for, case-insensitively, with typed values', async () => {
    const h = memoryHost()
      .reg('HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', { InstallPath: 'C:\\PF', Version: 5, Names: ['a', 'b'] })
      .reg('HKLM\\SOFTWARE\\Other', { X: 'y' })
      .reg('HKLM\\SOFTWARE\\Empty');
    const reg = await h.loadRegistry([{ path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\positive networks' }, { path: 'HKLM\\SOFTWARE\\Empty' }]);
    expect(reg.getValue('HKLM\\SOFTWARE\\POSITIVE NETWORKS\\PhoneFactor', 'installpath')).toMatchObject({ type: 'REG_SZ', data: 'C:\\PF' });
    expect(reg.getValue('HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', 'Version')).toMatchObject({
      type: 'REG_DWORD',
      typeNumber: 4,
      data: 5,
    });
    expect(reg.getValue('HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', 'Names')).toMatchObject({
      type: 'REG_MULTI_SZ',
      data: ['a', 'b'],
    });
    expect(reg.getKey('HKLM\\SOFTWARE\\Other')).toBeUndefined();
    expect(reg.getKey('HKLM\\SOFTWARE\\Empty')).toEqual({ path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Empty', values: [] });
    expect(h.registrySources()).toBe(1);
    expect(memoryHost().registrySources()).toBe(0);
  });

  it('manifest entries are found by any spelling of their path', () => {
    const h = memoryHost().manifestFile({ path: 'c:/program files/PhoneFactor/Data/PhoneFactor.pfdata', size: 10, sha256: 'ab' });
    expect(h.manifestEntry('C:\\PROGRAM FILES\\PhoneFactor\\Data\\PhoneFactor.pfdata')).toEqual({
      path: 'C:\\program files\\PhoneFactor\\Data\\PhoneFactor.pfdata',
      size: 10,
      sha256: 'ab',
    });
    expect(h.manifestEntries()).toHaveLength(1);
  });

  it('bundle info and registry completeness', () => {
    const h = memoryHost().bundleJson({ hostname: 'MFA01', env: { ProgramFiles: 'D:\\PF' } });
    expect(h.bundle?.hostname).toBe('MFA01');
    expect(h.expand('%ProgramFiles%\\x')).toBe('D:\\PF\\x');
    expect(h.registryComplete).toBe(false);
    expect(memoryHost({ kind: 'live' }).registryComplete).toBe(true);
    expect(memoryHost().completeRegistry().registryComplete).toBe(true);
  });
});
