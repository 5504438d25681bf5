/** scan as a person at a console sees it, and as a pipe or CI log sees it; a second scan on the same day. */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, stageHost } from '../helpers/hosts.js';
import { HAVE_SCRIPT, lines, runTty } from './helpers.js';

const NOW = '2026-11-21T09:00:00Z';
let host: string;
beforeAll(() => {
  host = stageHost('mfa-7x-on-adfs');
});
const tmp = () => mkdtempSync(path.join(tmpdir(), 'mfa-term-'));

describe.skipIf(!HAVE_SCRIPT)('scan on a terminal', () => {
  it('ends with a table of the open findings and where the reports went; log lines are readable text', () => {
    const out = tmp();
    const r = runTty(['scan', host, '--now', NOW, '--out', out, '--log-level', 'info'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const l = lines(r.stdout);
    expect(l).toContain('ADFS01: ready-with-warnings (gate pass, fail-on critical)');
    expect(l.find((x) => x.startsWith('SEVERITY'))).toMatch(/^SEVERITY\s+RULE\s+COMPONENT\s+TITLE$/);
    expect(r.stdout).toMatch(/^high\s+MFA-LIFE-001\s+host\s+MFA Server no longer services MFA requests/m);
    expect(r.stdout).toMatch(/^\d+ open finding\(s\) \(3 high, 2 info\); \d+ plan step\(s\)$/m);
    const i = l.indexOf('Reports:');
    expect(i).toBeGreaterThan(0);
    expect(l.slice(i + 1).map((x) => x.trim())).toEqual(
      readdirSync(out)
        .sort()
        .map((f) => path.join(out, f)),
    );
    expect(r.stdout).toMatch(/^INFO {2}scan started target=\S+ kind=bundle$/m);
    expect(r.stdout).not.toContain('"level":');
  });

  it('--log-format json keeps JSON log lines on a terminal', () => {
    const r = runTty(['scan', host, '--now', NOW, '--out', tmp(), '--log-level', 'info', '--log-format', 'json']);
    expect(r.stdout).toMatch(/^\{"level":30,"time":\d+,"target":.*"msg":"scan started"\}$/m);
  });

  it('--json on a terminal prints the report only, no table', () => {
    const r = runTty(['scan', host, '--now', NOW, '--json']);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });
});

describe('scan into a pipe', () => {
  it('no table on stdout; the summary and JSON log lines on stderr', () => {
    const r = runCli(['scan', host, '--now', NOW, '--out', tmp(), '--log-level', 'info']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('SEVERITY');
    expect(r.stderr).toMatch(/^\{"level":30,.*"msg":"scan started"\}$/m);
    expect(r.stderr).toMatch(/^ADFS01: ready-with-warnings \(gate pass, fail-on critical\) - /m);
  });
});

describe('a second scan of the same host on the same day', () => {
  it('does not overwrite the first report: it is named -2 and says so; --force replaces', () => {
    const out = tmp();
    const first = runCli(['scan', host, '--now', NOW, '--out', out]);
    expect(first.code).toBe(0);
    const firstJson = path.join(out, 'mfa-readiness-ADFS01-2026-11-21.json');
    const mtime = statSync(firstJson).mtimeMs;
    const second = runCli(['scan', host, '--now', NOW, '--out', out]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(
      'note: an earlier report of ADFS01 from 2026-11-21 is there; this one is named mfa-readiness-ADFS01-2026-11-21-2.* (--force replaces the earlier one)',
    );
    expect(second.stderr).toContain(`wrote ${path.join(out, 'mfa-readiness-ADFS01-2026-11-21-2.json')}`);
    expect(readdirSync(out).sort()).toEqual([
      'mfa-readiness-ADFS01-2026-11-21-2.html',
      'mfa-readiness-ADFS01-2026-11-21-2.json',
      'mfa-readiness-ADFS01-2026-11-21.html',
      'mfa-readiness-ADFS01-2026-11-21.json',
    ]);
    expect(statSync(firstJson).mtimeMs).toBe(mtime);
    runCli(['scan', host, '--now', NOW, '--out', out]);
    expect(readdirSync(out)).toContain('mfa-readiness-ADFS01-2026-11-21-3.json');
    const forced = runCli(['scan', host, '--now', NOW, '--out', out, '--force']);
    expect(forced.stderr).not.toContain('note:');
    expect(forced.stderr).toContain(`wrote ${firstJson}`);
    expect(readdirSync(out)).toHaveLength(6);
  });

  it('--output names the file: it is replaced', () => {
    const out = tmp();
    runCli(['scan', host, '--now', NOW, '--output', 'r.json', '--format', 'json'], { cwd: out });
    const r = runCli(['scan', host, '--now', NOW, '--output', 'r.json', '--format', 'json'], { cwd: out });
    expect(r.stderr).not.toContain('note:');
    expect(readdirSync(out)).toEqual(['r.json']);
  });
});
