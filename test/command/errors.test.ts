/** What a user sees when the command line is wrong: exit 2, the problem and the help to read, never oclif's dump. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/hosts.js';
import { lines } from './helpers.js';

describe('usage errors: exit 2, what is wrong and the help to read', () => {
  it('a missing argument says which', () => {
    const r = runCli(['diff', 'monday.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'mfa-readiness diff: Missing 1 required arg: new (the later JSON report)',
      'See: mfa-readiness diff --help',
    ]);
  });

  it('--out with --output says the two flags are exclusive', () => {
    const r = runCli(['scan', 'X', '--out', 'a', '--output', 'b.json']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^mfa-readiness scan: --(out|output) and --(out|output) cannot be used together$/),
      'See: mfa-readiness scan --help',
    ]);
  });

  it('collect without --out says --out is required', () => {
    const r = runCli(['collect']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toMatch(/^mfa-readiness collect: --out is required: bundle folder to create/);
    expect(lines(r.stderr)[1]).toBe('See: mfa-readiness collect --help');
  });

  it('a misspelt flag suggests the right one', () => {
    const r = runCli(['scan', 'X', '--fromat', 'json']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'mfa-readiness scan: Nonexistent flag: --fromat (did you mean --format?)',
      'See: mfa-readiness scan --help',
    ]);
  });

  it('a misspelt command suggests the right one, exit 2 (not 127)', () => {
    const r = runCli(['scna', 'X']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'mfa-readiness: scna is not a mfa-readiness command; did you mean scan?',
      'See: mfa-readiness help (the commands)',
    ]);
  });

  it.skipIf(process.platform === 'win32')('scan without a TARGET off Windows says which argument is missing', () => {
    const r = runCli(['scan']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^mfa-readiness scan: Missing 1 required arg: target \(a bundle folder; /),
      'See: mfa-readiness scan --help',
    ]);
  });

  it('a bad --now is a usage error naming the flag', () => {
    const r = runCli(['scan', 'X', '--now', 'Dec 1 2026']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toMatch(/^mfa-readiness scan: --now "Dec 1 2026": not an ISO 8601 time/);
    expect(lines(r.stderr)[1]).toBe('See: mfa-readiness scan --help');
  });
});

describe('--json errors: only {"error": {code, message}} on stdout, the same line on stderr', () => {
  const cases: [string[], string, RegExp][] = [
    [['scan', 'X', '--fromat', 'json', '--json'], 'usage', /^Nonexistent flag: --fromat \(did you mean --format\?\)$/],
    [['diff', 'a.json', '--json'], 'usage', /^Missing 1 required arg: new/],
    [['scan', '/nonexistent/MFA01', '--json'], 'input', /\/nonexistent\/MFA01: target does not exist/],
    [['scna', '--json'], 'usage', /scna is not a mfa-readiness command; did you mean scan\?/],
  ];
  for (const [args, code, message] of cases) {
    it(args.join(' '), () => {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout.length).toBeLessThan(500);
      const j = JSON.parse(r.stdout) as { error: { code: string; message: string } };
      expect(Object.keys(j)).toEqual(['error']);
      expect(Object.keys(j.error).sort()).toEqual(['code', 'message']);
      expect(j.error.code).toBe(code);
      expect(j.error.message).toMatch(message);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain(j.error.message);
    });
  }
});

describe('oclif conventions', () => {
  it("help lists the commands; -h and help COMMAND show a command's help", () => {
    const h = runCli(['help']);
    expect(h.code).toBe(0);
    for (const c of ['scan', 'gate', 'diff', 'fleet', 'rules', 'collect', 'compare-config', 'autocomplete'])
      expect(h.stdout).toMatch(new RegExp(`^\\s+${c}\\s`, 'm'));
    const s = runCli(['scan', '-h']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('USAGE');
    expect(s.stdout).toContain('--fail-on');
    expect(runCli(['help', 'diff']).stdout).toContain('--fail-on');
  });

  it('--log-level and --log-format on every command', () => {
    for (const c of ['scan', 'gate', 'diff', 'fleet', 'rules', 'collect', 'compare-config']) {
      const r = runCli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain('--log-level');
      expect(r.stdout, c).toContain('--log-format');
    }
    expect(runCli(['rules', '--log-level', 'debug', '--log-format', 'text']).code).toBe(0);
  });

  it('shell completion: autocomplete prints its set-up for bash', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'mfa-ac-'));
    const r = runCli(['autocomplete', 'bash'], { env: { XDG_CACHE_HOME: cache, HOME: cache } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/mfa-readiness autocomplete/);
  });

  it('--version is still answered', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mfa-readiness\/\d+\.\d+\.\d+ /);
  });
});
