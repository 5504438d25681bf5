/** The recorded AD FS cmdlet output (adfs/*.json) on the in-memory host: the shapes and encodings PowerShell writes. */
import { describe, expect, it } from 'vitest';
import { decodePowerShellText, probeAdfsCmdlets } from '../../src/probes/adfs-cmdlets.js';
import { memoryHost, probeContext } from '../helpers/memory.js';

const PROVIDERS = 'adfs/authentication-providers.json';
const POLICY = 'adfs/global-policy.json';

/** A provider as Get-AdfsAuthenticationProvider | ConvertTo-Json writes one (many fields, only Name read). */
function provider(name: string): object {
  return {
    AdminName: name, AllowedForPrimaryExtranet: false, AllowedForPrimaryIntranet: false, AllowedForAdditionalAuthentication: true,
    Descriptions: { '1033': name }, DisplayNames: { '1033': name }, IdentityClaims: [], IsCustom: true, Name: name,
    RequiresIdentity: true, SupportsManualUpdate: false,
  };
}

const policy = (additional: unknown) => JSON.stringify({
  AdditionalAuthenticationProvider: additional, DeviceAuthenticationEnabled: false, DeviceAuthenticationMethod: 'All',
  PrimaryExtranetAuthenticationProvider: ['FormsAuthentication'], PrimaryIntranetAuthenticationProvider: ['FormsAuthentication', 'WindowsAuthentication'],
  WindowsIntegratedFallbackEnabled: true, ClientAuthenticationMethods: 'ClientSecretPostAuthentication',
}, null, 4);

describe('probeAdfsCmdlets', () => {
  it('UTF-16LE with BOM (Out-File in Windows PowerShell 5.1): provider names, policy list', async () => {
    const host = memoryHost()
      .bundleFile(PROVIDERS, JSON.stringify([provider('FormsAuthentication'), provider('WindowsAzureMultiFactorAuthentication')], null, 4), { encoding: 'utf16le' })
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
      .bundleFile(PROVIDERS, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(provider('AzureMfaServerAuthentication')))]))
      .bundleFile(POLICY, policy('AzureMfaServerAuthentication'));
    const f = (await probeAdfsCmdlets(await probeContext(host)))!;
    expect(f.providers!.names).toEqual(['AzureMfaServerAuthentication']);
    expect(f.globalPolicy!.additional).toEqual(['AzureMfaServerAuthentication']);
  });

  it("Windows PowerShell 5.1's {value, Count} wrapper and a null policy list", async () => {
    const host = memoryHost()
      .bundleFile(PROVIDERS, JSON.stringify({ value: [provider('AzureMfaServerAuthentication'), provider('CertificateAuthentication')], Count: 2 }))
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
    expect(f.errors[0]!.message).toMatch(/^is not JSON/);
    expect(f.errors[1]!.message).toMatch(/Get-AdfsGlobalAuthenticationPolicy/);
    expect(host.problems.map((p) => p.location)).toEqual([PROVIDERS, POLICY]);
  });

  it('providers without a Name: refused with the field named', async () => {
    const host = memoryHost().bundleFile(PROVIDERS, JSON.stringify([{ DisplayName: 'x' }]));
    const f = (await probeAdfsCmdlets(await probeContext(host)))!;
    expect(f.errors[0]!.message).toContain('/0/Name: is required');
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
