import { existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expected, hostNames, snapshot } from '../helpers/hosts.js';
import { BASE, NOW, cli, stageHost, tmp } from './helpers.js';

/**
 * Read-only, proven (issue 6, part 1). test/scan/fixtures.test.ts already compares a snapshot (content
 * digests, sizes, modes, mtimes, no new files) around a `--json` scan of every fixture host. Here:
 *  - the same with every report format written, debug logs on, and the inode change time (ctime), which
 *    any write, chmod, rename or utimes (even one that restores the old mtime) moves;
 *  - (the syscall trace under strace is in readonly-strace.test.ts, in the system test layer);
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
    const r = cli(
      ['scan', dir, '--format', 'json,html,md,junit', '--out', out, '--log-level', 'debug', '--now', NOW, ...(expected(name).flags ?? [])],
      { cwd },
    );
    expect([0, 1], r.stderr).toContain(r.code);
    expect(snapshotWithCtime(dir)).toEqual(before);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).length).toBe(4);
    expect(readdirSync(cwd)).toEqual([]);
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
