/**
 * The one error model (src/cli/errors.ts) in process: which errors are the user's to fix (exit 2, one line),
 * and that a bug of ours in a fleet is not passed off as a failed host.
 */
import { describe, expect, it, vi } from 'vitest';
import { classifyError, isInputError, UsageError } from '../../src/cli/errors.js';
import { stageHost } from '../helpers/hosts.js';

vi.mock('../../src/scan.js', async (orig) => {
  const real = await orig<typeof import('../../src/scan.js')>();
  return {
    ...real,
    scanTarget: vi.fn(async (...a: Parameters<typeof real.scanTarget>) => {
      if (process.env.MFA_TEST_SCAN_BUG) throw new TypeError("Cannot read properties of undefined (reading 'version')");
      if (process.env.MFA_TEST_SCAN_FAIL) throw new Error('EIO: the disk went away');
      return real.scanTarget(...a);
    }),
  };
});

const shape = { bin: 'mfa-readiness', id: 'scan' };

describe('classifyError', () => {
  it('input errors thrown by other modules are exit 2 with their first line, no "internal error"', () => {
    class WaiverFileError extends Error {}
    class ReportFileError extends Error {}
    class InputError extends Error {}
    class CollectError extends Error {}
    for (const E of [WaiverFileError, ReportFileError, InputError, CollectError]) {
      const c = classifyError(new E('waivers.yml:3: expires: not a date\nmore detail'), shape);
      expect(c, E.name).toEqual({ code: 'input', exit: 2, message: 'waivers.yml:3: expires: not a date' });
    }
    const fsErr = Object.assign(new Error("ENOENT: no such file or directory, open 'w.yml'"), { code: 'ENOENT', path: 'w.yml' });
    expect(isInputError(fsErr)).toBe(true);
  });

  it('a usage error names the help to read; a flag value error too', () => {
    expect(classifyError(new UsageError('--drive x: expected LETTER=PATH'), shape)).toEqual({
      code: 'usage',
      exit: 2,
      message: '--drive x: expected LETTER=PATH',
      help: 'mfa-readiness scan --help',
    });
    class NowFlagError extends Error {}
    expect(classifyError(new NowFlagError('--now "x": not an ISO 8601 time'), shape).code).toBe('usage');
  });

  it('a bug is an internal error with its stack, exit 2', () => {
    const c = classifyError(new TypeError("Cannot read properties of undefined (reading 'x')"), shape);
    expect(c.code).toBe('internal');
    expect(c.exit).toBe(2);
    expect(c.message).toBe("internal error: Cannot read properties of undefined (reading 'x')");
    expect(c.stack).toMatch(/error-model\.test\.ts/);
    // A plain Error of unknown origin is not taken for the user's mistake either.
    expect(classifyError(new Error('something odd'), shape).code).toBe('internal');
  });

  it('terminal escapes in a message are shown, not sent', () => {
    const c = classifyError(new UsageError('\u001b]0;pwned\u0007bad'), shape);
    expect(c.message).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('fleet: a programming error is not a failed host', () => {
  it("a TypeError in a scan stops the fleet (thrown, to be reported with its stack), a scan failure is that host's failure", async () => {
    const { runFleet } = await import('../../src/fleet/run.js');
    const opts = { targetVersion: '8.1', stage: 'pre' as const, failOn: 'critical' as const, now: '2026-11-21T09:00:00.000Z', jobs: 1 };
    const bundle = stageHost('mfa-7x-on-adfs');
    process.env.MFA_TEST_SCAN_FAIL = '1';
    try {
      const { report } = await runFleet([bundle], opts);
      expect(report.hosts.map((h) => [h.status, h.reason])).toEqual([['failed', 'scan failed: EIO: the disk went away']]);
    } finally {
      delete process.env.MFA_TEST_SCAN_FAIL;
    }
    process.env.MFA_TEST_SCAN_BUG = '1';
    try {
      await expect(runFleet([bundle], opts)).rejects.toThrow(TypeError);
    } finally {
      delete process.env.MFA_TEST_SCAN_BUG;
    }
  });
});
