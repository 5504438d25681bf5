import { describe, expect, it } from 'vitest';
import { fleetProgress, PROGRESS_EVERY } from '../../src/commands/fleet.js';

/** Progress as a CI log or a terminal shows it (issue 14), with a clock the test moves. */
function drive(tty: boolean, total: number, stepMs: number, failedAt: number[] = []) {
  let now = 1_000_000;
  const out: string[] = [];
  const p = fleetProgress({ tty, enabled: true, write: (t) => out.push(t), clock: () => now });
  for (let i = 1; i <= total; i++) {
    now += stepMs;
    p.update(i, total, `HOST${i}`, failedAt.includes(i));
  }
  p.end();
  return out;
}

describe('fleet progress', () => {
  it('no TTY: a plain line every N hosts and the last one, with elapsed time and failures', () => {
    const out = drive(false, 60, 100, [7]);
    expect(out).toEqual([
      `fleet: [${PROGRESS_EVERY}/60] scanned or read, 3s elapsed, 1 failed\n`,
      `fleet: [${2 * PROGRESS_EVERY}/60] scanned or read, 5s elapsed, 1 failed\n`,
      'fleet: [60/60] scanned or read, 6s elapsed, 1 failed\n',
    ]);
  });

  it('no TTY: slow hosts get a line every few seconds; a small quick fleet prints nothing', () => {
    expect(drive(false, 3, 6000)).toEqual([
      'fleet: [1/3] scanned or read, 6s elapsed\n',
      'fleet: [2/3] scanned or read, 12s elapsed\n',
      'fleet: [3/3] scanned or read, 18s elapsed\n',
    ]);
    expect(drive(false, 3, 10)).toEqual([]);
  });

  it('TTY: one line rewritten in place, with elapsed time and failures beside [n/total]', () => {
    const out = drive(true, 2, 1500, [2]);
    expect(out[0]).toBe('\r\x1b[2K[1/2] HOST1 · 2s elapsed');
    expect(out[1]).toBe('\r\x1b[2K[2/2] HOST2 (failed) · 3s elapsed, 1 failed');
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });
});
