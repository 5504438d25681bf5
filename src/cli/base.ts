import { Command } from '@oclif/core/command';
import * as Flags from '@oclif/core/flags';
import { LOG_FORMATS, LOG_LEVELS } from '../util/log.js';
import { classifyError, reportError, type CommandShape } from './errors.js';

/** Flags every command has. */
export const baseFlags = {
  'log-level': Flags.string({ description: 'stderr log level', options: [...LOG_LEVELS], default: 'warn', helpGroup: 'GLOBAL' }),
  'log-format': Flags.string({
    description: 'stderr log lines: text (readable) or json; default text on a terminal, json otherwise',
    options: [...LOG_FORMATS],
    helpGroup: 'GLOBAL',
  }),
};

/**
 * Every command's error path, in one place (src/cli/errors.ts): a usage error, an input error thrown by
 * any module (a known error class, see `classifyError`) or a bug: exit 2, one line on stderr, and under
 * --json only `{"error": {"code", "message"}}` on stdout. Commands throw; they do not catch to exit.
 */
export abstract class BaseCommand extends Command {
  static override baseFlags = baseFlags;

  protected override async catch(err: Error & { oclif?: { exit?: number }; code?: string }): Promise<unknown> {
    if (err.oclif?.exit === 0 || err.code === 'EEXIT') return super.catch(err);
    // A command whose flags could not be parsed: oclif would add a developer warning ("did not parse its arguments").
    (this as unknown as { parsed: boolean }).parsed = true;
    const shape = this.shape();
    reportError(classifyError(err, shape), shape, this.jsonEnabled());
    return undefined;
  }

  private shape(): CommandShape {
    const ctor = this.constructor as typeof Command;
    return { id: this.id, bin: this.config.bin, flags: ctor.flags };
  }
}
