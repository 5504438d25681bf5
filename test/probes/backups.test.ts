import { describe, expect, it } from 'vitest';
import { UNC_WHY, findFileBackups, findFolderBackups, isCopyName, isUncPath, walkFiles } from '../../src/probes/backups.js';
import { fileStat } from '../../src/probes/context.js';
import { memoryHost, type MemoryHost } from '../helpers/memory.js';

describe('isCopyName', () => {
  it.each([
    // Suffixes: words, numbers and dates, after . _ or -
    ['web.config', 'web.config.bak', true],
    ['web.config', 'web.config.BAK2', true],
    ['web.config', 'web.config.old', true],
    ['web.config', 'web.config_backup', true],
    ['web.config', 'web.config-orig', true],
    ['web.config', 'web.config.20261101', true],
    ['web.config', 'web.config.2026-11-01', true],
    ['web.config', 'web.config.bak.20261101', true],
    ['PhoneFactor.pfdata', 'PhoneFactor.pfdata.save', true],
    ['PhoneFactor.pfdata', 'PhoneFactor.pfdata.copy', true],
    // Date stamps and words before the extension, or a date in front (how people name dated copies)
    ['PhoneFactor.pfdata', 'Phonefactor_2026-11-02.pfdata', true],
    ['PhoneFactor.pfdata', 'PhoneFactor-20261102.pfdata', true],
    ['PhoneFactor.pfdata', 'PhoneFactor 2026-11-02.pfdata', true],
    ['PhoneFactor.pfdata', 'PhoneFactor.2026.11.02.pfdata', true],
    ['PhoneFactor.pfdata', 'PhoneFactor_bak.pfdata', true],
    ['PhoneFactor.pfdata', 'PhoneFactor_backup_20261102.pfdata', true],
    ['PhoneFactor.pfdata', '2026-11-02_PhoneFactor.pfdata', true],
    ['PhoneFactor.pfdata', '20261102-PhoneFactor.pfdata', true],
    ['web.config', 'web_20261101.config', true],
    // Explorer's copies, and localized ones
    ['web.config', 'Copy of web.config', true],
    ['web.config', 'Copy (2) of web.config', true],
    ['web.config', 'web - Copy.config', true],
    ['PhoneFactor.pfdata', 'PhoneFactor - Copy.pfdata', true],
    ['PhoneFactor.pfdata', 'PhoneFactor - Copy (3).pfdata', true],
    ['PhoneFactor.pfdata', 'PhoneFactor - Kopie.pfdata', true],
    ['PhoneFactor.pfdata', 'PhoneFactor - Copie.pfdata', true],
    ['web.config', 'web.config - Copy', true],
    ['Contoso', 'Contoso - Copy', true],
    ['Contoso', 'Contoso.bak', true],
    ['Data', 'Data.old', true],
    // Not copies
    ['web.config', 'web.config', false],
    ['web.config', 'WEB.CONFIG', false],
    ['web.config', 'web.config.xml', false],
    ['web.config', 'web.configuration', false],
    ['web.config', 'web.config.bakery', false],
    ['web.config', 'old.web.config', false],
    ['web.config', 'web.config.1', false],
    ['PhoneFactor.pfdata', 'PhoneFactor.pfdata.tmp', false],
    ['PhoneFactor.pfdata', 'PhoneFactor2.pfdata', false],
    ['Contoso', 'Contoso2', false],
    ['PhoneFactor.pfdata', 'PhoneFactor_1.pfdata', false],
    ['PhoneFactor.pfdata', 'PhoneFactorX.pfdata', false],
    ['PhoneFactor.pfdata', 'PhoneFactor_2026-11-02.pfdata.tmp', false],
    ['PhoneFactor.pfdata', 'old_PhoneFactor.pfdata', false],
    ['PhoneFactor.pfdata', '2026-11-02PhoneFactor.pfdata', false],
  ])('%s / %s -> %s', (original, candidate, want) => {
    expect(isCopyName(original, candidate)).toBe(want);
  });

  it('a name with regex specials is taken literally', () => {
    expect(isCopyName('a+b (1).config', 'a+b (1).config.bak')).toBe(true);
    expect(isCopyName('a+b (1).config', 'aab (1).config.bak')).toBe(false);
    expect(isCopyName('a.b', 'Copy of aXb')).toBe(false);
  });
});

const DATA = 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata';
const OPTS = { backupDirs: ['E:\\Backups'], folderNames: ['Data', 'PhoneFactor'] };
const t = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;

async function search(h: MemoryHost, path = DATA, opts: Parameters<typeof findFileBackups>[2] = OPTS) {
  return findFileBackups(h, await fileStat(h, path), opts);
}

describe('findFileBackups', () => {
  it('no copy anywhere: searched, nothing found', async () => {
    const f = await search(
      memoryHost()
        .file(DATA, 'DATA', { mtime: t(10) })
        .file('C:\\Program Files\\PhoneFactor\\pfsvc.exe', 'MZ'),
    );
    expect(f).toMatchObject({ searched: true, candidates: [] });
  });

  it('the original missing: not searched', async () => {
    const f = await search(memoryHost().file('C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata.bak', 'x'));
    expect(f).toMatchObject({ searched: false, candidates: [] });
  });

  it('a copy-named file beside it: current when not older, stale when older', async () => {
    const h = memoryHost()
      .file(DATA, 'DATA-NOW', { mtime: t(10) })
      .file(`${DATA}.bak`, 'DATA-OLD', { mtime: t(1) })
      .file('C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor - Copy.pfdata', 'DATA-NEW', { mtime: t(11) });
    const f = await search(h);
    expect(f.candidates.map((c) => [c.path.split('\\').pop(), c.reason, c.current])).toEqual([
      ['PhoneFactor - Copy.pfdata', 'copy-name', true],
      ['PhoneFactor.pfdata.bak', 'copy-name', false],
    ]);
  });

  it('a same-content file under another name in the parent folder: same-content, current whatever its time', async () => {
    const h = memoryHost()
      .file(DATA, 'DATA', { mtime: t(10) })
      .file('C:\\Program Files\\PhoneFactor\\saved.dat', 'DATA', { mtime: t(1) })
      .file('C:\\Program Files\\PhoneFactor\\other.dat', 'ATAD', { mtime: t(1) });
    const f = await search(h);
    expect(f.candidates).toEqual([
      {
        path: 'C:\\Program Files\\PhoneFactor\\saved.dat',
        reason: 'same-content',
        mtime: '2026-11-01T10:00:00.000Z',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        current: true,
        source: 'file',
      },
    ]);
  });

  it('a copy of the whole folder beside it ("Data - Copy\\PhoneFactor.pfdata")', async () => {
    const h = memoryHost()
      .file(DATA, 'DATA', { mtime: t(10) })
      .file('C:\\Program Files\\PhoneFactor\\Data - Copy\\PhoneFactor.pfdata', 'OLDER', { mtime: t(12) });
    const f = await search(h);
    expect(f.candidates.map((c) => [c.path, c.reason, c.current])).toEqual([
      ['C:\\Program Files\\PhoneFactor\\Data - Copy\\PhoneFactor.pfdata', 'copy-name', true],
    ]);
  });

  it('in a backup folder: counts where a folder on the way is named like the part, or the content identifies it', async () => {
    const h = memoryHost()
      .file(DATA, 'DATA', { mtime: t(10) })
      .file('E:\\Backups\\2026-11\\PhoneFactor\\PhoneFactor.pfdata', 'OLD1', { mtime: t(11) })
      .file('E:\\Backups\\misc\\PhoneFactor.pfdata', 'OLD2', { mtime: t(11) })
      .file('E:\\Backups\\other\\PhoneFactor.pfdata', 'MARK', { mtime: t(11) });
    const f = await search(h, DATA, { ...OPTS, identifies: (d) => d.toString() === 'MARK' });
    expect(f.candidates.map((c) => [c.path, c.reason])).toEqual([
      ['E:\\Backups\\2026-11\\PhoneFactor\\PhoneFactor.pfdata', 'backup-folder'],
      ['E:\\Backups\\other\\PhoneFactor.pfdata', 'backup-folder'],
    ]);
  });

  it('copies described only in manifest.json: beside the original or in a backup folder', async () => {
    const h = memoryHost()
      .file(DATA, 'DATA', { mtime: t(10) })
      .manifestFile({ path: `${DATA}.bak`, size: 4, mtime: t(2) })
      .manifestFile({ path: 'E:\\Backups\\PhoneFactor.pfdata', size: 4, mtime: t(12) })
      .manifestFile({ path: 'D:\\elsewhere\\PhoneFactor.pfdata', size: 4, mtime: t(12) });
    const f = await search(h);
    expect(f.candidates.map((c) => [c.path, c.reason, c.current, c.source])).toEqual([
      [`${DATA}.bak`, 'copy-name', false, 'manifest'],
      ['E:\\Backups\\PhoneFactor.pfdata', 'backup-folder', true, 'manifest'],
    ]);
  });

  // A same-named file at the top of a backup folder is a candidate, copied or described in manifest.json alike.
  it('a stale copy at the top of a backup folder counts the same copied or described in manifest.json', async () => {
    const onDisk = await search(
      memoryHost()
        .file(DATA, 'DATA', { mtime: t(10) })
        .file('E:\\Backups\\PhoneFactor.pfdata', 'OLD!', { mtime: t(1) }),
    );
    const described = await search(
      memoryHost()
        .file(DATA, 'DATA', { mtime: t(10) })
        .manifestFile({ path: 'E:\\Backups\\PhoneFactor.pfdata', size: 4, mtime: t(1) }),
    );
    expect(described.candidates.map((c) => [c.path, c.reason, c.current])).toEqual([
      ['E:\\Backups\\PhoneFactor.pfdata', 'backup-folder', false],
    ]);
    expect(onDisk.candidates.map((c) => [c.path, c.reason, c.current])).toEqual(
      described.candidates.map((c) => [c.path, c.reason, c.current]),
    );
  });

  it('a dated copy of the data file anywhere in a backup folder counts where the name identifies it', async () => {
    const h = memoryHost()
      .file(DATA, 'DATA', { mtime: t(10) })
      .file('E:\\Backups\\2026-11-02\\Phonefactor_2026-11-02.pfdata', 'OLD!', { mtime: t(2) })
      .file('E:\\Backups\\Phonefactor_2026-11-11.pfdata', 'NEW!', { mtime: t(11) });
    const plain = await search(h);
    expect(plain.candidates.map((c) => [c.path, c.reason, c.current])).toEqual([
      ['E:\\Backups\\Phonefactor_2026-11-11.pfdata', 'backup-folder', true],
    ]);
    const named = await search(h, DATA, { ...OPTS, nameIdentifies: true });
    expect(named.candidates.map((c) => [c.path, c.reason, c.current])).toEqual([
      ['E:\\Backups\\2026-11-02\\Phonefactor_2026-11-02.pfdata', 'backup-folder', false],
      ['E:\\Backups\\Phonefactor_2026-11-11.pfdata', 'backup-folder', true],
    ]);
  });

  it('a UNC backup folder stays UNC: not searched (never as C:\\fs01), named with why', async () => {
    const h = memoryHost()
      .file(DATA, 'DATA', { mtime: t(10) })
      .file('C:\\fs01\\MFABackup$\\MFA01\\PhoneFactor.pfdata', 'DATA', { mtime: t(10) });
    const f = await search(h, DATA, { ...OPTS, backupDirs: ['\\\\fs01\\MFABackup$\\MFA01\\', 'E:\\Backups'] });
    expect(f.candidates).toEqual([]);
    expect(f.unsearched).toEqual([{ path: '\\\\fs01\\MFABackup$\\MFA01', why: UNC_WHY }]);
    expect(isUncPath('//fs01/MFABackup$')).toBe(true);
    expect(isUncPath('\\\\?\\C:\\Backups')).toBe(false);
    expect(isUncPath('E:\\Backups')).toBe(false);
  });

  it('a backup folder that cannot be read finds nothing there and says so', async () => {
    const h = memoryHost().file(DATA, 'DATA').file('E:\\Backups\\PhoneFactor\\PhoneFactor.pfdata', 'X').cannotRead('E:\\Backups');
    const f = await search(h);
    expect(f.candidates).toEqual([]);
    expect(h.problems).toEqual([{ location: 'E:\\Backups', message: 'folder cannot be read: permission denied' }]);
  });
});

describe('findFolderBackups and walkFiles', () => {
  const THEME = 'C:\\inetpub\\wwwroot\\PhoneFactor\\App_Themes\\Contoso';

  it('walkFiles lists files below a folder, depth first', async () => {
    const h = memoryHost().file(`${THEME}\\a.css`, 'a').file(`${THEME}\\img\\logo.png`, 'p').dir(`${THEME}\\empty`);
    expect((await walkFiles(h, THEME)).map((e) => e.path)).toEqual([`${THEME}\\a.css`, `${THEME}\\img\\logo.png`]);
    expect((await walkFiles(h, THEME, 0)).map((e) => e.name)).toEqual(['a.css']);
  });

  it('a copy-named sibling with every file: current; one missing a file: not current', async () => {
    const h = memoryHost()
      .file(`${THEME}\\a.css`, 'A', { mtime: t(5) })
      .file(`${THEME}\\b.css`, 'B', { mtime: t(6) })
      .file(`${THEME} - Copy\\a.css`, 'A', { mtime: t(1) })
      .file(`${THEME} - Copy\\b.css`, 'B', { mtime: t(1) })
      .file(`${THEME}.bak\\a.css`, 'A2', { mtime: t(9) });
    const f = await findFolderBackups(h, THEME, { backupDirs: [], folderNames: ['PhoneFactor'] });
    expect(f.original).toMatchObject({ path: THEME, exists: true, mtime: '2026-11-06T10:00:00.000Z', size: null });
    expect(f.candidates.map((c) => [c.path.split('\\').pop(), c.reason, c.current])).toEqual([
      ['Contoso - Copy', 'same-content', true],
      ['Contoso.bak', 'copy-name', false],
    ]);
  });

  it('a copy of App_Themes holding the theme, and a backup folder named like the part', async () => {
    const h = memoryHost()
      .file(`${THEME}\\a.css`, 'A', { mtime: t(5) })
      .file('C:\\inetpub\\wwwroot\\PhoneFactor\\App_Themes.old\\Contoso\\a.css', 'A-changed', { mtime: t(7) })
      .file('E:\\Backups\\PhoneFactor\\Contoso\\a.css', 'A', { mtime: t(1) })
      .file('E:\\Backups\\unrelated\\Contoso\\a.css', 'A', { mtime: t(1) });
    const f = await findFolderBackups(h, THEME, { backupDirs: ['E:\\Backups'], folderNames: ['PhoneFactor'] });
    expect(f.candidates.map((c) => [c.path, c.reason, c.current])).toEqual([
      ['C:\\inetpub\\wwwroot\\PhoneFactor\\App_Themes.old\\Contoso', 'copy-name', true],
      ['E:\\Backups\\PhoneFactor\\Contoso', 'same-content', true],
    ]);
  });

  it('a folder that is not there: not searched', async () => {
    expect(await findFolderBackups(memoryHost(), THEME, { backupDirs: [], folderNames: [] })).toMatchObject({
      searched: false,
      candidates: [],
    });
  });
});
