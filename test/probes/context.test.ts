import { describe, expect, it } from 'vitest';
import { digestOf, fileStat, nameOf, readConfig } from '../../src/probes/context.js';
import { fileEvidence } from '../../src/util/evidence.js';
import { memoryHost } from '../helpers/memory.js';

const P = 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata';

describe('fileStat and digestOf', () => {
  it('a file on disk: size and time, the digest only when asked', async () => {
    const h = memoryHost().file(P, 'abc', { mtime: '2026-10-01T00:00:00Z' });
    const f = await fileStat(h, P);
    expect(f).toEqual({ path: P, exists: true, source: 'file', size: 3, mtime: '2026-10-01T00:00:00.000Z', sha256: null });
    expect(await digestOf(h, f)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(f.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('a file described in manifest.json only: its size, time and digest from there', async () => {
    const h = memoryHost().manifestFile({ path: P, size: 2048, mtime: '2026-10-01T10:00:00+02:00', sha256: 'SHA256:ABCD' });
    const f = await fileStat(h, P);
    expect(f).toEqual({ path: P, exists: true, source: 'manifest', size: 2048, mtime: '2026-10-01T08:00:00.000Z', sha256: 'abcd' });
    expect(fileEvidence(f)).toEqual({
      source: 'manifest',
      location: P,
      observed: 'described in manifest.json: 2048 bytes, last written 2026-10-01T08:00:00.000Z',
    });
  });

  it('missing: not found, no digest', async () => {
    const h = memoryHost();
    const f = await fileStat(h, '%ProgramFiles%\\PhoneFactor\\Data\\PhoneFactor.pfdata');
    expect(f).toMatchObject({ path: P, exists: false, source: 'none' });
    expect(await digestOf(h, f)).toBeNull();
    expect(fileEvidence(f)).toEqual({ source: 'file', location: P, observed: 'not found' });
  });

  it('a folder is not a file', async () => {
    const f = await fileStat(memoryHost().dir('C:\\x'), 'C:\\x');
    expect(f.exists).toBe(false);
  });

  it('evidence for a file and for a folder', () => {
    expect(fileEvidence({ path: P, exists: true, source: 'file', size: 3, mtime: 't', sha256: null }).observed).toBe(
      '3 bytes, last written t',
    );
    expect(fileEvidence({ path: P, exists: true, source: 'file', size: null, mtime: null, sha256: null }).observed).toBe(
      'folder, newest file written unknown',
    );
    expect(nameOf(P)).toBe('PhoneFactor.pfdata');
  });
});

describe('readConfig', () => {
  it('reads a config whole', async () => {
    const h = memoryHost().file('C:\\a\\web.config', '<configuration/>');
    expect(await readConfig(h, 'C:\\a\\web.config')).toEqual({ ok: true, data: Buffer.from('<configuration/>') });
  });

  it('refuses a file over the cap without reading it', async () => {
    // Unreadable too: a read would be a problem, and there is none.
    const h = memoryHost().file('C:\\a\\web.config', 'x'.repeat(100)).cannotRead('C:\\a\\web.config');
    expect(await readConfig(h, 'C:\\a\\web.config', 10)).toEqual({
      ok: false,
      error: 'file too large (100 bytes), limit 10 bytes: not read',
    });
    expect(h.problems).toEqual([]);
  });

  it('missing or unreadable: null (the host records why)', async () => {
    const h = memoryHost().file('C:\\a\\web.config', 'x').cannotRead('C:\\a\\web.config');
    expect(await readConfig(h, 'C:\\a\\missing.config')).toBeNull();
    expect(await readConfig(h, 'C:\\a\\web.config')).toBeNull();
    expect(h.problems.map((p) => p.message)).toEqual(['cannot be read: permission denied']);
  });
});
