/** diff as a user reads it: what changed, what got worse, and when it fails. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, stageHost } from '../helpers/hosts.js';
import { lines } from './helpers.js';

const NOW = '2026-11-21T09:00:00Z';
type R = {
  scan: { stage: string; targetVersion: string };
  tool: { version: string };
  inventory: { components: { component: string; version: string | null }[] };
  findings: { id: string; ruleId: string; severity: string; waiver: unknown }[];
  verdict: { status: string };
};

let base: R;
let dir: string;
const save = (name: string, r: R) => {
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(r));
  return p;
};
const clone = (): R => structuredClone(base);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mfa-diff-'));
  const r = runCli(['scan', stageHost('mfa-7x-on-adfs'), '--json', '--now', NOW]);
  base = JSON.parse(r.stdout) as R;
});

describe('diff', () => {
  it('the same report twice: no change, exit 0', () => {
    const p = save('same.json', clone());
    const r = runCli(['diff', p, p]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^new: 0$/m);
  });

  it('a new info finding fails by default (as before) and passes with --fail-on low', () => {
    const after = clone();
    const info = after.findings.find((f) => f.severity === 'info')!;
    after.findings.push({ ...info, id: `${info.ruleId}-0000beef` });
    const [a, b] = [save('before.json', clone()), save('after-info.json', after)];
    expect(runCli(['diff', a, b]).code).toBe(1);
    const r = runCli(['diff', a, b, '--fail-on', 'low']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^new: 1$/m);
    const j = JSON.parse(runCli(['diff', a, b, '--fail-on', 'low', '--json']).stdout) as {
      new: { id: string }[];
      failing: string[];
      failOn: string;
    };
    expect(j.new.map((f) => f.id)).toEqual([`${info.ruleId}-0000beef`]);
    expect(j.failing).toEqual([]);
    expect(j.failOn).toBe('low');
  });

  it('an escalation (low -> high, verdict worse) is a change and fails at the threshold', () => {
    const before = clone();
    const target = before.findings.find((f) => f.severity === 'high')!;
    target.severity = 'low';
    before.verdict.status = 'ready';
    const [a, b] = [save('before-low.json', before), save('after-high.json', clone())];
    const r = runCli(['diff', a, b, '--fail-on', 'high']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^verdict: ready -> ready-with-warnings \(worse\)$/m);
    expect(r.stdout).toContain(`escalated: 1\n  high     ${target.ruleId}`);
    expect(r.stdout).toContain('(was low)');
    const j = JSON.parse(runCli(['diff', a, b, '--fail-on', 'high', '--json']).stdout) as {
      escalated: { id: string; was: string; severity: string }[];
      verdict: { worse: boolean };
      failing: string[];
    };
    expect(j.escalated).toEqual([expect.objectContaining({ id: target.id, was: 'low', severity: 'high' })]);
    expect(j.verdict.worse).toBe(true);
    expect(j.failing).toContain(target.id);
    // Below the threshold it passes.
    expect(runCli(['diff', a, b, '--fail-on', 'critical']).code).toBe(0);
  });

  it('says first that the stage differs, and shows component version changes', () => {
    const before = clone();
    before.scan.stage = 'adfs';
    const after = clone();
    const server = after.inventory.components.find((c) => c.component === 'server')!;
    const was = base.inventory.components.find((c) => c.component === 'server')!.version;
    server.version = '8.1.2.1';
    const [a, b] = [save('stage-adfs.json', before), save('stage-pre.json', after)];
    const r = runCli(['diff', a, b]);
    expect(lines(r.stdout)[0]).toBe(
      'note: the reports are of different stages (rules that run at one stage only show as new or resolved): adfs -> pre',
    );
    expect(r.stdout).toMatch(new RegExp(`^  server +${was!.replace(/\./g, '\\.')} -> 8\\.1\\.2\\.1$`, 'm'));
    const j = JSON.parse(runCli(['diff', a, b, '--json']).stdout) as { context: unknown[]; components: unknown[] };
    expect(j.context).toEqual([{ field: 'stage', old: 'adfs', new: 'pre' }]);
    expect(j.components).toEqual([{ component: 'server', old: was, new: '8.1.2.1' }]);
  });

  it('an unreadable report is exit 2, one line naming the file', () => {
    const p = path.join(dir, 'not-json.json');
    writeFileSync(p, 'nope');
    const r = runCli(['diff', p, p]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('not-json.json');
  });
});
