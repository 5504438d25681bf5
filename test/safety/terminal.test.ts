import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { forTerminal, terminalLine } from '../../src/util/terminal.js';
import { BIN } from '../helpers/hosts.js';
import { NOW, cli, stageHost, tmp } from './helpers.js';

/**
 * Issue 15 item 12: every string from input passes one neutraliser (src/util/terminal.ts) on its way to a
 * terminal. Each path below carried terminal escapes from a file to stderr/stdout before: compare-config,
 * diff (the host names), the fleet progress line and its `failed:` lines, a refused zip entry name, Node's
 * JSON.parse error text (which quotes the input), log lines and the closing summary.
 */

/** A title-setting OSC, a bell, an SGR colour, a C1 CSI (clear screen) and a right-to-left override. */
const EVIL = '\u001b]0;pwned\u0007\u001b[31mred\u009b2J\u202egnp.exe';
/** What a terminal would act on: ESC, BEL, C1 controls, bidi overrides and isolates, and other C0 controls but \t, \n. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function active(s: string): string[] {
  return s.split('\n').filter((l) => ACTIVE.test(l));
}

describe('forTerminal', () => {
  it('shows C0/C1 controls, ESC and bidi overrides as text; keeps tabs, newlines and other scripts', () => {
    expect(forTerminal(EVIL)).toBe('\\x1B]0;pwned\\x07\\x1B[31mred\\x9B2J\\u202Egnp.exe');
    expect(forTerminal('a\r\nb\rc\td')).toBe('a\nb\nc\td');
    for (const c of [
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u200e',
      '\u200f',
      '\u061c',
      '\u2028',
      '\u2029',
      '\u007f',
      '\u0000',
    ])
      expect(ACTIVE.test(forTerminal(`a${c}b`)), JSON.stringify(c)).toBe(false);
    expect(forTerminal('Jürgen 日本 🙂 مرحبا')).toBe('Jürgen 日本 🙂 مرحبا');
    expect(forTerminal('\ud800x')).toBe('\ufffdx');
    expect(terminalLine('one\n  two\r\nthree')).toBe('one two three');
  });
});

describe('compare-config', () => {
  it('element names, attribute values and text from the files are shown as text', () => {
    const dir = tmp('term-compare');
    const a = path.join(dir, 'old.config');
    const b = path.join(dir, `new${EVIL}.config`);
    writeFileSync(a, '<configuration><appSettings><add key="Mode" value="a" /></appSettings></configuration>');
    writeFileSync(
      b,
      `<configuration><appSettings><add key="Mode" value="b${EVIL}" /><add key="k${EVIL}" value="&#x202E;&#x9B;2J" /></appSettings><Note>${EVIL}</Note></configuration>`,
    );
    const r = cli(['compare-config', a, b]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('\\x1B]0;pwned');
    expect(r.stdout).toContain('\\u202E');
    expect(active(r.stdout + r.stderr)).toEqual([]);
    // a file that does not parse: the error names the file (hostile name and all) on one line
    writeFileSync(b, `<configuration>${EVIL}<unclosed`);
    const bad = cli(['compare-config', a, b]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(active(bad.stderr)).toEqual([]);
  });
});

describe("saved reports: diff, gate and Node's JSON.parse error text", () => {
  let dir: string;
  let report: string;
  beforeAll(() => {
    dir = tmp('term-reports');
    const host = stageHost('ready-8x');
    const r = cli(['scan', host, '--json', '--now', NOW]);
    expect([0, 1], r.stderr).toContain(r.code);
    report = r.stdout;
  });

  it('diff: a host name and finding titles with escapes (the "different hosts" note, the finding lines)', () => {
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    writeFileSync(a, report);
    const edited = JSON.parse(report);
    edited.host.name = `MFA${EVIL}`;
    for (const f of edited.findings) f.title = `${f.title}${EVIL}`;
    writeFileSync(b, JSON.stringify(edited));
    const r = cli(['diff', a, b]);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stdout + r.stderr).toContain('\\x1B]0;pwned');
    expect(active(r.stdout + r.stderr)).toEqual([]);
  });

  it('gate and diff on malformed JSON: the parse error quotes the input, shown as text on one line', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, `{"schemaVersion": 1, ${EVIL}`);
    for (const args of [
      ['gate', bad],
      ['diff', bad, bad],
    ]) {
      const r = cli(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim().split('\n')[0]).toContain('bad.json');
      expect(active(r.stderr + r.stdout), args[0]).toEqual([]);
    }
  });
});

/** A stored (uncompressed) zip with the given entries, names taken as they are (no checks, unlike yazl). */
function rawZip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, body] of entries) {
    const n = Buffer.from(name, 'utf8');
    const d = Buffer.from(body);
    const crc = crc32(d);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(d.length, 18);
    local.writeUInt32LE(d.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(d.length, 20);
    central.writeUInt32LE(d.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, d);
    centrals.push(central, n);
    offset += 30 + n.length + d.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('zips and fleets', () => {
  it('scan: a refused zip entry name is shown as text', () => {
    const dir = tmp('term-zip');
    const zip = path.join(dir, 'MFA01.zip');
    writeFileSync(
      zip,
      rawZip([
        ['bundle.json', '{"hostname":"MFA01"}'],
        [`../${EVIL}/web.config`, '<configuration/>'],
      ]),
    );
    const r = cli(['scan', zip, '--json', '--now', NOW]);
    expect(r.code).toBe(2);
    const human = cli(['scan', zip, '--now', NOW, '--out', path.join(dir, 'out')]);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('MFA01.zip');
    expect(active(r.stdout + r.stderr + human.stderr)).toEqual([]);
  });

  it('fleet: the failed: lines (a hostile file name, JSON.parse text, a refused zip entry) and the log lines', () => {
    const dir = tmp('term-fleet');
    const good = stageHost('ready-8x');
    const json = path.join(dir, `bad${EVIL}.json`);
    writeFileSync(json, `{"x": ${EVIL}`);
    const zip = path.join(dir, 'evil.zip');
    writeFileSync(zip, rawZip([[`../${EVIL}`, 'x']]));
    const r = cli(['fleet', good, json, zip, '--out', path.join(dir, 'out'), '--now', NOW, '--log-level', 'debug', '--log-format', 'text']);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stderr).toMatch(/failed: .*bad\\x1B\]0;pwned/);
    expect(r.stderr.match(/^failed: /gm)).toHaveLength(2);
    expect(active(r.stdout + r.stderr)).toEqual([]);
    const j = cli(['fleet', good, json, zip, '--json', '--now', NOW, '--log-level', 'debug', '--log-format', 'json']);
    expect(active(j.stderr)).toEqual([]);
    // every target failing: the one error line lists them all
    const none = cli(['fleet', json, zip, '--now', NOW, '--out', path.join(dir, 'out2')]);
    expect(none.code).toBe(2);
    expect(active(none.stderr)).toEqual([]);
  });

  it('fleet on a terminal: the progress line shows a hostile host name as text', () => {
    const host = stageHost('ready-8x');
    const bj = path.join(host, 'bundle.json');
    const bundle = JSON.parse(readFileSync(bj, 'utf8'));
    bundle.hostname = `MFA${EVIL}`;
    writeFileSync(bj, JSON.stringify(bundle));
    const dir = tmp('term-tty');
    // util-linux `script` gives the command a terminal; its transcript is what the terminal received.
    const cmd = [process.execPath, BIN, 'fleet', host, '--out', path.join(dir, 'out'), '--now', NOW]
      .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
      .join(' ');
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, COLUMNS: '200' },
    });
    expect(r.error, String(r.error)).toBeUndefined();
    const seen = r.stdout;
    expect(seen).toContain('[1/1] MFA\\x1B]0;pwned');
    // our own line clearing (\r ESC[2K) is the only escape sequence that reaches the terminal
    const withoutOurs = seen
      .replace(/\r\u001b\[2K/g, '')
      .replace(/\r\n/g, '\n')
      .replace(/\u001b\[[0-9;]*m/g, '');
    expect(active(withoutOurs)).toEqual([]);
  });
});

describe('log lines and the closing summary', () => {
  it('a target path with escapes: scan logs (text and JSON) and the "wrote" lines show it as text', () => {
    const staged = stageHost('ready-8x');
    const hostile = path.join(path.dirname(staged), `copy${EVIL}`);
    renameSync(staged, hostile);
    const out = path.join(tmp('term-logs'), `out${EVIL}`);
    mkdirSync(out);
    for (const fmt of ['text', 'json']) {
      const r = cli([
        'scan',
        hostile,
        '--out',
        out,
        '--format',
        'json',
        '--force',
        '--now',
        NOW,
        '--log-level',
        'debug',
        '--log-format',
        fmt,
      ]);
      expect([0, 1], r.stderr).toContain(r.code);
      expect(r.stderr).toMatch(/copy\\{1,2}x1B\]0;pwned/); // as text (JSON lines escape the backslash once more)
      expect(active(r.stdout + r.stderr), fmt).toEqual([]);
    }
  });
});
