/**
 * Runs the command in a child process when the process has an address-space limit (`ulimit -v`, Linux).
 *
 * Node reserves most of its address space up front (about 750 MB before any code runs), and glibc gives each
 * thread that allocates its own malloc arena of 64 MB reserved: under a limit around 1 GB a scan aborted with
 * exit 134 while its heap held 10 MB. The arena count is read by glibc at start-up only, so the command runs
 * again in a child with MALLOC_ARENA_MAX=2, a smaller libuv pool and fewer V8 worker threads; and whatever still
 * kills the child (a V8 out-of-memory abort) becomes exit 2 with one line, never 133/134.
 * Without a limit (and on Windows) nothing changes: null is returned and the command runs in this process.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHILD_MARK = 'MFA_READINESS_LIMITED_CHILD';

/** The soft address-space limit in bytes, or null when there is none (or it cannot be read). */
export function addressSpaceLimit(limits?: string): number | null {
  if (limits === undefined) {
    if (process.platform !== 'linux') return null;
    try {
      limits = readFileSync('/proc/self/limits', 'utf8');
    } catch {
      return null;
    }
  }
  const m = /^Max address space\s+(\S+)/m.exec(limits);
  if (!m || m[1] === 'unlimited') return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}

const PASSED_ON = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Under an address-space limit: runs bin/run.js again as a child with fewer arenas and threads, and ends this
 * process the way the child ended (its exit code; a signal it was given is raised again here; any other death
 * is exit 2 with one line). Returns a promise that never settles in that case, or null: run here as usual.
 */
export function relaunchUnderLimit(argv: string[], binUrl: string): Promise<never> | null {
  if (process.env[CHILD_MARK]) return null;
  const limit = addressSpaceLimit();
  if (limit === null) return null;
  const env = {
    ...process.env,
    [CHILD_MARK]: '1',
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '2',
  };
  const child = spawn(process.execPath, ['--v8-pool-size=2', fileURLToPath(binUrl), ...argv], { stdio: 'inherit', env });
  const pass = (sig: NodeJS.Signals) => child.kill(sig);
  for (const s of PASSED_ON) process.on(s, pass);
  return new Promise<never>(() => {
    child.on('error', (e) => {
      process.stderr.write(`mfa-readiness: cannot start the scan under the memory limit: ${e.message}\n`);
      process.exit(2);
    });
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler ends the process itself; nothing waits on it
    child.on('exit', async (code, signal) => {
      for (const s of PASSED_ON) process.removeListener(s, pass);
      if (code === 0 || code === 1 || code === 2) process.exit(code);
      if (signal && (PASSED_ON as readonly string[]).includes(signal)) {
        process.kill(process.pid, signal);
        return;
      }
      // The child died (out of memory, most likely) and could not clean up: its temp folders go now.
      try {
        const { sweepStaleTempDirs } = await import('../util/tempdirs.js');
        sweepStaleTempDirs();
      } catch {
        // nothing more to do
      }
      const mb = Math.round(limit / 1024 / 1024);
      const msg = `the scan was stopped (${signal ?? `exit ${code}`}), most likely out of memory under the address-space limit of ${mb} MB (ulimit -v): a scan needs about 1 GB of address space; raise the limit (see the README, Safety)`;
      if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ error: { code: 'resources', message: msg } })}\n`);
      process.stderr.write(`mfa-readiness: ${msg}\n`);
      process.exit(2);
    });
  });
}
