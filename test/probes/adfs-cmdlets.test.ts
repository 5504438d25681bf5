/** The recorded AD FS cmdlet output (adfs/*.json) on the in-memory host: the shapes and encodings PowerShell writes. */
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { decodePowerShellText, probeAdfsCmdlets } from '../../src/probes/adfs-cmdlets.js';
import { memoryHost, probeContext, type MemoryHost } from '../helpers/memory.js';

const PROVIDERS = 'adfs/authentication-providers.json';
const POLICY = 'adfs/global-policy.json';

/** A provider as Get-AdfsAuthenticationProvider | ConvertTo-Json writes one (many fields, only Name read). */
function provider(name: string): object {
  return {
    AdminName: name,
    AllowedForPrimaryExtranet: false,
    AllowedForPrimaryIntranet: false,
    AllowedForAdditionalAuthentication: true,
    Descriptions: { '1033': name },
    DisplayNames: { '1033': name },
    IdentityClaims: [],
    IsCustom: true,
    Name: name,
    RequiresIdentity: true,
    SupportsManualUpdate: false,
  };
}

const policy = (additional: unknown) =>
  JSON.stringify(
    {
      AdditionalAuthenticationProvider: additional,
      DeviceAuthenticationEnabled: false,
      DeviceAuthenticationMethod: 'All',
      PrimaryExtranetAuthenticationProvider: ['FormsAuthentication'],
      PrimaryIntranetAuthenticationProvider: ['FormsAuthentication', 'WindowsAuthentication'],
      WindowsIntegratedFallbackEnabled: true,
      ClientAuthenticationMethods: 'ClientSecretPostAuthentication',
    },
    null,
    4,
  );

describe('probeAdfsCmdlets', () => {
  it('UTF-16LE with BOM (Out-File in Windows PowerShell 5.1): provider names, policy list', async () => {
    const host = memoryHost()
      .bundleFile(
        PROVIDERS,
        JSON.stringify([provider('FormsAuthentication'), provider('WindowsAzureMultiFactorAuthentication')], null, 4),
        { encoding: 'utf16le' },
      )
      .bundleFile(POLICY, policy(['WindowsAzureMultiFactorAuthentication']), { encoding: 'utf16le' });
    const f = await probeAdfsCmdlets(await probeContext(host));
    expect(f).toEqual({
      providers: { location: PROVIDERS, names: ['FormsAuthentication', 'WindowsAzureMultiFactorAuthentication'] },
      globalPolicy: { location: POLICY, additional: ['WindowsAzureMultiFactorAuthentication'] },
      errors: [],
    });
  });

  it('UTF-8 with BOM, one provider alone (an object), one policy name as a string', async () => {
    const host = memoryHost()
      .bundleFile(
        PROVIDERS,
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(provider('AzureMfaServerAuthentication')))]),
      )
      .bundleFile(POLICY, policy('AzureMfaServerAuthentication'));
    const f = (await probeAdfsCmdlets(await probeContext(host)))!;
    expect(f.providers!.names).toEqual(['AzureMfaServerAuthentication']);
    expect(f.globalPolicy!.additional).toEqual(['AzureMfaServerAuthentication']);
  });

  it("Windows PowerShell 5.1's {value, Count} wrapper and a null policy list", async () => {
    const host = memoryHost()
      .bundleFile(
        PROVIDERS,
        JSON.stringify({ value: [provider('AzureMfaServerAuthentication'), provider('CertificateAuthentication')], Count: 2 }),
      )
      .bundleFile(POLICY, policy(null));
    const f = (await probeAdfsCmdlets(await probeContext(host)))!;
    expect(f.providers!.names).toEqual(['AzureMfaServerAuthentication', 'CertificateAuthentication']);
    expect(f.globalPolicy!.additional).toEqual([]);
  });

  it('nothing recorded: no fact (a live host or a bundle without adfs/)', async () => {
    expect(await probeAdfsCmdlets(await probeContext(memoryHost()))).toBeNull();
  });

  it('a file that is not the cmdlet JSON: an error naming the file, and a problem in the report', async () => {
    const host = memoryHost()
      .bundleFile(PROVIDERS, 'Get-AdfsAuthenticationProvider : The term is not recognized')
      .bundleFile(POLICY, JSON.stringify([{ Foo: 1 }, { Foo: 2 }]));
    const ctx = await probeContext(host);
    const f = (await probeAdfsCmdlets(ctx))!;
    expect(f.providers).toBeNull();
    expect(f.globalPolicy).toBeNull();
    expect(f.errors.map((e) => e.location)).toEqual([PROVIDERS, POLICY]);
    expect(f.errors[0].message).toMatch(/^is not JSON/);
    expect(f.errors[1].message).toMatch(/Get-AdfsGlobalAuthenticationPolicy/);
    expect(host.problems.map((p) => p.location)).toEqual([PROVIDERS, POLICY]);
  });

  it('providers without a Name: refused with the field named', async () => {
    const host = memoryHost().bundleFile(PROVIDERS, JSON.stringify([{ DisplayName: 'x' }]));
    const f = (await probeAdfsCmdlets(await probeContext(host)))!;
    expect(f.errors[0].message).toContain('/0/Name: is required');
  });
});

describe('decodePowerShellText', () => {
  it.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[1]', 'utf16le')])],
    ['UTF-16LE without BOM', Buffer.from('[1]', 'utf16le')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[1]')])],
    ['UTF-8', Buffer.from('[1]')],
  ])('%s', (_, b) => {
    expect(decodePowerShellText(b)).toBe('[1]');
  });
});

describe('BundleHost.readBundleFile: adfs/*.json in a bundle folder', () => {
  const { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } = fs;
  function bundle(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'mfa-adfs-bundle-'));
    mkdirSync(path.join(root, 'registry'));
    writeFileSync(path.join(root, 'registry', 'empty.reg'), 'Windows Registry Editor Version 5.00\r\n\r\n');
    return root;
  }

  it('finds the files whatever their case, UTF-16LE as Out-File writes them', async () => {
    const root = bundle();
    mkdirSync(path.join(root, 'ADFS'));
    writeFileSync(
      path.join(root, 'ADFS', 'Global-Policy.JSON'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('{"AdditionalAuthenticationProvider":["AzureMfaServerAuthentication"]}', 'utf16le'),
      ]),
    );
    const host = await BundleHost.open(root);
    const f = await probeAdfsCmdlets(await probeContext(host as unknown as MemoryHost));
    expect(f?.globalPolicy).toEqual({ location: 'ADFS/Global-Policy.JSON', additional: ['AzureMfaServerAuthentication'] });
    expect(f?.providers).toBeNull();
  });

  it('a link that leads out of the bundle is not followed: a problem naming it', async () => {
    const root = bundle();
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-outside-')), 'providers.json');
    writeFileSync(outside, '[{"Name":"AzureMfaServerAuthentication"}]');
    mkdirSync(path.join(root, 'adfs'));
    symlinkSync(outside, path.join(root, 'adfs', 'authentication-providers.json'));
    const host = await BundleHost.open(root);
    expect(await host.readBundleFile('adfs/authentication-providers.json')).toBeNull();
    expect(host.problems).toEqual([
      { location: 'adfs/authentication-providers.json', message: 'is a link that leads out of the bundle: not followed' },
    ]);
  });

  it('a folder where the file should be is a problem, not read', async () => {
    const root = bundle();
    mkdirSync(path.join(root, 'adfs', 'global-policy.json'), { recursive: true });
    const host = await BundleHost.open(root);
    expect(await host.readBundleFile('adfs/global-policy.json')).toBeNull();
    expect(host.problems[0].message).toMatch(/^is not a regular file/);
  });
});
