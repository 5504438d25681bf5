import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPHOST, BASE, DATA_DIR, PORTAL, naming, regV5, scanOk, stageHost } from './helpers.js';

/**
 * Hostile file systems (issue 6, part 2): multi-GB files, links and `..` out of the bundle, a path
 * loop, a named pipe where a config file should be, and names Windows allows that Linux shows oddly.
 * Everything is made at test time in a temp copy of the richest fixture.
 */

const GB = 1024 * 1024 * 1024;

describe('files of several GB', () => {
  let dir: string;
  beforeAll(() => {
    dir = stageHost(BASE);
    // Sparse: no disk used, but every byte reads as zero, so reading one would take real time.
    truncateSync(path.join(dir, PORTAL, 'web.config'), 3 * GB);
    truncateSync(path.join(dir, APPHOST), 3 * GB);
    // Over 2^31 bytes: a digest must stream, not load the file. Same size as its copy, so both are hashed.
    truncateSync(path.join(dir, DATA_DIR, 'phonefactor.PFDATA'), 0);
    truncateSync(path.join(dir, DATA_DIR, 'phonefactor.PFDATA'), 2 * GB + 64 * 1024 * 1024);
    // A copy under a name that is not a copy-name: only equal digests make it a backup candidate.
    writeFileSync(path.join(dir, DATA_DIR, 'snapshot.bin'), '');
    truncateSync(path.join(dir, DATA_DIR, 'snapshot.bin'), 2 * GB + 64 * 1024 * 1024);
  });
  afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('refuses a 3 GB web.config and applicationHost.config by the size cap, says so, and streams the data file digest', () => {
    const { report, run } = scanOk(dir, [], 90_000);
    expect(naming(report, 'C:/inetpub/wwwroot/PhoneFactor/web.config', /file too large \(3221225472 bytes\).*not read/)).not.toEqual([]);
    expect(
      naming(report, 'C:/Windows/System32/inetsrv/config/applicationHost.config', /file too large \(3221225472 bytes\).*not read/),
    ).not.toEqual([]);
    // Both 2 GB+ files were hashed to the same digest: snapshot.bin counts as a current backup (same content), so no MFA-BKP-001.
    expect(report.findings.map((f) => f.ruleId)).not.toContain('MFA-BKP-001');
    expect(run.ms).toBeLessThan(60_000);
  });
});

describe('links and ".." out of the bundle are refused, not followed', () => {
  it('a theme folder that is a link to /etc', () => {
    const dir = stageHost(BASE);
    symlinkSync('/etc', path.join(dir, PORTAL, 'App_Themes', 'Evil'));
    const { report, run } = scanOk(dir);
    expect(naming(report, `${PORTAL}/App_Themes/Evil`, /out of the bundle/)).not.toEqual([]);
    expect(run.stdout).not.toMatch(/passwd|hostname|fstab/);
  });

  it('a data file that is a link to a file outside', () => {
    const dir = stageHost(BASE);
    const data = path.join(dir, DATA_DIR, 'phonefactor.PFDATA');
    rmSync(data);
    symlinkSync('/etc/passwd', data);
    const { report } = scanOk(dir);
    expect(naming(report, `${DATA_DIR}/phonefactor.PFDATA`, /out of the bundle/)).not.toEqual([]);
  });

  it('a drive folder that is a link to /', () => {
    const dir = stageHost(BASE);
    symlinkSync('/', path.join(dir, 'fs', 'D'));
    const { report, run } = scanOk(dir, ['--backup-dir', 'D:\\etc']);
    expect(naming(report, 'fs/D', /out of the bundle/)).not.toEqual([]);
    expect(run.stdout).not.toMatch(/passwd/);
  });

  it('a registry InstallPath of C:\\..\\..\\etc', () => {
    const dir = stageHost(BASE);
    writeFileSync(
      path.join(dir, 'registry', 'phonefactor.reg'),
      regV5('[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor]\n"InstallPath"="C:\\\\..\\\\..\\\\etc"'),
    );
    const { report, run } = scanOk(dir);
    expect(naming(report, 'C:\\..\\..\\etc', /"\.\." segment: refused/)).not.toEqual([]);
    expect(run.stdout).not.toMatch(/passwd|hostname/);
  });
});

describe('a path loop', () => {
  it('a link under App_Themes to its own parent folder is refused as a loop', () => {
    const dir = stageHost(BASE);
    symlinkSync('..', path.join(dir, PORTAL, 'App_Themes', 'Loop'));
    symlinkSync('.', path.join(dir, PORTAL, 'App_Themes', 'Default', 'Self'));
    const { report, run } = scanOk(dir, [], 30_000);
    expect(naming(report, `${PORTAL}/App_Themes/Loop`, /loop/)).not.toEqual([]);
    expect(naming(report, `${PORTAL}/App_Themes/Default/Self`, /loop/)).not.toEqual([]);
    // Not walked as a custom theme: no BKP-011 for "Loop".
    expect(report.findings.filter((f) => f.ruleId === 'MFA-BKP-011' && /Loop/.test(f.message))).toEqual([]);
    expect(run.ms).toBeLessThan(30_000);
  });
});

describe('named pipes are never opened (reading one blocks forever)', () => {
  it('a FIFO named web.config, bundle.json and a .reg', () => {
    const dir = stageHost(BASE);
    for (const f of [path.join(PORTAL, 'web.config'), 'bundle.json', 'registry/phonefactor.reg']) {
      rmSync(path.join(dir, f));
      execFileSync('mkfifo', [path.join(dir, f)]);
    }
    const { report } = scanOk(dir, [], 30_000);
    expect(naming(report, 'C:/inetpub/wwwroot/PhoneFactor/web.config', /named pipe/)).not.toEqual([]);
    expect(naming(report, 'bundle.json', /named pipe/)).not.toEqual([]);
    expect(naming(report, 'registry/phonefactor.reg', /not a regular file/)).not.toEqual([]);
  });
});

describe('names Windows allows and Linux shows oddly', () => {
  it('trailing dots and spaces, ":" stream-looking names, non-UTF-8 bytes, newlines', () => {
    const dir = stageHost(BASE);
    const themes = path.join(dir, PORTAL, 'App_Themes');
    mkdirSync(path.join(themes, 'Trailing. '));
    writeFileSync(path.join(themes, 'Trailing. ', 'Site.css'), 'body{}');
    mkdirSync(path.join(themes, 'New\nLine'));
    writeFileSync(path.join(dir, PORTAL, 'web.config:Zone.Identifier'), '[ZoneTransfer]\r\nZoneId=3\r\n');
    writeFileSync(path.join(dir, PORTAL, 'web.config.'), 'x');
    // Raw bytes (0xFF 0xFE are never valid UTF-8): Node shows them as U+FFFD, and the name cannot be
    // opened by that spelling.
    const themesBuf = Buffer.from(themes);
    mkdirSync(Buffer.concat([themesBuf, Buffer.from('/Bad\xff\xfeName', 'latin1')]));
    const { report } = scanOk(dir);
    const custom = report.findings.filter((f) => f.ruleId === 'MFA-BKP-011').map((f) => f.message);
    // The trailing-space theme is found and named as it is on disk.
    expect(custom.some((m) => m.includes('Trailing. '))).toBe(true);
    // A newline in a name stays inside the path (no "C:\C:\" from a path split at the newline).
    expect(custom.some((m) => m.includes('App_Themes\\New\nLine'))).toBe(true);
    expect(JSON.stringify(report)).not.toContain('C:\\\\C:\\\\');
    expect(naming(report, `${PORTAL}/App_Themes/Bad`, /not valid UTF-8/)).not.toEqual([]);
  });
});
