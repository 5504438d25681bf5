import type { Hook } from '@oclif/core/hooks';
import { closest, UsageError } from './errors.js';

/**
 * `mfa-readiness scna`: on a terminal, @oclif/plugin-not-found asks "Did you mean scan?" and runs it;
 * elsewhere (CI, scripts) one line names the command and the likely one, exit 2 (never oclif's 127).
 */
const hook: Hook<'command_not_found'> = async function (opts) {
  const ids = [...new Set(opts.config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...c.aliases]))];
  // With a space as topic separator, `scna X` arrives as `scna:X`: the command is the first word
  // (unless a command has topics, which none of ours has).
  const shown = ids.some((id) => id.includes(':')) ? opts.id.replaceAll(':', ' ') : opts.id.split(':')[0];
  const near = closest(shown.replaceAll(' ', ':'), ids);
  if (near && process.stdin.isTTY && process.stderr.isTTY) {
    const { default: prompt } = await import('@oclif/plugin-not-found');
    return prompt.call(this, opts);
  }
  throw new UsageError(`${shown} is not a ${opts.config.bin} command${near ? `; did you mean ${near.replaceAll(':', ' ')}?` : ''}`);
};

export default hook;
