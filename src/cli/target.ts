import { rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Command } from '@oclif/core/command';
import type { Host } from '../host/types.js';
import { BundleHost } from '../host/bundle.js';
import { BadInputError, UsageError } from './errors.js';

/** Opens the TARGET argument: a bundle folder, or the live host on Windows. Input errors are exit 2. */
export async function openTarget(
  _cmd: Command,
  target: string | undefined,
  opts: { registry?: string[]; drive?: string[] },
): Promise<Host> {
  const drives: Record<string, string> = {};
  for (const d of opts.drive ?? []) {
    const m = /^([A-Za-z]):?=(.+)$/.exec(d);
    if (!m) throw new UsageError(`--drive ${d}: expected LETTER=PATH, e.g. D=./copies/D`);
    drives[m[1].toUpperCase()] = m[2]!;
  }
  if (target === undefined) {
    if (process.platform !== 'win32')
      throw new UsageError(
        'Missing 1 required arg: target (a bundle folder; a scan with no TARGET reads this host and runs only on Windows)',
      );
    const { LiveHost } = await import('../host/live.js');
    return new LiveHost();
  }
  if (/\.zip$/i.test(target) && (await stat(target).catch(() => null))?.isFile()) {
    // A bundle zipped by `collect --zip`: unpacked into a temp folder of this machine (removed at exit).
    const { extractZip } = await import('../fleet/inputs.js');
    let unpacked: { tempRoot: string; bundle: string };
    try {
      unpacked = await extractZip(target);
    } catch (e) {
      throw new BadInputError(`${target}: cannot be read as a bundle zip (${(e as Error).message.split('\n')[0]})`);
    }
    process.once('exit', () => rmSync(unpacked.tempRoot, { recursive: true, force: true }));
    return await BundleHost.open(unpacked.bundle, { registry: opts.registry, drives, shownAs: target });
  }
  // InputError (not a host copy, missing, ...): an input error, exit 2 (src/cli/errors.ts).
  return await BundleHost.open(target, { registry: opts.registry, drives });
}
