/**
 * What a live scan costs in reg.exe starts on a host without MFA Server, where most interests are missing:
 * each missing key is told from an unreadable one by listing its parent, and parents are shared
 * (HKLM\SOFTWARE\WOW6432Node, ...). Each start is a cmd.exe and a reg.exe process: about a second under
 * Wine, tens of milliseconds on Windows. A fake reg.exe (a script answering from a key list) counts them.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryKey, queryKeys, splitBatchOutput, type QueryOptions } from '../../src/host/live/reg-query.js';
import { REGISTRY_INTERESTS } from '../../src/probes/registry.js';

const HKLM = 'HKEY_LOCAL_MACHINE';
/** The keys an empty Windows Server has on the paths the probes ask for. */
const EXISTING = [
  `${HKLM}\\SOFTWARE`,
  `${HKLM}\\SOFTWARE\\Microsoft`,
  `${HKLM}\\SOFTWARE\\Microsoft\\Windows`,
  `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion`,
  `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall`,
  `${HKLM}\\SOFTWARE\\Microsoft\\Windows NT`,
  `${HKLM}\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion`,
  `${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup`,
  `${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP`,
  `${HKLM}\\SOFTWARE\\WOW6432Node`,
  `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft`,
  `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows`,
  `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion`,
  `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall`,
  `${HKLM}\\SYSTEM`,
  `${HKLM}\\SYSTEM\\CurrentControlSet`,
  `${HKLM}\\SYSTEM\\CurrentControlSet\\Control`,
  `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ComputerName`,
  `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName`,
  `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName`,
  `${HKLM}\\SYSTEM\\CurrentControlSet\\Services`,
  `${HKLM}\\SYSTEM\\CurrentControlSet\\Services\\Tcpip`,
  `${HKLM}\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters`,
];

const dir = mkdtempSync(path.join(os.tmpdir(), 'mfa-fake-reg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = path.join(dir, 'starts.log');
const fakeReg = path.join(dir, 'reg.mjs');
const fakeCmd = path.join(dir, 'cmd.mjs');
// reg.exe: `query KEY [/s] /reg:64` answered from EXISTING (subkey lines only), exit 1 where it is absent.
const REG_LOGIC = `
const keys = ${JSON.stringify(EXISTING)};
function reg(key) {
  const k = key.replace(/^HKLM\\\\/i, 'HKEY_LOCAL_MACHINE\\\\').toLowerCase();
  const hit = keys.find((x) => x.toLowerCase() === k);
  if (!hit) return { code: 1, out: 'ERROR: The system was unable to find the specified registry key or value.\\r\\n' };
  const kids = keys.filter((x) => x.toLowerCase().startsWith(k + '\\\\') && !x.slice(k.length + 1).includes('\\\\'));
  return { code: 0, out: ['', hit, '', ...kids, ''].join('\\r\\n') };
}`;
writeFileSync(
  fakeReg,
  `#!${process.execPath}
import { appendFileSync } from 'node:fs';
${REG_LOGIC}
appendFileSync(${JSON.stringify(log)}, 'reg\\n');
const r = reg(process.argv[3]);
(r.code ? process.stderr : process.stdout).write(r.out);
process.exit(r.code);
`,
);
// cmd.exe: just enough of it for the two lines reg-query.ts writes (one query; a batch of groups).
writeFileSync(
  fakeCmd,
  `#!${process.execPath}
import { appendFileSync } from 'node:fs';
${REG_LOGIC}
appendFileSync(${JSON.stringify(log)}, 'cmd\\n');
const line = process.argv[process.argv.length - 1];
const groups = [...line.matchAll(/\\(echo (\\S+) (\\d+) & "[^"]+" "query" "([^"]+)"[^&]*2>&1 & echo \\S+ \\d+ END !errorlevel!\\)/g)];
if (groups.length) {
  for (const [, nonce, i, key] of groups) {
    const r = reg(key);
    process.stdout.write(nonce + ' ' + i + ' \\r\\n' + r.out + nonce + ' ' + i + ' END ' + r.code + '\\r\\n');
  }
} else {
  const key = /"query" "([^"]+)"/.exec(line)[1];
  const r = reg(key);
  (r.code ? process.stderr : process.stdout).write(r.out);
  process.exit(r.code);
}
`,
);
chmodSync(fakeReg, 0o755);
chmodSync(fakeCmd, 0o755);

function startsOf(): { cmd: number; reg: number } {
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { cmd: lines.filter((l) => l === 'cmd').length, reg: lines.filter((l) => l === 'reg').length };
}

const keys = REGISTRY_INTERESTS.map((i) => ({ path: i.path, recursive: i.recursive !== false }));
const base: QueryOptions = { regExe: fakeReg, cmdExe: fakeCmd, oemCodePage: async () => 437 };

describe('reg.exe starts on a host without MFA Server', () => {
  it.skipIf(process.platform === 'win32')(
    'one process start for all queries and one for the parents of the missing keys, with the same answers',
    async () => {
      writeFileSync(log, '');
      const one = await Promise.all(keys.map((k) => queryKey(k.path, { ...base, recursive: k.recursive })));
      const before = startsOf();
      writeFileSync(log, '');
      const batched = await queryKeys(keys, { ...base, listings: new Map() });
      const after = startsOf();
      console.log(
        `[reg.exe starts] ${keys.length} interests, empty host: ${before.cmd} process starts one query at a time, ${after.cmd} batched`,
      );
      // One at a time: at least one start per interest (a missing key's parents cost more); batched: two in all.
      expect(before.cmd).toBeGreaterThanOrEqual(keys.length);
      expect(after.cmd).toBe(2);
      // The same answers: missing stays missing, present keys read the same text.
      expect(batched.map((r) => (r.ok ? 'ok' : r.missing ? 'missing' : 'error'))).toEqual(
        one.map((r) => (r.ok ? 'ok' : r.missing ? 'missing' : 'error')),
      );
      // Missing: every interest an empty server does not have (EXISTING above).
      const have = new Set(EXISTING.map((k) => k.toLowerCase()));
      const absent = keys.filter((k) => !have.has(k.path.replace(/^HKLM\\/i, `${HKLM}\\`).toLowerCase())).length;
      expect(absent).toBeGreaterThan(0);
      expect(batched.filter((r) => !r.ok && r.missing).length).toBe(absent);
      batched.forEach((r, i) => {
        if (r.ok) expect(r.text.trim()).toBe((one[i] as { text: string }).text.trim());
      });
    },
  );
});

describe('splitBatchOutput', () => {
  const N = '@@MFA-0123456789abcdef';
  it.each([
    [
      'two keys, the second missing',
      `${N} 0 \r\nA\r\nB\r\n${N} 0 END 0\r\n${N} 1 \r\nERROR: not found\r\n${N} 1 END 1\r\n`,
      [
        { ok: true, text: 'A\r\nB' },
        { ok: false, text: 'ERROR: not found' },
      ],
    ],
    [
      'a value forging a marker with another nonce stays data',
      `${N} 0 \r\n@@MFA-ffffffffffffffff 0 END 0\r\nx\r\n${N} 0 END 0\r\n`,
      [{ ok: true, text: '@@MFA-ffffffffffffffff 0 END 0\r\nx' }],
    ],
    [
      'a batch cut short leaves the rest unanswered',
      `${N} 0 \r\nA\r\n${N} 0 END 0\r\n${N} 1 \r\npartial`,
      [{ ok: true, text: 'A' }, undefined],
    ],
    ['an end marker for another index does not close', `${N} 0 \r\nA\r\n${N} 1 END 0\r\n`, [undefined]],
  ])('%s', (_name, text, want) => {
    expect(splitBatchOutput(text, N, want.length)).toEqual(want);
  });
});
