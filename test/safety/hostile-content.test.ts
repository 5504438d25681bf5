import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPHOST, BASE, HOSTILE, PORTAL, garbage, naming, regV5, scanOk, stageHost } from './helpers.js';

/**
 * Hostile file contents (issue 6, part 2): XML entity bombs and external entities, malformed and cut-off
 * XML, registry exports that are garbage, cut off, wrongly encoded, oddly broken into lines or huge.
 * Each is a copy of the richest fixture with one file replaced; each scan must end in time with exit
 * 0/1, a schema-valid report, and a problem or finding that names the file.
 */

const WEB = `${PORTAL}/web.config`;
const WEB_WIN = 'C:/inetpub/wwwroot/PhoneFactor/web.config';
const APPHOST_WIN = 'C:/Windows/System32/inetsrv/config/applicationHost.config';

function hostWith(file: string, content: Buffer | string): string {
  const dir = stageHost(BASE);
  writeFileSync(path.join(dir, file), content);
  return dir;
}

function hostWithFixture(file: string, hostile: string): string {
  const dir = stageHost(BASE);
  copyFileSync(path.join(HOSTILE, hostile), path.join(dir, file));
  return dir;
}

/** Text of the machine's own files an XXE would pull in: must never reach a report. */
const LOCAL_SECRETS = ['/etc/hostname', '/etc/machine-id']
  .filter((f) => existsSync(f))
  .map((f) => readFileSync(f, 'utf8').trim())
  .filter((s) => s.length >= 6);

describe('XML: entities are refused, never expanded or fetched', () => {
  it('billion laughs in the User Portal web.config', () => {
    const { report, run } = scanOk(hostWithFixture(WEB, 'web.config.billion-laughs'));
    expect(naming(report, WEB_WIN, /entit/i)).not.toEqual([]);
    expect(run.stdout).not.toContain('lollollol');
    expect(run.ms).toBeLessThan(30_000);
  });

  it('external entities (file: and http:) in applicationHost.config', () => {
    const { report, run } = scanOk(hostWithFixture(APPHOST, 'applicationHost.config.xxe'));
    expect(naming(report, APPHOST_WIN, /entit/i)).not.toEqual([]);
    for (const s of LOCAL_SECRETS) expect(run.stdout).not.toContain(s);
    // Without applicationHost.config the virtual directories are unknown, not guessed.
    expect(report.findings.filter((f) => f.ruleId === 'MFA-VDIR-001').map((f) => f.outcome)).toEqual(['unknown']);
  });

  it('a parameter entity naming a remote DTD in applicationHost.config', () => {
    const { report } = scanOk(hostWithFixture(APPHOST, 'applicationHost.config.parameter-entity'));
    expect(naming(report, APPHOST_WIN, /entit/i)).not.toEqual([]);
  });

  it('a DOCTYPE with an external DTD and no entities: read, the DTD is not fetched', () => {
    const { report, run } = scanOk(hostWithFixture(WEB, 'web.config.external-dtd'));
    expect(naming(report, WEB_WIN, /malformed|entit|cannot/i)).toEqual([]);
    // The settings were read: the portal's SDK URL is evidence.
    expect(naming(report, WEB_WIN, /pfup_pfwssdk_PfWsSdk/)).not.toEqual([]);
    expect(run.stdout).not.toMatch(/root:x:0:0/);
  });
});

describe('XML: malformed and cut-off files', () => {
  it('malformed web.config: a finding with the line', () => {
    const { report } = scanOk(hostWithFixture(WEB, 'web.config.malformed'));
    expect(naming(report, WEB_WIN, /malformed XML: line \d+/)).not.toEqual([]);
  });

  it('cut-off web.config: says it looks truncated', () => {
    const { report } = scanOk(hostWithFixture(WEB, 'web.config.truncated'));
    expect(naming(report, WEB_WIN, /truncated/)).not.toEqual([]);
  });

  it('applicationHost.config of binary garbage', () => {
    const { report } = scanOk(hostWith(APPHOST, garbage(64 * 1024)));
    expect(naming(report, APPHOST_WIN, /malformed|encoding|empty|root/i)).not.toEqual([]);
  });

  it('an empty web.config', () => {
    const { report } = scanOk(hostWith(WEB, ''));
    expect(naming(report, WEB_WIN, /empty/)).not.toEqual([]);
  });
});

describe('registry exports', () => {
  const PF_KEY = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor]';

  it('binary garbage named .reg: an input problem for that file, the rest still counts', () => {
    const { report } = scanOk(hostWith('registry/zz-garbage.reg', garbage(200 * 1024)));
    expect(naming(report, 'registry/zz-garbage.reg', /not a registry export/)).not.toEqual([]);
    expect(report.inventory.components.map((c) => c.component)).toContain('agent');
  });

  it('cut off in the middle of a UTF-16 character', () => {
    const dir = stageHost(BASE);
    const f = path.join(dir, 'registry/uninstall.reg');
    const b = readFileSync(f);
    writeFileSync(f, b.subarray(0, Math.floor(b.length / 2) | 1));
    const { report } = scanOk(dir);
    expect(naming(report, 'registry/uninstall.reg', /truncated/)).not.toEqual([]);
  });

  it('cut off in the middle of a value', () => {
    const full = regV5(`${PF_KEY}\n"InstallPath"="C:\\\\Program Files\\\\PhoneFactor\\\\"\n"Version"="5.2.1.2"`);
    const cut = full.subarray(0, full.indexOf(Buffer.from('Program Fi', 'utf16le')) + 8);
    const { report } = scanOk(hostWith('registry/phonefactor.reg', cut));
    expect(naming(report, 'registry/phonefactor.reg')).not.toEqual([]);
  });

  it('a wrong byte order mark (UTF-16BE, and a UTF-8 BOM in front of UTF-16LE)', () => {
    const dir = stageHost(BASE);
    const le = readFileSync(path.join(dir, 'registry/phonefactor.reg'));
    const be = Buffer.from(le).swap16();
    writeFileSync(path.join(dir, 'registry/phonefactor.reg'), be);
    writeFileSync(path.join(dir, 'registry/zz-utf8bom.reg'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), le]));
    const { report } = scanOk(dir);
    expect(naming(report, 'registry/phonefactor.reg', /big-endian/)).not.toEqual([]);
    expect(naming(report, 'registry/zz-utf8bom.reg', /not a registry export/)).not.toEqual([]);
  });

  it('odd line endings (LF only, CR only) parse like CRLF', () => {
    const dir = stageHost(BASE);
    const text = `Windows Registry Editor Version 5.00\n\n${PF_KEY}\n"InstallPath"="C:\\\\Program Files\\\\PhoneFactor\\\\"\n`;
    writeFileSync(path.join(dir, 'registry/phonefactor.reg'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(path.join(dir, 'registry/zz-cr.reg'), Buffer.from('\ufeff' + text.replace(/\n/g, '\r'), 'utf8'));
    const { report } = scanOk(dir);
    expect(report.problems.filter((p) => /phonefactor\.reg|zz-cr\.reg/.test(p.location))).toEqual([]);
    expect(report.inventory.components.find((c) => c.component === 'agent')?.installPath).toBe('C:\\Program Files\\PhoneFactor');
  });

  it('a huge single line (over 64 Mi characters) in a key a probe reads: skipped and said so', () => {
    const body = Buffer.concat([
      Buffer.from(`Windows Registry Editor Version 5.00\r\n\r\n${PF_KEY}\r\n"Version"="`, 'utf8'),
      Buffer.alloc(65 * 1024 * 1024, 0x78),
      Buffer.from('"\r\n', 'utf8'),
    ]);
    const { report, run } = scanOk(hostWith('registry/zz-huge.reg', body));
    expect(naming(report, 'registry/zz-huge.reg', /too large|longer than/)).not.toEqual([]);
    expect(run.stdout.length).toBeLessThan(5 * 1024 * 1024);
  });

  it('values of absurd size: a dword of 12 digits, a 1 MB version string, a hex blob with odd digits', () => {
    const uninstall = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{ABSURD}]';
    const reg = regV5(
      `${PF_KEY}\n"Size"=dword:ffffffffffff\n"Blob"=hex:4\n"Q"=hex(b):01,02,03,04,05,06,07,08,09,0a,0b,0c\n\n` +
        `${uninstall}\n"DisplayName"="Multi-Factor Authentication Server"\n"DisplayVersion"="${'9.'.repeat(512 * 1024)}1"\n"InstallDate"="${'2'.repeat(100_000)}"`,
    );
    const { report, run } = scanOk(hostWith('registry/zz-absurd.reg', reg));
    expect(naming(report, 'registry/zz-absurd.reg', /dword/)).not.toEqual([]);
    expect(run.stdout.length).toBeLessThan(20 * 1024 * 1024);
  });
});
