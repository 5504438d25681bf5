import { rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Command } from '@oclif/core/command';
import type { Host } from '../host/types.js';
import { BundleHost, InputError } from '../host/bundle.js';

/** Opens the TARGET argument: a bundle folder, or the live host on Windows. Input errors are exit 2. */
export async function openTarget(cmd: Command, target: string | undefined, opts: { registry?: string[]; drive?: string[] }): Promise<Host> {
  const drives: Record<string, string> = {};
  for (const d of opts.drive ?? []) {
    const m = /^([A-Za-z]):?=(.+)$/.exec(d);
    if (!m) cmd.error(`--drive ${d}: expected LETTER=PATH, e.g. D=./copies/D`, { exit: 2 });
    drives[m[1]!.toUpperCase()] = m[2]!;
  }
  if (target === undefined) {
    if (process.platform !== 'win32') cmd.error('no TARGET given: a live scan runs only on Windows; give a bundle folder (see the README)', { exit: 2 });
    const { LiveHost } = await import('../host/live.js');
    return new LiveHost();
  }
  try {
    if (/\.zip$/i.test(target) && (await stat(target).catch(() => null))?.isFile()) {
      // A bundle zipped by `collect --zip`: unpacked into a temp folder of this machine (removed at exit).
      const { extractZip } = await import('../fleet/inputs.js');
      let unpacked: { tempRoot: string; bundle: string };
      try {
        unpacked = await extractZip(target);
      } catch (e) {
        return cmd.error(`${target}: cannot be read as a bundle zip (${(e as Error).message.split('\n')[0]})`, { exit: 2 });
      }
      process.once('exit', () => rmSync(unpacked.tempRoot, { recursive: true, force: true }));
      return await BundleHost.open(unpacked.bundle, { registry: opts.registry, drives, shownAs: target });
    }
    return await BundleHost.open(target, { registry: opts.registry, drives });
  } catch (e) {
    if (e instanceof InputError) cmd.error(e.message, { exit: 2 });
    throw e;
  }
}
