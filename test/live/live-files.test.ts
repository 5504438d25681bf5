/** LiveHost's file side, with drive C: mapped to a folder (on Windows it is the drive itself). */
import { mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveHost } from '../../src/host/live.js';

describe('LiveHost files', () => {
  let c = '';
  let t: LiveHost;
  const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x61);

  beforeAll(() => {
    c = mkdtempSync(path.join(os.tmpdir(), 'mfa-live-c-'));
    const pf = path.join(c, 'Program Files', 'Multi-Factor Authentication Server');
    mkdirSync(path.join(pf, 'Data'), { recursive: true });
    writeFileSync(path.join(pf, 'Data', 'PhoneFactor.pfdata'), big);
    writeFileSync(path.join(pf, 'MultiFactorAuthenticationServerSetup64.txt'), 'x');
    t = new LiveHost({
      drives: { C: c },
      hostname: 'MFA01',
      env: { SystemDrive: 'C:', SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files', PATH: '/bin' },
    });
  });

  it('is \\\\HOSTNAME, live, with no bundle and a complete registry', () => {
    expect(t.location).toBe('\\\\MFA01');
    expect(t.kind).toBe('live');
    expect(t.bundle).toBeNull();
    expect(t.registryComplete).toBe(true);
  });

  it('takes the environment from the process, over registry values and defaults', () => {
    t.setRegistryEnv({ ProgramFiles: 'D:\\Apps', CommonProgramFiles: 'D:\\Common' });
    expect(t.env().ProgramFiles).toBe('C:\\Program Files');
    expect(t.env().CommonProgramFiles).toBe('D:\\Common');
    expect(t.env().PATH).toBeUndefined();
    expect(t.expand('%ProgramFiles%/Multi-Factor Authentication Server')).toBe('C:\\Program Files\\Multi-Factor Authentication Server');
  });

  it('reads files capped at maxBytes, streams sha256, and lists folders', async () => {
    const f = '%ProgramFiles%\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata';
    const r = await t.readFile(f, 1024);
    expect(r?.data.length).toBe(1024);
    expect(r?.truncated).toBe(true);
    expect(await t.sha256(f)).toBe(createHash('sha256').update(big).digest('hex'));
    const st = await t.stat(f);
    expect(st).toMatchObject({
      path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata',
      isFile: true,
      size: big.length,
    });
    const list = await t.list('C:\\Program Files\\Multi-Factor Authentication Server');
    expect(list.map((e) => [e.name, e.isDirectory])).toEqual([
      ['Data', true],
      ['MultiFactorAuthenticationServerSetup64.txt', false],
    ]);
    expect(t.inputDigest()).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('returns null or [] for what is missing, without a problem, and refuses ".."', async () => {
    expect(await t.readFile('C:\\nope\\x.txt')).toBeNull();
    expect(await t.stat('C:\\nope')).toBeNull();
    expect(await t.list('C:\\nope')).toEqual([]);
    expect(await t.sha256('D:\\x')).toBeNull();
    expect(t.problems).toEqual([]);
    expect(await t.readFile('C:\\Program Files\\..\\..\\etc\\passwd')).toBeNull();
    expect(t.problems).toEqual([
      { location: 'C:\\Program Files\\..\\..\\etc\\passwd', message: 'path has a ".." segment: refused, not followed' },
    ]);
  });

  it('a folder where a file is expected is a problem; nothing is written', async () => {
    const before = readdirSync(c, { recursive: true }).length;
    const mtime = statSync(c).mtimeMs;
    expect(await t.readFile('C:\\Program Files')).toBeNull();
    expect(t.problems.at(-1)).toEqual({ location: 'C:\\Program Files', message: 'is a folder where a file was expected' });
    expect(readdirSync(c, { recursive: true }).length).toBe(before);
    expect(statSync(c).mtimeMs).toBe(mtime);
  });

  it('tells a path it could not stat (a link loop here; access denied on Windows) from a missing one', async () => {
    const loopDir = path.join(c, 'Loop');
    mkdirSync(loopDir, { recursive: true });
    symlinkSync(path.join(loopDir, 'b'), path.join(loopDir, 'a'));
    symlinkSync(path.join(loopDir, 'a'), path.join(loopDir, 'b'));
    expect(await t.stat('C:\\Loop\\a\\PhoneFactor.pfdata')).toBeNull();
    expect(t.unreadable('C:\\Loop\\a\\PhoneFactor.pfdata')).toBe(true);
    expect(await t.stat('C:\\Nowhere\\PhoneFactor.pfdata')).toBeNull();
    expect(t.unreadable('C:\\Nowhere\\PhoneFactor.pfdata')).toBe(false);
    expect(t.problems.some((p) => p.location === 'C:\\Loop\\a\\PhoneFactor.pfdata')).toBe(true);
  });
});
