/**
 * The two read-only AD FS cmdlets `collect` runs on an AD FS server (docs/bundle-format.md, "adfs/"), and the one
 * way they are run: powershell.exe with no profile, no prompt, no shell between, a timeout, and nothing but these
 * two command lines (anything else is refused before a process starts). Their JSON goes into the bundle as written.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { system32 } from './reg-query.js';

/** The cmdlets (nothing else is ever run), the bundle file each writes, and the command line as a person types it. */
export const ADFS_CMDLETS = [
  { id: 'providers', file: 'adfs/authentication-providers.json', command: 'Get-AdfsAuthenticationProvider | ConvertTo-Json' },
  { id: 'policy', file: 'adfs/global-policy.json', command: 'Get-AdfsGlobalAuthenticationPolicy | ConvertTo-Json' },
] as const;

export type AdfsCmdlet = (typeof ADFS_CMDLETS)[number];

export interface PowerShellOptions {
  /** powershell.exe to run. Default: %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe. */
  exe?: string;
  /** Milliseconds before it is killed (default 60 s: the AD FS module loads slowly on a cold server). */
  timeoutMs?: number;
}

export type CmdletResult = { ok: true; stdout: Buffer } | { ok: false; error: string };

const MAX_BUFFER = 16 * 1024 * 1024;

function defaultPowerShell(env: NodeJS.ProcessEnv = process.env): string {
  return path.win32.join(system32(env), 'WindowsPowerShell', 'v1.0', 'powershell.exe');
}

/** Runs one of ADFS_CMDLETS read-only; any other command is refused without starting a process. */
export function runAdfsCmdlet(cmdlet: AdfsCmdlet, opts: PowerShellOptions = {}): Promise<CmdletResult> {
  const known = ADFS_CMDLETS.find((c) => c.id === cmdlet.id && c.command === cmdlet.command);
  if (!known)
    return Promise.resolve({
      ok: false,
      error: `refused: ${JSON.stringify(cmdlet.command)} is not one of the read-only AD FS cmdlets collect runs`,
    });
  const exe = opts.exe ?? defaultPowerShell();
  const timeout = opts.timeoutMs ?? 60_000;
  return new Promise((resolve) => {
    execFile(
      exe,
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', known.command],
      { encoding: 'buffer', maxBuffer: MAX_BUFFER, timeout, windowsHide: true, shell: false },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
        if (!e) return resolve({ ok: true, stdout });
        const why =
          typeof e.code === 'string'
            ? `cannot be run: ${e.code}`
            : e.killed
              ? `did not finish within ${Math.round(timeout / 1000)} s`
              : /maxBuffer/i.test(e.message)
                ? `wrote more than ${MAX_BUFFER} bytes`
                : `exited with ${String(e.code)}: ${(stderr ?? Buffer.alloc(0)).toString('utf8').trim().split(/\r?\n/)[0] ?? ''}`;
        resolve({ ok: false, error: `${known.command} (${exe}) ${why}`.trim() });
      },
    );
  });
}
