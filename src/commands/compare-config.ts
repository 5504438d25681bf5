import { readFile } from 'node:fs/promises';
import * as Args from '@oclif/core/args';
import { BaseCommand } from '../cli/base.js';
import type { ConfigDifference } from '../types.js';
import { compareConfigs } from '../xml/compare.js';

export interface CompareResult {
  old: string;
  new: string;
  differences: ConfigDifference[];
}

export default class CompareConfig extends BaseCommand {
  static override summary = 'Compare two web.config or AD FS adapter config files: what to carry over after the upgrade.';
  static override description = 'Lists settings, elements and attributes only in one file and those that differ. Secret values show as [redacted]. Exit 0 when the files match, 1 when they differ, 2 when one cannot be read or parsed.';
  static override examples = [
    '<%= config.bin %> compare-config backup\\web.config C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config',
    '<%= config.bin %> compare-config old-adapter.config MultiFactorAuthenticationAdfsAdapter.config --json',
  ];
  static override enableJsonFlag = true;
  static override args = {
    old: Args.string({ required: true, description: 'the saved (old) config file' }),
    new: Args.string({ required: true, description: 'the new config file' }),
  };

  async run(): Promise<CompareResult> {
    const { args } = await this.parse(CompareConfig);
    const read = async (p: string) => {
      try {
        return await readFile(p);
      } catch (e) {
        return this.error(`${p}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { exit: 2 });
      }
    };
    const r = compareConfigs(await read(args.old), await read(args.new));
    if (!r.ok) this.error(r.error.replace(/^old file:/, `${args.old}:`).replace(/^new file:/, `${args.new}:`), { exit: 2 });
    if (!this.jsonEnabled()) {
      if (r.differences.length === 0) this.log('No differences.');
      for (const d of r.differences) {
        const sign = d.kind === 'added' ? '+' : d.kind === 'removed' ? '-' : '~';
        this.log(`${sign} ${d.path}${d.kind === 'changed' ? `: ${d.old} -> ${d.new}` : d.kind === 'added' ? ` = ${d.new}` : ` (was ${d.old})`}`);
      }
    }
    if (r.differences.length) process.exitCode = 1;
    return { old: args.old, new: args.new, differences: r.differences };
  }
}
