import { readFile, stat } from 'node:fs/promises';
import * as Args from '@oclif/core/args';
import { BaseCommand } from '../cli/base.js';
import type { ConfigDifference } from '../types.js';
import { compareConfigs } from '../xml/compare.js';
import { terminalLine } from '../util/terminal.js';

/** Far above any real config file (the scan's own cap for applicationHost.config). */
const MAX_CONFIG_BYTES = 64 * 1024 * 1024;

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
        // A regular file only (a FIFO would block the read forever), and not a huge one.
        const st = await stat(p);
        if (!st.isFile()) return this.error(`${terminalLine(p)}: not a regular file`, { exit: 2 });
        if (st.size > MAX_CONFIG_BYTES) return this.error(`${terminalLine(p)}: ${st.size} bytes, over the ${MAX_CONFIG_BYTES / 1024 / 1024} MiB a config file may have`, { exit: 2 });
        return await readFile(p);
      } catch (e) {
        if ((e as { oclif?: unknown }).oclif) throw e;
        return this.error(`${terminalLine(p)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { exit: 2 });
      }
    };
    const r = compareConfigs(await read(args.old), await read(args.new));
    if (!r.ok) this.error(terminalLine(r.error.replace(/^old file:/, `${args.old}:`).replace(/^new file:/, `${args.new}:`)), { exit: 2 });
    if (!this.jsonEnabled()) {
      // Paths and values come from the files: shown on one line each, controls and bidi overrides as text.
      if (r.differences.length === 0) this.log('No differences.');
      for (const d of r.differences) {
        const sign = d.kind === 'added' ? '+' : d.kind === 'removed' ? '-' : '~';
        const [path, was, now] = [terminalLine(d.path), terminalLine(d.old ?? ''), terminalLine(d.new ?? '')];
        this.log(`${sign} ${path}${d.kind === 'changed' ? `: ${was} -> ${now}` : d.kind === 'added' ? ` = ${now}` : ` (was ${was})`}`);
      }
    }
    if (r.differences.length) process.exitCode = 1;
    return { old: args.old, new: args.new, differences: r.differences };
  }
}
