import { Command } from '@oclif/core/command';

interface CliErrorLike {
  message?: string;
  oclif?: { exit?: number };
  exitCode?: number;
  code?: string;
  stack?: string;
}

/**
 * Every command's error path: one line on stderr (oclif would wrap it at 80 columns and add usage),
 * exit 2 for anything that stopped the command from running (bad flags, bad input, and bugs: the
 * contract has only 0, 1 and 2), and oclif's `{"error": ...}` on stdout under --json.
 */
export abstract class BaseCommand extends Command {
  protected override async catch(err: Error & CliErrorLike): Promise<unknown> {
    const exit = err.oclif?.exit ?? err.exitCode;
    if (exit === 0 || err.code === 'EEXIT') return super.catch(err);
    process.exitCode = exit && exit !== 1 ? exit : 2;
    if (this.jsonEnabled()) {
      this.logJson(this.toErrorJson(err));
      return undefined;
    }
    const first = (err.message ?? String(err)).split('\n').map((l) => l.trim()).find(Boolean) ?? 'failed';
    const known = err.oclif?.exit !== undefined;
    process.stderr.write(`${this.config.bin} ${this.id ?? ''}: ${known ? '' : 'internal error: '}${first}\n`.replace(/ {2,}/g, ' '));
    if (!known && process.env.MFA_READINESS_DEBUG) process.stderr.write(`${err.stack ?? ''}\n`);
    return undefined;
  }
}
