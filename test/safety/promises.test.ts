/**
 * Promises of SECURITY.md and the README's Safety section that had no test of their own (issue 15 "Done when":
 * each promise names the test that shows it).
 */
import { closeSync, existsSync, openSync, ftruncateSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import { BASE, NOW, ROOT, cli, naming, stageHost } from './helpers.js';
import type { Report } from '../../src/types.js';

describe('SECURITY.md "What it writes": logs, on stderr only', () => {
  it('scan --json --log-level debug: stdout is the report and nothing else, the log lines are on stderr', () => {
    const r = cli(['scan', stageHost(BASE), '--json', '--log-level', 'debug', '--log-format', 'json', '--now', NOW]);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout) as Report;
    expect(validateReport(report)).toEqual({ ok: true });
    const logs = r.stderr.split('\n').filter((l) => l.startsWith('{'));
    expect(logs.length).toBeGreaterThan(0);
    for (const l of logs) expect(JSON.parse(l) as { level: unknown }).toHaveProperty('level');
  });
});

describe('SECURITY.md "Bounded reads": bundle.json and manifest.json over 64 MiB are not read', () => {
  it.each(['bundle.json', 'manifest.json'])('a %s of 64 MiB + 1 byte: a problem naming it, the scan goes on, in bounded time', (name) => {
    const dir = stageHost(BASE);
    const file = path.join(dir, name);
    writeFileSync(file, '');
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 64 * 1024 * 1024 + 1); // sparse: costs no disk
    closeSync(fd);
    const r = cli(['scan', dir, '--json', '--now', NOW], { timeoutMs: 60_000 });
    expect([0, 1], r.stderr).toContain(r.code);
    const report = JSON.parse(r.stdout) as Report;
    expect(naming(report, name, /too large .* not read/)).not.toEqual([]);
  });
});

describe('the README and SECURITY.md name the tests that show their promises', () => {
  it.each(['README.md', 'SECURITY.md'])('every test file %s names exists (a glob matches at least one)', (doc) => {
    const text = readFileSync(path.join(ROOT, doc), 'utf8');
    const named = [...new Set([...text.matchAll(/`(test\/[\w./*-]+\.test\.ts)`/g)].map((m) => m[1]))];
    expect(named.length).toBeGreaterThan(10);
    const missing = named.filter((n) => {
      if (!n.includes('*')) return !existsSync(path.join(ROOT, n));
      const dir = path.dirname(n);
      const re = new RegExp(`^${path.basename(n).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
      return !readdirSync(path.join(ROOT, dir)).some((f) => re.test(f));
    });
    expect(missing).toEqual([]);
  });
});
