import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, cli, naming, NOW, scanOk, stageHost } from './helpers.js';

// Issue 15 item 15: a drive folder that differs only in case from the real one (fs/c beside fs/C) must not
// silently replace it. Refused, naming both; a twin deeper in a drive is a problem naming the one not read.

describe('case twins in a bundle', () => {
  it('fs/c beside fs/C: the scan is refused (exit 2) with one line naming both', () => {
    const dir = stageHost(BASE);
    // A decoy drive C with nothing installed: had it replaced fs/C, the critical findings would vanish.
    mkdirSync(path.join(dir, 'fs', 'c', 'Windows'), { recursive: true });
    const run = cli(['scan', dir, '--json', '--now', NOW]);
    expect(run.code).toBe(2);
    const err = JSON.parse(run.stdout) as { error: { message: string } };
    expect(err.error.message).toMatch(/fs\/C and fs\/c \(drive C\) differ only in case/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it("the same bundle in a fleet is that host's failure, not a passing host", () => {
    const dir = stageHost(BASE);
    mkdirSync(path.join(dir, 'fs', 'c', 'Windows'), { recursive: true });
    const good = stageHost(BASE);
    const run = cli(['fleet', dir, good, '--json', '--now', NOW]);
    const out = JSON.parse(run.stdout) as { hosts: { target: string; status: string; reason: string | null }[] };
    const bad = out.hosts.find((h) => h.target === dir);
    expect(bad?.status).toBe('failed');
    expect(bad?.reason).toMatch(/differ only in case/);
    expect(out.hosts.find((h) => h.target === good)?.status).toBe('scanned');
  });

  it('a folder deeper in the drive with a case twin: read as before, and the twin is named in problems', () => {
    const dir = stageHost(BASE);
    const real = path.join(dir, 'fs', 'C', 'program files', 'phonefactor');
    cpSync(real, path.join(dir, 'fs', 'C', 'program files', 'PHONEFACTOR'), { recursive: true });
    expect(readdirSync(path.join(dir, 'fs', 'C', 'program files')).sort()).toEqual(['PHONEFACTOR', 'phonefactor']);
    const { report } = scanOk(dir);
    const lines = naming(report, 'program files', /differs only in case/);
    expect(lines.length).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.ruleId === 'MFA-INP-001')).toBe(true);
  });
});
