import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { extractZip, ZIP_LIMITS } from '../../src/fleet/inputs.js';
import { sweepStaleTempDirs, TEMP_PREFIX } from '../../src/util/tempdirs.js';
import { BIN } from '../helpers/hosts.js';
import { BASE, cli, garbage, NOW, stageHost, tmp } from './helpers.js';

// Bounded work, issue 15 items 4, 6 and 16: hostile zips are refused before anything is written, concurrent
// extractions share one byte budget, a FIFO in a fleet folder is never opened, and no unpacked bundle is left in
// the temp folder (on a signal, or by an earlier run that was killed). Hostile zips are made here, at test time.

const work = tmp('bounded-zip');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A private temp folder for one child run (TMPDIR), so what it leaves can be counted. */
function privateTmp(name: string): string {
  const d = path.join(work, `tmp-${name}`);
  mkdirSync(d, { recursive: true });
  return d;
}
const leftIn = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

type Entry = [name: string, data: Buffer | (() => Readable), opts?: { compress?: boolean }];

async function makeZip(file: string, entries: Entry[]): Promise<string> {
  const z = new yazl.ZipFile();
  for (const [name, data, o] of entries) {
    if (Buffer.isBuffer(data)) z.addBuffer(data, name, { compress: o?.compress ?? true, mtime: new Date('2026-01-01T00:00:00Z') });
    else z.addReadStream(data(), name, { compress: o?.compress ?? true, mtime: new Date('2026-01-01T00:00:00Z') });
  }
  z.end();
  await pipeline(z.outputStream, createWriteStream(file));
  return file;
}

/** A fixture host as a collect zip (every file under a top folder). */
async function bundleZip(file: string, extra: Entry[] = []): Promise<string> {
  const dir = stageHost(BASE);
  const entries: Entry[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) entries.push([path.join('MFA01', path.relative(dir, p)).split(path.sep).join('/'), readFileSync(p)]);
    }
  };
  walk(dir);
  return makeZip(file, [...entries, ...extra]);
}

/** A real zip of n empty stored files, written by hand (yazl takes minutes for tens of thousands of entries). */
function emptyEntriesZip(file: string, n: number): string {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const name = Buffer.from(`MFA01/e${i}`);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(10, 4);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(10, 6);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name);
    central.push(ch, name);
    offset += 30 + name.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(n, 8);
  eocd.writeUInt16LE(n, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, cd, eocd]));
  return file;
}

/** n MiB of zeros, streamed (never held whole). */
const zeros = (mib: number) => () =>
  Readable.from(
    (function* () {
      const chunk = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < mib; i++) yield chunk;
    })(),
  );

describe('scan of a hostile zip', () => {
  it('a zip bomb (200 MiB of zeros in a few hundred KB) is refused before anything is unpacked', async () => {
    const zip = await makeZip(path.join(work, 'bomb.zip'), [
      ['MFA01/bundle.json', Buffer.from('{}')],
      ['MFA01/fs/C/pad.bin', zeros(200)],
    ]);
    expect(statSync(zip).size).toBeLessThan(1024 * 1024);
    const t = privateTmp('bomb');
    const run = cli(['scan', zip, '--json'], { env: { TMPDIR: t }, timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bomb.zip');
    expect(run.stderr).toMatch(/more than 100 times its size/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(leftIn(t)).toEqual([]);
  }, 90_000);

  it('more entries than a bundle ever has (20,001 empty files) is refused at once', async () => {
    const zip = emptyEntriesZip(path.join(work, 'many.zip'), ZIP_LIMITS.maxEntries + 1);
    const t = privateTmp('many');
    const run = cli(['scan', zip, '--json'], { env: { TMPDIR: t } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/many\.zip: .*20001 entries, more than 20000/);
    expect(run.ms).toBeLessThan(20_000);
    expect(leftIn(t)).toEqual([]);
  }, 60_000);

  it('an entry whose bytes do not match its CRC-32 is refused, and the unpacked part removed', async () => {
    const payload = Buffer.from('PLANTED-CONTENT-'.repeat(64));
    const zip = await bundleZip(path.join(work, 'crc.zip'), [['MFA01/zz-last.txt', payload, { compress: false }]]);
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(payload);
    expect(at).toBeGreaterThan(0);
    bytes[at + 10] ^= 0xff; // stored, so the change is in the entry's data; sizes stay right
    writeFileSync(zip, bytes);
    const t = privateTmp('crc');
    const run = cli(['scan', zip, '--json'], { env: { TMPDIR: t } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/crc\.zip: .*zz-last\.txt fails its CRC-32 check/);
    expect(leftIn(t)).toEqual([]);
  }, 60_000);

  it('a good bundle zip still scans (exit 0 or 1), and leaves nothing in the temp folder', async () => {
    const zip = await bundleZip(path.join(work, 'good.zip'));
    const t = privateTmp('good');
    const run = cli(['scan', zip, '--json', '--now', NOW], { env: { TMPDIR: t } });
    expect([0, 1], run.stderr).toContain(run.code);
    expect(JSON.parse(run.stdout).host).toBeTruthy();
    expect(leftIn(t)).toEqual([]);
  }, 60_000);
});

describe('concurrent extractions share one byte budget', () => {
  it("a second zip waits until the first one's folder is removed", async () => {
    const a = await makeZip(path.join(work, 'a.zip'), [['x.bin', garbage(600_000, 1)]]);
    const b = await makeZip(path.join(work, 'b.zip'), [['x.bin', garbage(600_000, 2)]]);
    const limits = { budgetBytes: 1_000_000, maxBytes: 1_000_000 };
    const first = await extractZip(a, limits);
    let done = false;
    const second = extractZip(b, limits).then((r) => ((done = true), r));
    await new Promise((r) => setTimeout(r, 400));
    expect(done).toBe(false);
    rmSync(first.tempRoot, { recursive: true, force: true });
    const r = await second;
    expect(readFileSync(path.join(r.tempRoot, 'x.bin')).equals(garbage(600_000, 2))).toBe(true);
    rmSync(r.tempRoot, { recursive: true, force: true });
  });
});

describe('fleet over a folder holding a FIFO named *.json and *.zip', () => {
  it('lists them as failed (not a regular file) and never opens them; the bundle beside them is scanned', async () => {
    const dir = path.join(work, 'fifo-fleet');
    mkdirSync(dir);
    await bundleZip(path.join(dir, 'MFA01.zip'));
    for (const n of ['pipe.json', 'pipe.zip']) expect(spawnSync('mkfifo', [path.join(dir, n)]).status).toBe(0);
    const t = privateTmp('fifo');
    const run = cli(['fleet', dir, '--json', '--now', NOW], { env: { TMPDIR: t }, timeoutMs: 60_000 });
    expect(run.signal, 'fleet hung on the FIFO').toBeNull();
    expect(run.stdout, run.stderr).toMatch(/"hosts"/);
    const out = JSON.parse(run.stdout) as { hosts: { target: string; status: string; reason?: string | null }[] };
    const byTarget = new Map(out.hosts.map((h) => [path.basename(h.target), h]));
    for (const n of ['pipe.json', 'pipe.zip']) {
      expect(byTarget.get(n)?.status).toBe('failed');
      expect(byTarget.get(n)?.reason).toMatch(/not a regular file \(a named pipe\)/);
    }
    expect(byTarget.get('MFA01.zip')?.status).toBe('scanned');
    expect(leftIn(t)).toEqual([]);
  }, 90_000);
});

describe('nothing left in the temp folder', () => {
  it('SIGINT or SIGTERM during a zip scan removes the unpacked bundle', async () => {
    // A bundle with a 40 MB incompressible file to hash: the scan is caught while the unpacked copy exists.
    const zip = await bundleZip(path.join(work, 'slow.zip'), [
      ['MFA01/fs/C/program files/phonefactor/DATA/big.bin', garbage(40 * 1024 * 1024, 7), { compress: false }],
    ]);
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      const t = privateTmp(`sig-${sig}`);
      const child = spawn(process.execPath, [BIN, 'scan', zip, '--json', '--now', NOW], {
        env: { ...process.env, TMPDIR: t },
        stdio: 'ignore',
      });
      const ended = new Promise<{ code: number | null; signal: string | null }>((res) =>
        child.on('exit', (code, signal) => res({ code, signal })),
      );
      let seen = false;
      for (let i = 0; i < 400 && !seen; i++) {
        await new Promise((r) => setTimeout(r, 25));
        seen = leftIn(t).length > 0;
      }
      expect(seen, 'the scan made its temp folder').toBe(true);
      child.kill(sig);
      const r = await ended;
      // Killed by the signal, as without the clean-up (or done first, on a fast machine).
      expect([sig, null]).toContain(r.signal);
      expect(leftIn(t)).toEqual([]);
    }
  }, 120_000);

  it("at start, a run removes what an earlier killed run (its pid gone) left; a live run's folder stays", async () => {
    const t = privateTmp('stale');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = path.join(t, `${TEMP_PREFIX}${dead.stdout}-abc123`);
    const mine = path.join(t, `${TEMP_PREFIX}${process.pid}-def456`);
    for (const d of [stale, mine]) {
      mkdirSync(path.join(d, 'MFA01'), { recursive: true });
      writeFileSync(path.join(d, 'MFA01', 'data.bin'), 'x');
    }
    const zip = await bundleZip(path.join(work, 'after-kill.zip'));
    const run = cli(['scan', zip, '--json', '--now', NOW], { env: { TMPDIR: t } });
    expect([0, 1], run.stderr).toContain(run.code);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(mine)).toBe(true);
    expect(sweepStaleTempDirs(t)).toEqual([]);
  }, 60_000);
});
