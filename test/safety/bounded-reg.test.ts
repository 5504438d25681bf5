import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/hosts.js';
import { BASE, naming, scanOk, stageHost, tmp } from './helpers.js';

// Bounded work, issue 15 item 3: one hex(7) line of 60 Mi characters cost 1.4 GB and a minute. A logical line is
// now capped at 16 Mi characters (a problem naming the file and line, the value skipped) and regedit hex lists
// are decoded without copies, so memory stays near the README's figure for every line. Files made at test time.

const work = tmp('bounded-reg');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PF_KEY = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor]';
const MI = 1024 * 1024;

/** A .reg with `lines` hex(7) values of `mi` Mi characters each in the PhoneFactor key, streamed to disk. */
function longLines(file: string, mi: number, lines: number, enc: 'utf16le' | 'utf8'): string {
  const fd = openSync(file, 'w');
  const w = (s: string) => writeSync(fd, Buffer.from(s, enc));
  if (enc === 'utf16le') writeSync(fd, Buffer.from([0xff, 0xfe]));
  w(`Windows Registry Editor Version 5.00\r\n\r\n${PF_KEY}\r\n`);
  const piece = Buffer.from('41,00,'.repeat(Math.floor(MI / 6)), enc); // about 1 Mi characters, whole bytes
  for (let l = 0; l < lines; l++) {
    w(`"Big${l}"=hex(7):`);
    for (let i = 0; i < mi; i++) writeSync(fd, piece);
    w('00,00\r\n');
  }
  w('"After"="ok"\r\n');
  closeSync(fd);
  return file;
}

/** Peak memory (max RSS, MB) of parsing one file in a fresh process, with the problems it reported. */
function parseInChild(file: string): { mb: number; problems: { location: string; message: string }[]; values: number } {
  const script = `
    import { parseRegFile } from ${JSON.stringify(path.join(ROOT, 'dist/registry/reg-file.js'))};
    import { RegistryStore } from ${JSON.stringify(path.join(ROOT, 'dist/registry/store.js'))};
    const problems = [];
    const r = await parseRegFile(${JSON.stringify(file)}, new RegistryStore(null), { label: 'registry/long.reg', onProblem: (p) => problems.push(p) });
    console.log(JSON.stringify({ mb: process.resourceUsage().maxRSS / 1024, problems, values: r.values }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { mb: number; problems: { location: string; message: string }[]; values: number };
}

describe('long .reg lines', () => {
  it('a 60 Mi-character hex(7) line is skipped as a problem naming file and line, in bounded memory', () => {
    const r = parseInChild(longLines(path.join(work, 'sixty.reg'), 60, 1, 'utf8'));
    expect(r.problems.map((p) => p.location)).toEqual(['registry/long.reg:4']);
    expect(r.problems[0].message).toMatch(/longer than 16777216 characters \(value too large\); skipped/);
    expect(r.values).toBe(1); // "After" is still read
    expect(r.mb).toBeLessThan(200);
  }, 90_000);

  it('a 15 Mi-character line (under the cap) is read, in bounded memory', () => {
    const r = parseInChild(longLines(path.join(work, 'fifteen.reg'), 15, 1, 'utf16le'));
    expect(r.problems).toEqual([]);
    expect(r.values).toBe(2);
    expect(r.mb).toBeLessThan(250);
  }, 90_000);

  it('a scan with two 20 Mi-character lines in a key a probe reads: exit 0/1, both named in problems', () => {
    const dir = stageHost(BASE);
    longLines(path.join(dir, 'registry', 'zz-long.reg'), 20, 2, 'utf16le');
    const { report, run } = scanOk(dir, [], 60_000);
    expect(run.ms).toBeLessThan(45_000);
    const long = report.problems.filter((p) => /longer than 16777216 characters/.test(p.message));
    expect(long.map((p) => p.location)).toEqual(['registry/zz-long.reg:4', 'registry/zz-long.reg:5']);
    expect(naming(report, 'registry/zz-long.reg').length).toBeGreaterThan(0);
  }, 90_000);
});
