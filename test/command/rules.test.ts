import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/hosts.js';
import { lines } from './helpers.js';

describe('rules', () => {
  it('lists the host and the fleet rules (MFA-FLEET-*), --json with their scope', () => {
    const r = runCli(['rules', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { rules: { id: string; scope: string; docs: string }[] };
    const ids = j.rules.map((x) => x.id);
    for (let n = 1; n <= 9; n++) expect(ids).toContain(`MFA-FLEET-00${n}`);
    expect(ids).toContain('MFA-LIFE-001');
    expect(new Set(ids).size).toBe(ids.length);
    expect(j.rules.find((x) => x.id === 'MFA-FLEET-008')!.scope).toBe('fleet');
    expect(j.rules.find((x) => x.id === 'MFA-LIFE-001')!.scope).toBe('host');
    const text = runCli(['rules']);
    expect(text.stdout).toMatch(/^MFA-FLEET-008\s+high\s+/m);
  });

  it("rules MFA-LIFE-001 prints that rule's page (any case), --json too", () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'rules', 'MFA-LIFE-001.md'), 'utf8');
    const r = runCli(['rules', 'mfa-life-001']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toBe(page.trimEnd());
    const j = JSON.parse(runCli(['rules', 'MFA-LIFE-001', '--json']).stdout) as { rule: { id: string; severity: string }; page: string };
    expect(j.rule.id).toBe('MFA-LIFE-001');
    expect(j.rule.severity).toBe('high');
    expect(j.page).toBe(page);
  });

  it('a fleet rule without its own page gets one from its metadata', () => {
    const r = runCli(['rules', 'MFA-FLEET-001']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toMatch(/^# MFA-FLEET-001: /);
    expect(r.stdout).toMatch(/Severity:\*\* high/);
  });

  it('an unknown id is exit 2 with the likely one', () => {
    const r = runCli(['rules', 'MFA-LIFE-01']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toBe(
      'mfa-readiness rules: MFA-LIFE-01 is not a rule id; did you mean MFA-LIFE-001? (the list: mfa-readiness rules)',
    );
  });
});
