/**
 * The temp folders this process makes (zips unpacked for `scan` and `fleet`), and their removal whatever way the
 * process ends: at exit (a crash included), and on SIGINT, SIGTERM and SIGHUP before the signal is let through.
 * A run killed outright (SIGKILL, an abort) cannot clean up: each folder's name carries the prefix and the pid
 * of the run that made it, and the next run of ours removes those whose process is gone.
 */
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `mfa-readiness-tmp-<pid>-<random>` in the system temp folder. */
export const TEMP_PREFIX = 'mfa-readiness-tmp-';

const live = new Set<string>();
let hooked = false;
let swept = false;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeAllNow(): void {
  for (const dir of live) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // nothing more can be done on the way out; the next run's sweep removes it
    }
  }
  live.clear();
}

function onSignal(sig: NodeJS.Signals): void {
  removeAllNow();
  // Let the signal end the process as it would have without us (the shell sees "killed by SIGINT").
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, sig);
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAllNow);
  for (const s of SIGNALS) process.on(s, onSignal);
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp folders an earlier run of ours left when it was killed: named with our prefix, owned by this
 * user, and made by a pid that no longer runs. Never throws. Returns what it removed.
 */
export function sweepStaleTempDirs(root = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return removed;
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const m = /^(\d+)-/.exec(name.slice(TEMP_PREFIX.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    const p = path.join(root, name);
    try {
      const st = lstatSync(p);
      if (!st.isDirectory() || (uid !== null && st.uid !== uid)) continue;
      rmSync(p, { recursive: true, force: true });
      removed.push(p);
    } catch {
      // another run removed it first, or it cannot be removed: leave it
    }
  }
  return removed;
}

/** Makes a temp folder that is removed when the process ends, however it ends (see above). */
export function makeTempDir(): string {
  if (!swept) {
    swept = true;
    sweepStaleTempDirs();
  }
  hook();
  const dir = mkdtempSync(path.join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
  live.add(dir);
  return dir;
}

/** Removes a temp folder made by makeTempDir now (it is then no longer removed at exit). */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 2 });
  live.delete(dir);
}
