// Running Windows programs under Wine for tests and the harness. A Windows program's stdout/stderr go to
// FILES (a pipe fails under Wine), read back once it exits.
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Default prefix: one per user, outside the repository (a prefix is ~700 MB). */
export const DEFAULT_PREFIX =
  process.env.MFA_WINE_PREFIX ?? path.join(os.tmpdir(), `mfa-readiness-wine-${process.getuid?.() ?? 0}`, 'prefix');

/** "/tmp/x/y" -> "Z:\\tmp\\x\\y" (Wine maps Z: to /). */
export function winePath(p) {
  return 'Z:' + path.resolve(p).replace(/\//g, '\\');
}

/**
 * Makes the prefix ready (scripts/wine/setup.sh: creates the prefix, win10; wine itself comes from
 * scripts/setup-test-tools.sh). Resolves { ok: true, ms } or { ok: false, reason } where wine is missing.
 */
export function ensureWine(prefix = DEFAULT_PREFIX) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile('sh', [path.join(HERE, 'setup.sh'), prefix], { timeout: 15 * 60_000 }, (err, _out, stderr) => {
      if (err) resolve({ ok: false, reason: `${String(stderr).trim() || err.message}` });
      else resolve({ ok: true, ms: Date.now() - t0 });
    });
  });
}

/** Environment for Wine processes: quiet, no Mono/Gecko prompts, and `extra` on top. */
export function wineEnv(prefix = DEFAULT_PREFIX, extra = {}) {
  return { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', ...extra };
}

/**
 * `wine <args...>` with stdout and stderr sent to files. Resolves { code, stdout, stderr, ms }
 * (stdout/stderr as Buffers). `env` adds variables (e.g. LC_ALL).
 */
export function runWine(args, { prefix = DEFAULT_PREFIX, env = {}, cwd, timeoutMs = 300_000 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mfa-wine-run-'));
  const outFile = path.join(dir, 'stdout');
  const errFile = path.join(dir, 'stderr');
  const out = openSync(outFile, 'w');
  const errFd = openSync(errFile, 'w');
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('wine', args, { stdio: ['ignore', out, errFd], env: wineEnv(prefix, env), cwd });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const finish = (code, error) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(errFd);
      const res = { code, stdout: readFileSync(outFile), stderr: readFileSync(errFile), ms: Date.now() - t0 };
      rmSync(dir, { recursive: true, force: true });
      if (error) reject(error);
      else resolve(res);
    };
    child.on('error', (e) => finish(null, e));
    child.on('exit', (code) => finish(code));
  });
}

/** `wine reg import <file>` (a .reg file: UTF-16LE with BOM as Windows writes them, or REGEDIT4). */
export async function regImport(regFile, opts = {}) {
  const r = await runWine(['reg', 'import', winePath(regFile)], opts);
  if (r.code !== 0) throw new Error(`reg import ${regFile} failed (${r.code}): ${r.stdout}${r.stderr}`);
  return r;
}

/** The prefix's C: drive folder. */
export function driveC(prefix = DEFAULT_PREFIX) {
  return path.join(prefix, 'drive_c');
}

export function ensureDir(p) {
  if (!existsSync(p)) mkdirSync(p, { recursive: true });
  return p;
}
