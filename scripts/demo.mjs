#!/usr/bin/env node
// The README's first command: scan the bundled demo host and write readiness-report.{json,html,md}.
// git keeps no file times, and the demo's backups and theme changes depend on them: `npm ci` restores them (the
// "prepare" script), and the demo applies the host's times list again in case that was skipped
// (--ignore-scripts) or a checkout rewrote the files since (this is our fixture, not a scanned production host).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyTimes } from './fixtures/lib/times.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = 'pf-agent-5x-all-in-one';
const dir = path.join(root, 'fixtures', 'hosts', host);
applyTimes(dir, JSON.parse(readFileSync(path.join(root, 'fixtures', 'hosts', `${host}.times.json`), 'utf8')));
const args = [
  path.join(root, 'bin', 'run.js'),
  'scan',
  path.relative(process.cwd(), dir) || '.',
  '--output',
  'readiness-report.json',
  '--format',
  'json,html,md',
  ...process.argv.slice(2),
];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
// Exit 1 means "the host is not ready", which is the demo's point: the report was written.
process.exit(r.status === 1 ? 0 : (r.status ?? 2));
