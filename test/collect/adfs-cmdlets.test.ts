/**
 * collect on an AD FS server: the two read-only AD FS cmdlets through a fake powershell.exe that logs how it was
 * called. collect runs nothing else, only where the AD FS service is registered, and an offline scan reads what
 * they wrote.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { collect } from '../../src/collect.js';
import { ADFS_CMDLETS, runAdfsCmdlet } from '../../src/host/live/adfs-cmdlets.js';
import { writeRegV5 } from '../../src/registry/reg-writer.js';
import { scanFolder } from './helpers.js';

const SERVICES = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services';
const ADFS_DIR = 'C:\\Program Files\\Multi-Factor Authentication Server';

/** A fake powershell.exe: appends its argv (JSON, one line) to log, prints the canned output of the command it got. */
function fakePowerShell(dir: string, opts: { fail?: boolean } = {}): { exe: string; log: string } {
  const log = path.join(dir, 'calls.log');
  const exe = path.join(dir, 'powershell');
  const providers = JSON.stringify([{ Name: 'FormsAuthentication' }, { Name: 'WindowsAzureMultiFactorAuthentication', IsCustom: true }]);
  const policy = JSON.stringify({
    AdditionalAuthenticationProvider: ['WindowsAzureMultiFactorAuthentication'],
    PrimaryExtranetAuthenticationProvider: ['FormsAuthentication'],
  });
  writeFileSync(
    exe,
    `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
${opts.fail ? "process.stderr.write('Get-AdfsAuthenticationProvider : The term is not recognized\\n'); process.exit(1);" : ''}
const cmd = args[args.length - 1];
process.stdout.write(cmd.startsWith('Get-AdfsAuthenticationProvider') ? ${JSON.stringify(providers)} : ${JSON.stringify(policy)});
`,
  );
  chmodSync(exe, 0o755);
  return { exe, log };
}

function calls(log: string): string[][] {
  return existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as string[])
    : [];
}

/** An AD FS server with the 6.3 adapter: its Uninstall entry, the adapter files, and the AD FS service when asked. */
function adfsServer(withService: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mfa-adfs-host-'));
  const dir = path.join(root, 'fs', 'C', 'Program Files', 'Multi-Factor Authentication Server');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'Register-MultiFactorAuthenticationAdfsAdapter.ps1'),
    'Register-AdfsAuthenticationProvider -TypeName $t -Name $n -ConfigurationFilePath $c\r\n',
  );
  writeFileSync(
    path.join(dir, 'MultiFactorAuthenticationAdfsAdapter.config'),
    '<ConfigurationData><WebServiceSdkUrl>https://mfa01/sdk</WebServiceSdkUrl></ConfigurationData>\r\n',
  );
  mkdirSync(path.join(root, 'registry'));
  const keys = [
    {
      path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{ADFS-ADAPTER}',
      values: [
        { name: 'DisplayName', type: 'REG_SZ' as const, typeNumber: 1, data: 'Multi-Factor Authentication AD FS Adapter' },
        { name: 'DisplayVersion', type: 'REG_SZ' as const, typeNumber: 1, data: '6.3.0.0' },
        { name: 'InstallLocation', type: 'REG_SZ' as const, typeNumber: 1, data: ADFS_DIR },
      ],
    },
    { path: SERVICES, values: [] },
    ...(withService
      ? [
          {
            path: `${SERVICES}\\adfssrv`,
            values: [
              { name: 'Start', type: 'REG_DWORD' as const, typeNumber: 4, data: 2 },
              {
                name: 'ImagePath',
                type: 'REG_EXPAND_SZ' as const,
                typeNumber: 2,
                data: '%SystemRoot%\\ADFS\\Microsoft.IdentityServer.ServiceHost.exe',
              },
            ],
          },
        ]
      : []),
  ];
  writeFileSync(path.join(root, 'registry', 'export.reg'), writeRegV5(keys));
  return root;
}

const out = () => path.join(mkdtempSync(path.join(tmpdir(), 'mfa-collect-adfs-')), 'bundle');

describe('collect runs the AD FS cmdlets', () => {
  it('where the AD FS service is registered: only the two Get- cmdlets, read-only, and their output in adfs/', async () => {
    const ps = fakePowerShell(mkdtempSync(path.join(tmpdir(), 'mfa-fake-ps-')));
    const res = await collect(await BundleHost.open(adfsServer(true)), { out: out(), adfsCmdlets: { exe: ps.exe, timeoutMs: 20_000 } });
    expect(calls(ps.log)).toEqual([
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', 'Get-AdfsAuthenticationProvider | ConvertTo-Json'],
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', 'Get-AdfsGlobalAuthenticationPolicy | ConvertTo-Json'],
    ]);
    for (const call of calls(ps.log))
      expect(call.at(-1)).toMatch(/^Get-Adfs(AuthenticationProvider|GlobalAuthenticationPolicy) \| ConvertTo-Json$/);
    expect(res.adfsFiles).toEqual(['adfs/authentication-providers.json', 'adfs/global-policy.json']);
    expect(res.warnings).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(res.out, 'adfs', 'global-policy.json'), 'utf8'))).toMatchObject({
      AdditionalAuthenticationProvider: ['WindowsAzureMultiFactorAuthentication'],
    });

    // The offline scan reads them: today's provider at stage pre (MFA-ADFS-010), what is left at stage post.
    const pre = await scanFolder(res.out, 'pre');
    const today = pre.findings.find((f) => f.ruleId === 'MFA-ADFS-010');
    expect(today?.message).toContain('AD FS has WindowsAzureMultiFactorAuthentication registered');
    const post = await scanFolder(res.out, 'post');
    expect(
      post.findings
        .filter((f) => f.ruleId === 'MFA-POST-023')
        .map((f) => `${f.outcome} ${f.severity}`)
        .sort(),
    ).toEqual(['fail high', 'fail medium']);
    expect(post.findings.find((f) => f.ruleId === 'MFA-POST-024')?.outcome).toBe('fail');
  });

  it('where the AD FS service is not registered: powershell is never started', async () => {
    const ps = fakePowerShell(mkdtempSync(path.join(tmpdir(), 'mfa-fake-ps-')));
    const res = await collect(await BundleHost.open(adfsServer(false)), { out: out(), adfsCmdlets: { exe: ps.exe } });
    expect(calls(ps.log)).toEqual([]);
    expect(res.adfsFiles).toEqual([]);
    expect(existsSync(path.join(res.out, 'adfs'))).toBe(false);
  });

  it('a cmdlet that fails: a warning naming it, nothing written for it, the bundle still made', async () => {
    const ps = fakePowerShell(mkdtempSync(path.join(tmpdir(), 'mfa-fake-ps-')), { fail: true });
    const res = await collect(await BundleHost.open(adfsServer(true)), { out: out(), adfsCmdlets: { exe: ps.exe, timeoutMs: 20_000 } });
    expect(res.adfsFiles).toEqual([]);
    expect(res.warnings).toHaveLength(2);
    expect(res.warnings[0]).toMatch(
      /^Get-AdfsAuthenticationProvider \| ConvertTo-Json \(.*\) exited with 1: Get-AdfsAuthenticationProvider : The term is not recognized: adfs\/authentication-providers\.json not recorded$/,
    );
    // The offline scan then says the check could not be made, with the commands to run.
    const post = await scanFolder(res.out, 'post');
    expect(post.findings.find((f) => f.ruleId === 'MFA-POST-023')).toMatchObject({ outcome: 'unknown' });
    expect(post.findings.find((f) => f.ruleId === 'MFA-POST-023')!.message).toContain(
      'Get-AdfsAuthenticationProvider | ConvertTo-Json | Out-File adfs\\authentication-providers.json',
    );
  });

  it('without powershell (a bundle standing in for the host), the recorded files are passed on as they are', async () => {
    const host = adfsServer(true);
    mkdirSync(path.join(host, 'ADFS'));
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(JSON.stringify([{ Name: 'AzureMfaServerAuthentication' }]), 'utf16le'),
    ]);
    writeFileSync(path.join(host, 'ADFS', 'Authentication-Providers.json'), utf16);
    const res = await collect(await BundleHost.open(host), { out: out() });
    expect(res.adfsFiles).toEqual(['adfs/authentication-providers.json']);
    expect(readFileSync(path.join(res.out, 'adfs', 'authentication-providers.json')).equals(utf16)).toBe(true);
  });

  it('runAdfsCmdlet refuses any other command without starting a process', async () => {
    const ps = fakePowerShell(mkdtempSync(path.join(tmpdir(), 'mfa-fake-ps-')));
    const r = await runAdfsCmdlet(
      {
        ...ADFS_CMDLETS[0],
        command: 'Set-AdfsGlobalAuthenticationPolicy -AdditionalAuthenticationProvider @()',
      } as unknown as (typeof ADFS_CMDLETS)[0],
      { exe: ps.exe },
    );
    expect(r).toMatchObject({ ok: false });
    expect(calls(ps.log)).toEqual([]);
  });
});
