import { spawnSync } from 'node:child_process';
import { BIN, ROOT, type CliResult } from '../helpers/hosts.js';

/** Whether util-linux `script` is here to give the CLI a terminal. */
export const HAVE_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the CLI on a pseudo-terminal (stdout and stderr both a TTY, as for a person at a console), through
 * util-linux `script`. Both streams arrive together in `stdout`, with \r\n line ends turned into \n.
 */
export function runTty(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const cmd = [process.execPath, BIN, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, COLUMNS: '160', ...opts.env },
    input: '',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout.replace(/\r\n/g, '\n'), stderr: r.stderr };
}

/** Non-empty lines. */
export const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
