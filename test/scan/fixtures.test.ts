import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expected, hostNames, runCli, snapshot, stageHost, type Expected } from '../helpers/hosts.js';
import { validateReport } from '../../src/report/schema.js';
import type { Report } from '../../src/types.js';

const NOW = '2026-11-21T09:00:00Z';

/**
 * Every fixture host, scanned through the CLI as a user would, against the outcome its expected.json
 * (written from the spec, independently of the implementation) says.
 */
describe.each(hostNames())('fixture host %s', (name) => {
  let exp: Expected;
  let report: Report;
  let code: number;
  let stderr: string;
  let before: Map<string, string>;
  let after: Map<string, string>;

  beforeAll(() => {
    exp = expected(name);
    const dir = stageHost(name);
    before = snapshot(dir);
    const r = runCli(['scan', dir, '--json', '--now', NOW, ...(exp.flags ?? [])]);
    after = snapshot(dir);
    code = r.code;
    stderr = r.stderr;
    report = JSON.parse(r.stdout) as Report;
  });

  it('exits with the expected code and verdict', () => {
    expect({ code, status: report.verdict.status, stderr: code === 2 ? stderr : '' }).toMatchObject({
      code: exp.exitCode,
      status: exp.verdict,
    });
  });

  it('detects the upgrade path and host role', () => {
    expect(report.inventory.upgradePath).toBe(exp.upgradePath);
    expect(report.host.hostRole).toBe(exp.hostRole);
  });

  it('fires the rules it must, and not the ones it must not', () => {
    const fired = new Set(report.findings.map((f) => f.ruleId));
    for (const id of exp.fire) expect(fired, `${id} should fire`).toContain(id);
    for (const id of exp.notFire) expect(fired, `${id} must not fire`).not.toContain(id);
  });

  it('plans the expected steps in the expected order', () => {
    const ids = report.plan.map((s) => s.id);
    for (const s of exp.planSteps) expect(ids, `step ${s}`).toContain(s);
    for (const [a, b] of exp.planOrder) {
      expect(ids.indexOf(a), `${a} in plan`).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(b), `${b} in plan`).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(a), `${a} before ${b}`).toBeLessThan(ids.indexOf(b));
    }
  });

  it("keeps rules.md's order constraints", () => {
    const steps = report.plan;
    const at = (pred: (s: Report['plan'][number]) => boolean) => steps.filter(pred).map((s) => s.order);
    const lastBackup = Math.max(0, ...at((s) => s.action === 'backup' && s.phase !== 'in-window'));
    const firstChange = Math.min(Infinity, ...at((s) => ['drain', 'uninstall', 'install'].includes(s.action)));
    expect(lastBackup).toBeLessThan(firstChange);
    // The data file is copied inside the window (issue 11): after the drain, before this server's uninstalls and install.
    const data = steps.find((s) => s.id === 'backup:data');
    // (A migration plan keeps it before the window, where the line above checks it.)
    if (data && data.phase === 'in-window') {
      const drain = steps.find((s) => s.id === 'drain:host')?.order;
      if (drain) expect(drain).toBeLessThan(data.order);
      expect(data.order).toBeLessThan(
        Math.min(Infinity, ...at((s) => ['uninstall', 'install'].includes(s.action) && s.component !== 'prerequisites')),
      );
    }
    for (const s of steps) for (const d of s.dependsOn) expect(steps.find((x) => x.id === d)!.order).toBeLessThan(s.order);
    if (report.inventory.upgradePath === 'phonefactor-agent') {
      const un = ['uninstall:user-portal', 'uninstall:mobile-app', 'uninstall:web-service-sdk', 'uninstall:agent']
        .map((id) => steps.find((s) => s.id === id)?.order)
        .filter((x): x is number => x !== undefined);
      expect(un).toEqual([...un].sort((a, b) => a - b));
      const lastUn = Math.max(0, ...at((s) => s.action === 'uninstall' && s.phase !== 'after-upgrade'));
      const firstInstall = Math.min(
        Infinity,
        ...at((s) => s.action === 'install' && s.component !== 'prerequisites' && s.component !== 'adfs-adapter'),
      );
      expect(lastUn).toBeLessThan(firstInstall);
    }
    const server = steps.find((s) => s.id === 'install:server')?.order;
    const portal = steps.find((s) => s.id === 'install:user-portal')?.order;
    const adapter = steps.find((s) => s.id === 'install:adfs-adapter')?.order;
    if (server && portal) expect(server).toBeLessThan(portal);
    if (portal && adapter) expect(portal).toBeLessThan(adapter);
    expect(steps.map((s) => s.order)).toEqual(steps.map((_, i) => i + 1));
  });

  it('writes a report valid against the shipped schema', () => {
    const v = validateReport(report);
    expect(v.ok ? [] : v.errors).toEqual([]);
  });

  it('leaves the target exactly as it was', () => {
    expect(after).toEqual(before);
  });

  it('puts no planted secret in the report', () => {
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/Fixture-Secret|Sup3r|P@ss/);
  });
});

describe('reports are reproducible', () => {
  it('gives byte-identical JSON, HTML and Markdown for the same evidence, flags and --now', () => {
    const name = 'pf-agent-5x-all-in-one';
    const outs = [0, 1].map(() => {
      const dir = stageHost(name);
      const out = mkdtempSync(path.join(tmpdir(), 'mfa-out-'));
      const r = runCli(['scan', dir, '--format', 'json,html,md', '--out', out, '--now', NOW]);
      expect(r.code).toBe(1);
      return readdirSync(out)
        .sort()
        .map((f) => readFileSync(path.join(out, f), 'utf8').split(dir).join('<TARGET>'));
    });
    expect(outs[0].length).toBe(3);
    expect(outs[1]).toEqual(outs[0]);
  });
});
