import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/hosts.js';
import { needs } from '../helpers/tools.js';
import { APPHOST, BASE, HOSTILE, NOW, stageHost, tmp } from './helpers.js';

/**
 * Read-only, proven under a syscall trace (system test layer: needs strace, which
 * scripts/setup-test-tools.sh installs): a scan opens no file inside the target for writing, creates,
 * renames, deletes, links, truncates, chmods or re-times nothing there, and opens no internet socket.
 * readonly.test.ts has the snapshot checks around every fixture and every format.
 */

const TRACED =
  'socket,connect,sendto,sendmsg,openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,link,linkat,symlink,symlinkat,truncate,ftruncate,chmod,fchmodat,utimensat';

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
    const args = m[2];
    const paths = [...args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((x) => path.resolve(cwd, x[1]));
    calls.push({ name: m[1], paths, args });
  }
  return calls;
}

const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep);

describe.skipIf(!needs('the strace read-only test', 'strace'))(
  'under strace, a scan opens nothing in the target for writing, changes nothing there, and opens no network socket',
  () => {
    it('shows only read-only opens inside the target, and writes only in --out', () => {
      const dir = stageHost(BASE);
      // With external entities (file: and http:) in applicationHost.config: nothing may be fetched.
      copyFileSync(path.join(HOSTILE, 'applicationHost.config.xxe'), path.join(dir, APPHOST));
      const out = tmp('strace-out');
      const log = path.join(tmp('strace-log'), 'trace.log');
      const r = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-e',
          `trace=${TRACED}`,
          '-o',
          log,
          process.execPath,
          BIN,
          'scan',
          dir,
          '--format',
          'json,html,md,junit',
          '--out',
          out,
          '--log-level',
          'debug',
          '--now',
          NOW,
        ],
        { encoding: 'utf8', timeout: 120_000, cwd: out },
      );
      expect([0, 1], r.stderr).toContain(r.status);
      const calls = parseTrace(readFileSync(log, 'utf8'), out);
      const inTarget = calls.filter((c) => c.paths.some((p) => inside(p, dir)));
      // Positive controls: the trace did see the scan read the target and write the reports.
      expect(inTarget.some((c) => /^open/.test(c.name) && c.paths.some((p) => p.endsWith(path.join('PhoneFactor', 'web.config'))))).toBe(
        true,
      );
      expect(calls.some((c) => /^open/.test(c.name) && /O_WRONLY|O_RDWR/.test(c.args) && c.paths.some((p) => inside(p, out)))).toBe(true);

      const writes = inTarget.filter((c) => (/^open/.test(c.name) && /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(c.args)) || c.name === 'creat');
      expect(writes.map((c) => `${c.name}(${c.args}`)).toEqual([]);
      const changes = inTarget.filter((c) => !/^open/.test(c.name));
      expect(changes.map((c) => `${c.name}(${c.args}`)).toEqual([]);
      // No network: no internet socket is opened (the scan runs offline; XXE and DTD URLs are never fetched).
      const net = calls.filter(
        (c) =>
          (c.name === 'socket' || c.name === 'connect' || c.name === 'sendto' || c.name === 'sendmsg') &&
          /AF_INET6?\b|sin6?_port/.test(c.args),
      );
      expect(net.map((c) => `${c.name}(${c.args}`)).toEqual([]);
    });
  },
);
