import { readFile, stat } from 'node:fs/promises';
import * as Args from '@oclif/core/args';
import { BaseCommand } from '../cli/base.js';
import type { ConfigDifference } from '../types.js';
import { changesFramework, compareConfigs, differenceSection } from '../xml/compare.js';
import { REDACTED } from '../xml/redact.js';
import { terminalLine } from '../util/terminal.js';

/** Far above any real config file (the scan's own cap for applicationHost.config). */
const MAX_CONFIG_BYTES = 64 * 1024 * 1024;

export interface CompareResult {
  old: string;
  new: string;
  /** Every difference, in document order (as before the sections were added). */
  differences: ConfigDifference[];
  /** Settings of the old file to bring into the new one (appSettings, applicationSettings, the SDK URL, the theme, ...). */
  carryOver: ConfigDifference[];
  /** What the new release changes on purpose (section types, assembly versions, .NET 2.0 -> 4.0, new settings): keep the new file's. */
  release: ConfigDifference[];
  /** The release moves the file from .NET 2.0 to 4.0: the old file must not be copied over the new one. */
  frameworkChanged: boolean;
}

/** A value as a person reads it: a secret is "set", an empty value "empty" (never "[redacted] -> [redacted]" for a cleared one). */
function said(v: string | null, other: string | null): string {
  if (v === '') return 'empty';
  if (v === REDACTED && (other === '' || other === null)) return 'set';
  return v ?? '';
}

function line(d: ConfigDifference): string {
  const sign = d.kind === 'added' ? '+' : d.kind === 'removed' ? '-' : '~';
  const path = terminalLine(d.path);
  if (d.kind === 'changed') return `${sign} ${path}: ${terminalLine(said(d.old, d.new))} -> ${terminalLine(said(d.new, d.old))}`;
  if (d.kind === 'added') return `${sign} ${path} = ${terminalLine(d.new ?? '')}`;
  return `${sign} ${path} (was ${terminalLine(d.old ?? '')})`;
}

export default class CompareConfig extends BaseCommand {
  static override summary = 'Compare two web.config or AD FS adapter config files: what to carry over after the upgrade.';
  static override description =
    'Lists settings, elements and attributes only in one file and those that differ, in two sections: what to carry over from the old file (appSettings, applicationSettings with the SDK URL, the portal theme, the adapter config values) and what the new release changes on purpose (.NET 2.0 -> 4.0 section types, assembly versions, settings new in the release: keep the new file\'s). Secret values show as [redacted], a cleared one as "set -> empty". Exit 0 when the files match, 1 when they differ, 2 when one cannot be read or parsed.';
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
        if (st.size > MAX_CONFIG_BYTES)
          return this.error(`${terminalLine(p)}: ${st.size} bytes, over the ${MAX_CONFIG_BYTES / 1024 / 1024} MiB a config file may have`, {
            exit: 2,
          });
        return await readFile(p);
      } catch (e) {
        if ((e as { oclif?: unknown }).oclif) throw e;
        return this.error(`${terminalLine(p)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { exit: 2 });
      }
    };
    const r = compareConfigs(await read(args.old), await read(args.new));
    if (!r.ok) this.error(terminalLine(r.error.replace(/^old file:/, `${args.old}:`).replace(/^new file:/, `${args.new}:`)), { exit: 2 });
    const carryOver = r.differences.filter((d) => differenceSection(d) === 'carry-over');
    const release = r.differences.filter((d) => differenceSection(d) === 'release');
    const frameworkChanged = changesFramework(r.differences);
    if (!this.jsonEnabled()) {
      // Paths and values come from the files: shown on one line each, controls and bidi overrides as text.
      if (r.differences.length === 0) this.log('No differences.');
      if (carryOver.length) {
        this.log(`Carry over (${carryOver.length}): settings of the old file to bring into the new one`);
        for (const d of carryOver) this.log(`  ${line(d)}`);
      }
      if (release.length) {
        if (carryOver.length) this.log('');
        this.log(`Changed by the new release (${release.length}): keep the new file's`);
        for (const d of release) this.log(`  ${line(d)}`);
        if (frameworkChanged)
          this.log(
            '  The new release moves this file from .NET 2.0 to 4.0: do not copy the old file over the new one; copy the settings above into it.',
          );
      }
    }
    if (r.differences.length) process.exitCode = 1;
    return { old: args.old, new: args.new, differences: r.differences, carryOver, release, frameworkChanged };
  }
}
