/**
 * The live registry path on a Windows runtime: the Windows node.exe runs LiveHost.loadRegistry under
 * Wine, against a Wine registry seeded with `reg import` of a UTF-16LE .reg file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLive, nodeExe, parseOut, PREFIX, runWine, wineReady, winePath, writeRegFile } from './helpers.js';

const wine = await wineReady();

const OWNER = 'Bjørn Ærø Ünïcødé 日本';
const BASE = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\MfaReadinessLiveTest';
const PF = `${BASE}\\Positive Networks\\PhoneFactor`;
const SUB = `${PF}\\Sub Ünï 日本`;
const WOW = `${BASE}\\WOW6432Node\\Positive Networks\\PhoneFactor`;

describe.skipIf(!wine.ok)('live registry through reg.exe under Wine', () => {
  let build = '';
  let exe = '';
  let work = '';

  /** Runs probe-registry.mjs with node.exe; `utf8Host` makes Wine's OEM code page 65001. */
  async function probe(cfg: object, utf8Host: boolean) {
    const file = path.join(work, `cfg-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(cfg));
    const r = await runWine([exe, winePath(path.join(ROOT_TEST, 'probe-registry.mjs')), winePath(build), winePath(file)], {
      prefix: PREFIX,
      // Wine takes its code pages from the locale: hi_IN is a Unicode-only locale, for which Wine (like
      // Windows with "Use Unicode UTF-8 for worldwide language support") uses ACP = OEMCP = 65001.
      env: utf8Host ? { LC_ALL: 'hi_IN.UTF-8' } : { LC_ALL: 'C' },
    });
    return parseOut(r);
  }

  beforeAll(async () => {
    console.log(`[test/live] Wine prefix ready in ${wine.ms} ms (${PREFIX})`);
    build = buildLive();
    exe = nodeExe();
    work = mkdtempSync(path.join(os.tmpdir(), 'mfa-live-reg-'));
    const reg = path.join(work, 'seed.reg');
    writeRegFile(reg, [
      `[-${BASE}]`,
      '',
      `[${PF}]`,
      '@="PhoneFactor default"',
      `"Owner"="${OWNER}"`,
      '"InstallPath"="C:\\\\Program Files\\\\Multi-Factor Authentication Server\\\\"',
      '"Port"=dword:0000115c',
      '"Servers"=hex(7):61,00,70,00,70,00,31,00,00,00,61,00,70,00,70,00,32,00,00,00,00,00',
      '"LogDir"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,00,00,00',
      '"Blob"=hex:de,ad,be,ef',
      '',
      `[${SUB}]`,
      '"Name With  Spaces"="a    b"',
      '',
      `[${WOW}]`,
      '"Arch"="x86"',
      '',
    ]);
    const r = await runWine(['reg', 'import', winePath(reg)], { prefix: PREFIX });
    expect(r.code, r.stderr.toString()).toBe(0);
  });

  afterAll(() => {
    if (build) rmSync(path.dirname(build), { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('runs as win32 and brings a non-ASCII value and key name back intact (UTF-8 host code page)', async () => {
    const out = await probe({ interests: [{ path: PF }, { path: WOW }], keys: [PF, SUB, WOW] }, true);
    expect(out.platform).toBe('win32');
    expect(out.thrown).toBeNull();
    expect(out.problems).toEqual([]);
    expect(out.sources).toBe(2);
    const pf = out.keys[PF].key;
    const v = (n: string) => pf.values.find((x: { name: string }) => x.name === n);
    expect(v('Owner')).toEqual({ name: 'Owner', type: 'REG_SZ', typeNumber: 1, data: OWNER });
    expect(v('')).toMatchObject({ type: 'REG_SZ', data: 'PhoneFactor default' });
    expect(v('InstallPath').data).toBe('C:\\Program Files\\Multi-Factor Authentication Server\\');
    expect(v('Port')).toMatchObject({ type: 'REG_DWORD', data: 4444 });
    expect(v('Servers')).toMatchObject({ type: 'REG_MULTI_SZ', data: ['app1', 'app2'] });
    expect(v('LogDir')).toMatchObject({ type: 'REG_EXPAND_SZ', data: '%SystemRoot%' });
    expect(v('Blob')).toMatchObject({ type: 'REG_BINARY', data: 'deadbeef' });
    expect(out.keys[PF].subkeys).toEqual(['Sub Ünï 日本']);
    expect(out.keys[SUB].key.values).toEqual([{ name: 'Name With  Spaces', type: 'REG_SZ', typeNumber: 1, data: 'a    b' }]);
    // 32-bit software at its literal WOW6432Node path.
    expect(out.keys[WOW].key.values[0]).toMatchObject({ name: 'Arch', data: 'x86' });
    console.log(`[test/live] two reg.exe queries through LiveHost under Wine: ${out.ms} ms`);
  });

  it('decodes a host whose reg.exe writes code page 437, and says characters may be lost', async () => {
    const out = await probe({ interests: [{ path: PF }], keys: [PF] }, false);
    const owner = out.keys[PF].key.values.find((x: { name: string }) => x.name === 'Owner');
    // Æ Ü ï é exist in code page 437 and survive; ø and 日本 do not exist there (Wine wrote o and ??).
    expect(owner.data).toBe('Bjorn Æro Ünïcodé ??');
    expect(out.problems).toEqual([{ location: `reg query ${PF}`, message: expect.stringMatching(/code page 437, not UTF-8/) }]);
  });

  it('takes a key that does not exist as absent, not as a problem', async () => {
    const missing = `${BASE}\\No Such Vendor\\Deeper`;
    const out = await probe({ interests: [{ path: missing }, { path: PF }], keys: [missing, PF] }, true);
    expect(out.thrown).toBeNull();
    expect(out.problems).toEqual([]);
    expect(out.keys[missing]).toEqual({ key: null, subkeys: [], any: false });
    expect(out.keys[PF].key).not.toBeNull();
    expect(out.sources).toBe(2);
  });

  it('reports reg.exe failing as a problem, not a crash', async () => {
    const bad = 'C:\\Windows\\System32\\no-such-reg.exe';
    const viaCmd = await probe({ interests: [{ path: PF }], keys: [PF], options: { regExe: bad } }, true);
    expect(viaCmd.thrown).toBeNull();
    expect(viaCmd.keys[PF].key).toBeNull();
    expect(viaCmd.problems).toHaveLength(1);
    expect(viaCmd.problems[0]).toMatchObject({ location: `reg query ${PF}`, message: expect.stringMatching(/^reg\.exe query failed/) });

    const direct = await probe({ interests: [{ path: PF }], keys: [PF], options: { regExe: bad, cmdExe: null } }, true);
    expect(direct.thrown).toBeNull();
    expect(direct.problems).toEqual([{ location: `reg query ${PF}`, message: expect.stringMatching(/cannot be run: ENOENT/) }]);
  });
});

const ROOT_TEST = path.dirname(new URL(import.meta.url).pathname);
