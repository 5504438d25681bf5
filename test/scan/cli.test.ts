import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runCli, stageHost } from '../helpers/hosts.js';

const NOW = '2026-11-21T09:00:00Z';
const DEMO = 'pf-agent-5x-all-in-one';

function oneLine(s: string): string[] {
  return s.split('\n').filter((l) => l.trim() !== '');
}

describe('scan: input errors are exit 2 with one clear line and no report', () => {
  it('a folder that is not a host copy', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mfa-cwd-'));
    const r = runCli(['scan', path.join(ROOT, 'fixtures', 'not-a-host')], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not-a-host.*not a copy of a Windows host/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a target that does not exist', () => {
    const r = runCli(['scan', '/nonexistent/MFA01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/nonexistent\/MFA01: target does not exist/);
    expect(oneLine(r.stderr)).toHaveLength(1);
  });

  it('a bad flag value', () => {
    for (const args of [
      ['--fail-on', 'severe'],
      ['--now', 'yesterday'],
      ['--target-version', 'latest'],
      ['--stage', 'during'],
      ['--baseline', 'before.json'],
      ['--goal', 'cloud'],
      ['--drive', 'nonsense'],
      ['--no-such-flag'],
    ]) {
      const r = runCli(['scan', stageHost(DEMO), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(oneLine(r.stderr).length, r.stderr).toBeLessThanOrEqual(3);
    }
  });

  it('under --json, stdout carries the error object', () => {
    const r = runCli(['scan', '/nonexistent/MFA01', '--json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as { error: { message: string } };
    expect(j.error.message).toMatch(/target does not exist/);
  });

  it('an unreadable waiver file names the file and line', () => {
    const w = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-w-')), 'waivers.yml');
    writeFileSync(w, 'waivers:\n  - rule: MFA-LIFE-001\n    reason: ok\n    expires: 2027-13-01\n');
    const r = runCli(['scan', stageHost(DEMO), '--waivers', w, '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/waivers\.yml:\d+/);
  });

  it('refuses to write reports inside the target', () => {
    const dir = stageHost(DEMO);
    const r = runCli(['scan', dir, '--out', path.join(dir, 'reports'), '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inside the scanned target/);
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });
});

describe('scan: outputs', () => {
  it('writes html and json by default into the working folder, with a summary on stderr', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mfa-cwd-'));
    const r = runCli(['scan', stageHost(DEMO), '--now', NOW], { cwd });
    expect(r.code).toBe(1);
    const files = readdirSync(cwd).sort();
    expect(files).toEqual([
      expect.stringMatching(/^mfa-readiness-.+-2026-11-21\.html$/),
      expect.stringMatching(/^mfa-readiness-.+-2026-11-21\.json$/),
    ]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not-ready \(gate fail, fail-on critical\)/);
    expect(r.stderr).toContain(`wrote ${path.join(cwd, files[0])}`);
  });

  it('--json prints only the report and writes nothing unless asked', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mfa-cwd-'));
    const r = runCli(['scan', stageHost(DEMO), '--json', '--now', NOW], { cwd });
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--output FILE names every format; --fail-on none passes', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mfa-cwd-'));
    const r = runCli(
      ['scan', stageHost(DEMO), '--output', 'readiness-report.json', '--format', 'json,md,junit', '--fail-on', 'none', '--now', NOW],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['readiness-report.json', 'readiness-report.junit.xml', 'readiness-report.md']);
  });

  it('scans a bundle zipped by collect --zip the same as the folder, and refuses a zip that is not one', () => {
    const dir = stageHost('mfa-7x-on-adfs');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-zip-')), 'MFA');
    const c = runCli(['collect', '--out', out, '--zip'], { env: { MFA_READINESS_COLLECT_FROM: dir } });
    expect(c.code, c.stderr).toBe(0);
    const fromZip = JSON.parse(runCli(['scan', `${out}.zip`, '--json', '--now', NOW]).stdout);
    const fromDir = JSON.parse(runCli(['scan', dir, '--json', '--now', NOW]).stdout);
    expect(fromZip.scan.target.location).toBe(`${out}.zip`);
    expect(fromZip.findings.map((f: { id: string }) => f.id)).toEqual(fromDir.findings.map((f: { id: string }) => f.id));
    expect(fromZip.plan.map((s: { id: string }) => s.id)).toEqual(fromDir.plan.map((s: { id: string }) => s.id));
    const bad = path.join(path.dirname(out), 'not-a-bundle.zip');
    writeFileSync(bad, 'garbage');
    const r = runCli(['scan', bad]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/not-a-bundle\.zip: cannot be read as a bundle zip/)]);
  });

  it('rules lists the catalog, --json too', () => {
    const r = runCli(['rules', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { rules: { id: string }[] };
    expect(j.rules.map((x) => x.id)).toContain('MFA-BKP-001');
  });
});
