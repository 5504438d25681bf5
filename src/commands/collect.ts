import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../cli/base.js';
import { terminalLine } from '../util/terminal.js';
import { BadInputError } from '../cli/errors.js';
import { isProgrammingError } from '../util/errors.js';
import type { Replication } from '../types.js';
import type { BundleJson, Host } from '../host/types.js';
import type { CollectResult } from '../collect.js';

/**
 * Test-only hook: on a system other than Windows, `collect` refuses to run unless this names a bundle
 * folder, which then stands in for the live host (tests and the README's examples of the bundle layout).
 */
export const COLLECT_FROM_ENV = 'MFA_READINESS_COLLECT_FROM';

export default class Collect extends BaseCommand {
  static override summary = 'On the Windows host: copy the evidence a scan reads into a bundle folder or zip, to scan elsewhere.';

  static override description = `Runs every probe on this host and writes what they read as a bundle (see the README): registry keys (registry/collected.reg), the config files, scripts and theme folders they read, bundle.json (host, OS, roles from the flags) and manifest.json. The data file (PhoneFactor.pfdata, users' phone numbers) and its backups are only described (size, time, SHA-256) unless --include-data. Secrets in copied config files are replaced by [redacted] unless --no-redact. Nothing on the host is written except the bundle; --out may not be inside a folder the scan reads.`;

  static override examples = [
    '<%= config.bin %> collect --out C:\\Temp\\MFA01-bundle',
    '<%= config.bin %> collect --out \\\\share\\bundles\\MFA01 --zip --role primary --replication-group HQ --load-balanced',
    '<%= config.bin %> collect --out D:\\bundles\\MFA01.zip --zip --backup-dir E:\\Backups\\MFA',
  ];

  static override enableJsonFlag = true;

  static override flags = {
    out: Flags.string({
      description: 'bundle folder to create (or, with --zip, the zip file; OUT.zip unless it ends in .zip)',
      required: true,
    }),
    zip: Flags.boolean({ description: 'write one zip file instead of a folder', default: false }),
    'include-data': Flags.boolean({
      description: "copy the data file and its backups too (they hold users' phone numbers)",
      default: false,
    }),
    redact: Flags.boolean({
      description: 'replace secrets in copied config files by [redacted] (--no-redact keeps them)',
      default: true,
      allowNo: true,
    }),
    role: Flags.string({
      description: 'replication role of this server, for bundle.json',
      options: ['primary', 'subordinate', 'standalone'],
    }),
    'replication-group': Flags.string({ description: 'replication group name, for bundle.json' }),
    'load-balanced': Flags.boolean({ description: 'whether this server is load-balanced with others, for bundle.json', allowNo: true }),
    'adfs-farm': Flags.string({ description: 'AD FS farm name (e.g. sts.contoso.com), for bundle.json' }),
    'backup-dir': Flags.string({ description: 'a folder with backups to search and describe (Windows path; repeatable)', multiple: true }),
    'adapter-files': Flags.string({
      description: 'the folder the new AD FS adapter files were copied to (Windows path), for bundle.json adapterFiles',
    }),
    'migration-server': Flags.string({
      description:
        'the dedicated secondary MFA Server that runs the Migration Utility (scan --goal migrate), for bundle.json migrationServer',
    }),
    alias: Flags.string({
      description:
        'another name that reaches this host (a load-balancer or DNS alias such as mfasdk.contoso.com), for bundle.json aliases (repeatable)',
      multiple: true,
    }),
  };

  async run(): Promise<Omit<CollectResult, 'facts'>> {
    const { flags } = await this.parse(Collect);
    const { collect, CollectError } = await import('../collect.js');
    let target: Host;
    let hostInfo: Awaited<ReturnType<import('../host/live.js').LiveHost['hostInfo']>> | undefined;
    const from = process.env[COLLECT_FROM_ENV];
    if (from) {
      const { BundleHost, InputError } = await import('../host/bundle.js');
      try {
        target = await BundleHost.open(from);
      } catch (e) {
        throw e instanceof InputError ? new BadInputError(`${COLLECT_FROM_ENV}: ${e.message}`) : e;
      }
    } else if (process.platform !== 'win32') {
      throw new BadInputError('collect runs only on the Windows host it collects from; elsewhere, scan a bundle folder (see the README)');
    } else {
      const { LiveHost } = await import('../host/live.js');
      const live = new LiveHost();
      hostInfo = await live.hostInfo();
      target = live;
    }

    const roles: NonNullable<BundleJson['roles']> = {};
    if (flags.role) roles.replication = flags.role as Replication;
    if (flags['replication-group']) roles.replicationGroup = flags['replication-group'];
    if (flags['load-balanced'] !== undefined) roles.loadBalanced = flags['load-balanced'];
    if (flags['adfs-farm']) roles.adfsFarm = flags['adfs-farm'];

    let res: CollectResult;
    try {
      res = await collect(target, {
        out: flags.out,
        zip: flags.zip,
        includeData: flags['include-data'],
        redact: flags.redact,
        roles,
        backupDirs: flags['backup-dir'],
        adapterFiles: flags['adapter-files'],
        migrationServer: flags['migration-server'],
        aliases: flags.alias,
        hostInfo,
        // On the live host: the two read-only AD FS cmdlets, where the AD FS service is registered (adfs/*.json).
        adfsCmdlets: from ? null : {},
      });
    } catch (e) {
      // CollectError is an input error as it is (src/cli/errors.ts); a file-system error is about --out.
      const code = (e as NodeJS.ErrnoException).code;
      if (!(e instanceof CollectError) && code && !isProgrammingError(e))
        throw new BadInputError(`--out ${flags.out}: cannot be written: ${(e as Error).message.split('\n')[0]}`);
      throw e;
    }
    const { facts, ...summary } = res;
    if (!this.jsonEnabled()) {
      const mb = (res.copiedBytes / 1024 / 1024).toFixed(1);
      const lines = [
        `${facts.host.name ?? target.location}: collected ${res.copied} file(s) (${mb} MB, ${res.redacted} redacted), ${res.registryKeys} registry key(s), ${res.described.length} file(s) described in manifest.json${res.omitted.length ? `, ${res.omitted.length} data-file copy(ies) left out` : ''}${res.adfsFiles.length ? `, AD FS cmdlet output in ${res.adfsFiles.join(', ')}` : ''}`,
        ...res.warnings.map((w) => `warning: ${w}`),
        `wrote ${res.out}`,
      ];
      // host name, paths and warnings come from the host: controls and bidi overrides shown as text
      process.stderr.write(lines.map(terminalLine).join('\n') + '\n');
    }
    return summary;
  }
}
