/** `fleet --stage post --baselines DIR`: each host against its own report of before, matched by host name. */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, stageHost } from '../helpers/hosts.js';
import type { FleetReport } from '../../src/fleet/types.js';

const NOW = '2026-11-21T09:00:00Z';
const dir = mkdtempSync(path.join(tmpdir(), 'mfa-fleet-post-'));
const base = path.join(dir, 'before');

describe('fleet --stage post', () => {
  beforeAll(() => {
    mkdirSync(base);
    for (const [host, file] of [
      ['change-7x-before', 'mfa31.json'],
      ['pf-agent-5x-all-in-one', 'pf01.json'],
    ]) {
      const r = runCli(['scan', stageHost(host), '--format', 'json', '--output', path.join(base, file), '--now', '2026-11-19T08:00:00Z']);
      expect(r.code).toBeLessThan(2);
    }
  });

  it('tells the verified host from the incomplete one; the fleet is incomplete, its gate per --fail-on', () => {
    const r = runCli([
      'fleet',
      stageHost('change-7x-after-broken'),
      stageHost('change-pf-after-clean'),
      '--stage',
      'post',
      '--baselines',
      base,
      '--fail-on',
      'high',
      '--json',
      '--now',
      NOW,
    ]);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout) as FleetReport;
    expect(f.verdict.status).toBe('incomplete');
    expect(Object.fromEntries(f.hosts.map((h) => [h.name, h.verdict?.status]))).toEqual({ MFA31: 'incomplete', PF01: 'verified' });
  });

  it('every host verified: the fleet is verified, exit 0', () => {
    const r = runCli([
      'fleet',
      stageHost('change-7x-after-clean'),
      stageHost('change-pf-after-clean'),
      '--stage',
      'post',
      '--baselines',
      base,
      '--fail-on',
      'low',
      '--json',
      '--now',
      NOW,
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as FleetReport).verdict.status).toBe('verified');
  });

  it('says which hosts were not upgraded at all: the host of before, scanned after a window that skipped it', () => {
    const out = path.join(dir, 'not-upgraded');
    const r = runCli([
      'fleet',
      stageHost('change-7x-before'),
      stageHost('change-pf-after-clean'),
      '--stage',
      'post',
      '--baselines',
      base,
      '--fail-on',
      'high',
      '--format',
      'json,md',
      '--out',
      out,
      '--now',
      NOW,
    ]);
    expect(r.code).toBe(1);
    const f = JSON.parse(
      readFileSync(
        path.join(
          out,
          readdirSync(out).find((x) => x.endsWith('.json'))!,
        ),
        'utf8',
      ),
    ) as FleetReport;
    expect(Object.fromEntries(f.hosts.map((h) => [h.name, [h.verdict?.status, h.upgrade]]))).toEqual({
      MFA31: ['incomplete', 'not-upgraded'],
      PF01: ['verified', 'upgraded'],
    });
    const md = readFileSync(
      path.join(
        out,
        readdirSync(out).find((x) => x.endsWith('.md'))!,
      ),
      'utf8',
    );
    expect(md).toMatch(/\| MFA31 \|[^\n]*Incomplete[^\n]*; not upgraded at all \|/i);
  });

  it('a fleet report of stage pre has no upgrade field on its hosts (its bytes are as before)', () => {
    const r = runCli(['fleet', stageHost('change-7x-before'), '--json', '--now', NOW]);
    expect(Object.keys((JSON.parse(r.stdout) as FleetReport).hosts[0])).not.toContain('upgrade');
  });

  it('a host with no report of before in the folder is incomplete (MFA-POST-019), never verified', () => {
    const only = path.join(dir, 'only-pf01');
    mkdirSync(only);
    writeFileSync(
      path.join(only, 'pf01.json'),
      JSON.stringify(JSON.parse(runCli(['scan', stageHost('pf-agent-5x-all-in-one'), '--json', '--now', NOW]).stdout)),
    );
    const r = runCli(['fleet', stageHost('change-7x-after-clean'), '--stage', 'post', '--baselines', only, '--json', '--now', NOW]);
    expect((JSON.parse(r.stdout) as FleetReport).hosts[0]?.verdict?.status).toBe('incomplete');
  });

  it('--baselines needs --stage post; a file in the folder that is not a report is refused naming it', () => {
    expect(runCli(['fleet', stageHost('change-7x-after-clean'), '--baselines', base]).code).toBe(2);
    const bad = path.join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'x.json'), '[]');
    const r = runCli(['fleet', stageHost('change-7x-after-clean'), '--stage', 'post', '--baselines', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain(path.join(bad, 'x.json'));
  });
});
