import type { Command } from '@oclif/core';
import type { Target } from '../target/types.js';
import { BundleTarget, InputError } from '../target/bundle.js';

/** Opens the TARGET argument: a bundle folder, or the live host on Windows. Input errors are exit 2. */
export async function openTarget(cmd: Command, target: string | undefined, opts: { registry?: string[]; drive?: string[] }): Promise<Target> {
  const drives: Record<string, string> = {};
  for (const d of opts.drive ?? []) {
    const m = /^([A-Za-z]):?=(.+)$/.exec(d);
    if (!m) cmd.error(`--drive ${d}: expected LETTER=PATH, e.g. D=./copies/D`, { exit: 2 });
    drives[m[1]!.toUpperCase()] = m[2]!;
  }
  if (target === undefined) {
    if (process.platform !== 'win32') cmd.error('no TARGET given: a live scan runs only on Windows; give a bundle folder (see the README)', { exit: 2 });
    const { LiveTarget } = await import('../target/live.js');
    return new LiveTarget();
  }
  try {
    return await BundleTarget.open(target, { registry: opts.registry, drives });
  } catch (e) {
    if (e instanceof InputError) cmd.error(e.message, { exit: 2 });
    throw e;
  }
}
