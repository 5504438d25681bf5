import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, expected, hostNames, snapshot } from '../helpers/hosts.js';
import { APPHOST, BASE, HOSTILE, NOW, cli, stageHost, tmp } from './helpers.js';

/**
 * Read-only, proven (issue 6, part 1). test/scan/fixtures.test.ts already compares a snapshot (content
 * digests, sizes, modes, mtimes, no new files) around a `--json` scan of every fixture host. Here:
 *  - the same with every report format written, debug logs on, and the inode change time (ctime), which
 *    any write, chmod, rename or utimes (even one that restores the old mtime) moves;
 *  - a syscall trace (strace) showing no file inside the target opened for writing, and nothing
 *    created, renamed, deleted, linked, truncated, chmod-ed or re-timed there;
 *  - reports refused where --out/--output lands inside the target, however the path is spelled.
 */

/** snapshot() plus each entry's ctime. */
function snapshotWithCtime(dir: string): Map<string, string> {
  const snap = snapshot(dir);
  for (const rel of snap.keys()) snap.set(rel, `${snap.get(rel)}:ctime=${lstatSync(path.join(dir, rel)).ctimeMs}`);
  snap.set('.', `root:ctime=${lstatSync(dir).ctimeMs}:mtime=${lstatSync(dir).mtimeMs}`);
  return snap;
}

describe.each(hostNames())('scanning %s writes every format and changes nothing in the target', (name) => {
  it('same files, digests, modes, mtimes and ctimes; no new files; reports only in --out', () => {
    const dir = stageHost(name);
    const out = tmp('out');
    const cwd = tmp('cwd');
    const before = snapshotWithCtime(dir);
    const r = cli(['scan', dir, '--format', 'json,html,md,junit', '--out', out, '--log-level', 'debug', '--now', NOW, ...(expected(name).flags ?? [])], { cwd });
    expect([0, 1], r.stderr).toContain(r.code);
    expect(snapshotWithCtime(dir)).toEqual(before);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).length).toBe(4);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

// ---- strace ----

const TRACED = 'socket,connect,sendto,sendmsg,openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,link,linkat,symlink,symlinkat,truncate,ftruncate,chmod,fchmodat,utimensat';

function haveStrace(): boolean {
  if (spawnSync('strace', ['-V']).status === 0) return true;
  // CI has apt: install it when missing (as the brief says, waiting for others' apt locks).
  spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update'], { stdio: 'ignore', timeout: 300_000 });
  spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', 'strace'], { stdio: 'ignore', timeout: 300_000 });
  return spawnSync('strace', ['-V']).status === 0;
}

interface Call {
  name: string;
  paths: string[];
  args: string;
}

/** Syscalls from an strace -f log (the first line of an <unfinished ...> call holds its arguments). */
function parseTrace(log: string, cwd: string): Call[] {
  const calls: Call[] = [];
  for (const line of log.split('\n')) {
    const m = /^(?:\[pid\s+)?\d+\]?\s+(\w+)\((.*)$/.exec(line);
    if (!m || line.includes('resumed>')) continue;
    const args = m[2]!;
    const paths = [...args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => path.resolve(cwd, x[1]!));
    calls.push({ name: m[1]!, paths, args });
  }
  return calls;
}

const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep);

describe('under strace, a scan opens nothing in the target for writing, changes nothing there, and opens no network socket', () => {
  let available = false;
  beforeAll(() => {
    available = haveStrace();
  }, 900_000);

  it('shows only read-only opens inside the target, and writes only in --out', (ctx) => {
    if (!available) {
      console.warn('strace is not installed and could not be installed with apt-get: syscall trace test not run');
      ctx.skip();
    }
    const dir = stageHost(BASE);
    // With external entities (file: and http:) in applicationHost.config: nothing may be fetched.
    copyFileSync(path.join(HOSTILE, 'applicationHost.config.xxe'), path.join(dir, APPHOST));
    const out = tmp('strace-out');
    const log = path.join(tmp('strace-log'), 'trace.log');
    const r = spawnSync(
      'strace',
      ['-f', '-qq', '-e', `trace=${TRACED}`, '-o', log, process.execPath, BIN, 'scan', dir, '--format', 'json,html,md,junit', '--out', out, '--log-level', 'debug', '--now', NOW],
      { encoding: 'utf8', timeout: 120_000, cwd: out },
    );
    expect([0, 1], r.stderr).toContain(r.status);
    const calls = parseTrace(readFileSync(log, 'utf8'), out);
    const inTarget = calls.filter((c) => c.paths.some((p) => inside(p, dir)));
    // Positive controls: the trace did see the scan read the target and write the reports.
    expect(inTarget.some((c) => /^open/.test(c.name) && c.paths.some((p) => p.endsWith(path.join('PhoneFactor', 'web.config'))))).toBe(true);
    expect(calls.some((c) => /^open/.test(c.name) && /O_WRONLY|O_RDWR/.test(c.args) && c.paths.some((p) => inside(p, out)))).toBe(true);

    const writes = inTarget.filter((c) => (/^open/.test(c.name) && /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(c.args)) || c.name === 'creat');
    expect(writes.map((c) => `${c.name}(${c.args}`)).toEqual([]);
    const changes = inTarget.filter((c) => !/^open/.test(c.name));
    expect(changes.map((c) => `${c.name}(${c.args}`)).toEqual([]);
    // No network: no internet socket is opened (the scan runs offline; XXE and DTD URLs are never fetched).
    const net = calls.filter((c) => (c.name === 'socket' || c.name === 'connect' || c.name === 'sendto' || c.name === 'sendmsg') && /AF_INET6?\b|sin6?_port/.test(c.args));
    expect(net.map((c) => `${c.name}(${c.args}`)).toEqual([]);
  });
});

// ---- reports are refused inside the target ----

describe('reports are refused inside the target, however the path is spelled', () => {
  let dir: string;
  let before: Map<string, string>;
  beforeAll(() => {
    dir = stageHost(BASE);
    before = snapshotWithCtime(dir);
  });

  function refused(args: string[], cwd?: string): void {
    const r = cli(['scan', ...args, '--now', NOW], { cwd });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/refusing to write a report inside the scanned target/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshotWithCtime(dir)).toEqual(before);
  }

  it('--out inside it', () => refused([dir, '--out', path.join(dir, 'reports')]));
  it('--out the target itself, and the working folder inside it with no --out', () => {
    refused([dir, '--out', dir]);
    refused([dir, '--format', 'json'], path.join(dir, 'fs'));
  });
  it('--output FILE inside it', () => refused([dir, '--output', path.join(dir, 'fs', 'C', 'report.json')]));
  it('with ".." segments that lead back in', () => {
    const out = tmp('dotdot');
    refused([dir, '--out', path.join(out, '..', path.relative(path.dirname(out), dir), 'fs', '..', 'reports')]);
  });
  it('through a link that points into it (as --out, and as the target)', () => {
    const links = tmp('links');
    symlinkSync(dir, path.join(links, 'to-target'));
    refused([dir, '--out', path.join(links, 'to-target', 'reports')]);
    refused([path.join(links, 'to-target'), '--out', path.join(dir, 'reports')]);
  });
  it('in another case (Windows, macOS and SMB-mounted copies ignore case)', () => {
    const upper = path.join(path.dirname(dir), path.basename(dir).toUpperCase());
    refused([dir, '--out', path.join(upper, 'reports')]);
    expect(existsSync(upper)).toBe(false);
  });
  it('inside a --drive folder', () => {
    const extra = tmp('drive-e');
    mkdirSync(path.join(extra, 'Backups'));
    const r = cli(['scan', dir, '--drive', `E=${extra}`, '--out', path.join(extra, 'Backups', 'reports'), '--now', NOW]);
    expect(r.code).toBe(2);
    expect(readdirSync(path.join(extra, 'Backups'))).toEqual([]);
  });
  it('but a sibling folder whose name starts with the target name is fine', () => {
    const r = cli(['scan', dir, '--format', 'json', '--out', `${dir}-reports`, '--now', NOW]);
    expect([0, 1]).toContain(r.code);
    expect(readdirSync(`${dir}-reports`).length).toBe(1);
  });
});
