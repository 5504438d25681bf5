import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Command } from '@oclif/core/command';
import Gate from '../../src/commands/gate.js';
import { parseCommonFlags } from '../../src/cli/common.js';
import { parseNow } from '../../src/cli/now.js';
import { renderJson } from '../../src/report/json.js';
import { sampleReport } from './sample.js';

/** Issue 10 (one --now parser) and issue 15 item 10 (no offset means UTC; impossible dates refused). */
describe('parseNow: ISO 8601 only, no offset means UTC', () => {
  it.each([
    ['2026-11-21T09:00:00Z', '2026-11-21T09:00:00.000Z'],
    ['2026-11-21T09:00:00', '2026-11-21T09:00:00.000Z'],
    ['2026-11-21T09:00', '2026-11-21T09:00:00.000Z'],
    ['2026-11-21', '2026-11-21T00:00:00.000Z'],
    ['2026-11-21 09:00:00.5', '2026-11-21T09:00:00.500Z'],
    ['2026-11-21T18:00:00-05:00', '2026-11-21T23:00:00.000Z'],
    ['2026-11-21T01:00:00+0200', '2026-11-20T23:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parseNow(text)).toBe(iso);
  });

  it('reads a time without offset as UTC whatever the machine zone is', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(parseNow('2026-11-21T23:30:00')).toBe('2026-11-21T23:30:00.000Z');
      process.env.TZ = 'Asia/Tokyo';
      expect(parseNow('2026-11-21T23:30:00')).toBe('2026-11-21T23:30:00.000Z');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it.each([
    ['Dec 1 2026', 'not an ISO 8601 time'],
    ['yesterday', 'not an ISO 8601 time'],
    ['1796232845', 'not an ISO 8601 time'],
    ['2026-02-30', 'day 30 does not exist in 2026-02'],
    ['2025-02-29T00:00:00Z', 'day 29 does not exist in 2025-02'],
    ['2026-13-01', 'month 13 does not exist'],
    ['2026-11-21T24:00:00Z', 'not a time of day'],
    ['2026-11-21T10:60Z', 'not a time of day'],
    ['2026-11-21T10:00+25:00', 'not a time-zone offset'],
  ])('refuses %s with one line (%s)', (text, why) => {
    expect(() => parseNow(text)).toThrow(
      `--now ${JSON.stringify(text)}: ${why} (use ISO 8601, e.g. 2026-11-21T09:00:00Z; no offset means UTC)`,
    );
  });
});

describe('the same --now in scan/fleet (shared flags) and gate', () => {
  const stub = {
    error: (msg: string) => {
      throw new Error(msg);
    },
  } as unknown as Command;
  const common = (now: string) => parseCommonFlags(stub, { 'fail-on': 'critical', 'target-version': '8.1', now });

  it('scan and fleet take and refuse what gate takes and refuses', async () => {
    expect((await common('2026-11-21T09:00')).scan.now).toBe('2026-11-21T09:00:00.000Z');
    await expect(common('Dec 1 2026')).rejects.toThrow('--now "Dec 1 2026": not an ISO 8601 time');
    await expect(common('2026-02-30')).rejects.toThrow('--now "2026-02-30": day 30 does not exist in 2026-02');
  });

  let dir: string;
  let report: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mfa-gate-now-'));
    report = join(dir, 'report.json');
    await writeFile(report, renderJson(sampleReport('critical')));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });
  async function gate(...argv: string[]) {
    let out = '';
    let err = '';
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (out += a.join(' ') + '\n'));
    vi.spyOn(process.stderr, 'write').mockImplementation((c: any) => ((err += String(c)), true));
    try {
      await Gate.run(argv, fileURLToPath(new URL('../../', import.meta.url)));
    } catch (e) {
      err += (e as Error).message;
    }
    vi.restoreAllMocks();
    const code = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { out, err, code };
  }

  it('gate refuses free text and impossible dates (exit 2, one line)', async () => {
    for (const bad of ['Dec 1 2026', '2026-02-30']) {
      const r = await gate(report, '--now', bad);
      expect(r.code, bad).toBe(2);
      expect(r.err).toContain(`--now ${JSON.stringify(bad)}: `);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('gate reads --now without an offset as UTC: a waiver through 2026-11-21 still holds at 23:30 that day in any zone', async () => {
    const wf = join(dir, 'w.yml');
    await writeFile(wf, 'waivers:\n  - rule: MFA-BKP-001\n    reason: r\n    expires: 2026-11-21\n  - rule: MFA-PRQ-001\n    reason: r\n');
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const r = await gate(report, '--waivers', wf, '--now', '2026-11-21T23:30:00', '--json');
      expect(JSON.parse(r.out).waivers.map((w: { status: string }) => w.status)).toEqual(['applied', 'applied']);
      expect(r.code).toBe(0);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
