/**
 * compare-config through the CLI (issue 11 item 18): two sections, "Carry over" and "Changed by the new release",
 * in the text and in --json; a cleared secret reads "set -> empty"; the .NET 2.0 -> 4.0 warning.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/hosts.js';

const DATA = join(ROOT, 'test', 'xml', 'data');
const OLD = join(DATA, 'userportal-6x.web.config');
const NEW = join(DATA, 'userportal-8x.web.config');

describe('compare-config OLD NEW', () => {
  const r = runCli(['compare-config', OLD, NEW]);
  const out = r.stdout.split('\n');

  it('exits 1 (the files differ) and prints the carry-over section before the release section', () => {
    expect(r.code, r.stderr).toBe(1);
    const carry = out.findIndex((l) => l.startsWith('Carry over (6): '));
    const release = out.findIndex((l) => l.startsWith('Changed by the new release ('));
    expect(carry).toBeGreaterThanOrEqual(0);
    expect(release).toBeGreaterThan(carry);
    const carried = out.slice(carry + 1, release).join('\n');
    expect(carried).toContain('~ /configuration/system.web/pages/@theme: Contoso -> Default');
    expect(carried).toContain('pfup_pfwssdk_PfWsSdk');
    expect(carried).not.toContain('configSections');
    expect(out.slice(release).join('\n')).toContain("configSections/sectionGroup[@name='applicationSettings']/@type");
  });

  it('says "set -> empty" for a password the new file leaves empty, never its value', () => {
    expect(r.stdout).toContain("~ /configuration/appSettings/add[@key='WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD']/@value: set -> empty");
    expect(r.stdout).not.toContain('[redacted] -> [redacted]');
    expect(r.stdout).not.toContain('Old-Portal-Pa55');
    expect(r.stdout).toContain("LOGOUT_URL']/@value: https://intranet.contoso.com/ -> empty");
  });

  it('warns that a 6.x web.config must not be copied over the new one', () => {
    expect(r.stdout).toContain('moves this file from .NET 2.0 to 4.0: do not copy the old file over the new one');
  });

  it('--json gives the same two sections', () => {
    const j = runCli(['compare-config', OLD, NEW, '--json']);
    expect(j.code, j.stderr).toBe(1);
    const doc = JSON.parse(j.stdout) as {
      differences: unknown[];
      carryOver: { path: string; old: string | null; new: string | null }[];
      release: { path: string }[];
      frameworkChanged: boolean;
    };
    expect(doc.carryOver).toHaveLength(6);
    expect(doc.carryOver.length + doc.release.length).toBe(doc.differences.length);
    expect(doc.release.map((d) => d.path)).toContain('/configuration/system.web/compilation/@targetFramework');
    expect(doc.carryOver.find((d) => d.path.includes('PASSWORD'))).toMatchObject({ old: '[redacted]', new: '' });
    expect(doc.frameworkChanged).toBe(true);
    expect(j.stdout).not.toContain('Old-Portal-Pa55');
  });

  it('the same file twice: exit 0, "No differences."', () => {
    const s = runCli(['compare-config', NEW, NEW]);
    expect(s.code).toBe(0);
    expect(s.stdout.trim()).toBe('No differences.');
  });
});
