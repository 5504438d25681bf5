import { describe, expect, it } from 'vitest';
import { classifyDisplayName, confirmedByEntry, readUninstall } from '../../src/probes/uninstall.js';
import { REGISTRY_INTERESTS, UNINSTALL_32, UNINSTALL_64 } from '../../src/probes/registry.js';
import { memoryHost, uninstallEntry } from '../helpers/memory.js';

describe('classifyDisplayName', () => {
  it.each([
    ['PhoneFactor Agent', 'agent'],
    ['Phonefactor Agent x64', 'agent'],
    ['Multi-Factor Authentication Server', 'server'],
    ['Azure Multi-Factor Authentication Server', 'server'],
    ['Microsoft Entra Multifactor Authentication Server', 'server'],
    ['Multi-Factor Authentication User Portal', 'user-portal'],
    ['PhoneFactor User Portal', 'user-portal'],
    ['Multi-Factor Authentication Mobile App Web Service', 'mobile-app'],
    ['PhoneFactor Phone App Web Service', 'mobile-app'],
    ['Multi-Factor Authentication Web Service SDK', 'web-service-sdk'],
    ['PhoneFactor Web Service SDK', 'web-service-sdk'],
    ['Multi-Factor Authentication AD FS Adapter', 'adfs-adapter'],
    ['MFA ADFS Adapter', 'adfs-adapter'],
    // The longest component token wins: "Web Service SDK" over "Server"-like words.
    ['Multi-Factor Authentication Server Web Service SDK', 'web-service-sdk'],
    // Near misses: no brand, or a brand without a component token.
    ['NPS Extension For Azure MFA', null],
    ['Microsoft Monitoring Agent', null],
    ['SQL Server 2019 Native Client', null],
    ['SchedulingAgent', null],
    ['Multi-Factor Authentication', null],
    ['MFAServer Tools', null],
  ])('%s -> %s', (name, want) => {
    expect(classifyDisplayName(name)).toBe(want);
  });
});

describe('readUninstall', () => {
  it('classifies entries in both views, keeps the others, and says the exports cover Uninstall', async () => {
    const h = memoryHost();
    uninstallEntry(h, '{B}', 'PhoneFactor Agent', {
      version: ' 5.2.1 ',
      installLocation: 'C:\\Program Files\\PhoneFactor\\',
      installDate: '20150301',
    });
    uninstallEntry(h, '{A}', 'Microsoft Visual C++ 2015 Redistributable (x64) - 14.0.23506', { version: '14.0.23506.0' });
    uninstallEntry(h, '{C}', 'Multi-Factor Authentication Web Service SDK', { version: '5.2.1', wow64: true });
    h.reg(`${UNINSTALL_64}\\NoName`, { Publisher: 'x' });
    const un = readUninstall(await h.loadRegistry(REGISTRY_INTERESTS));
    expect(un.covered).toBe(true);
    expect(un.mfa.map((e) => [e.component, e.version, e.installLocation, e.installDate])).toEqual([
      ['agent', '5.2.1', 'C:\\Program Files\\PhoneFactor\\', '20150301'],
      ['web-service-sdk', '5.2.1', null, null],
    ]);
    expect(un.mfa[1].key).toBe(`${UNINSTALL_32}\\{C}`);
    expect(un.mfa[0].evidence).toEqual({
      source: 'registry',
      location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{B}\\DisplayName',
      observed: 'PhoneFactor Agent 5.2.1',
    });
    expect(un.other).toEqual([
      { key: `${UNINSTALL_64}\\{A}`, displayName: 'Microsoft Visual C++ 2015 Redistributable (x64) - 14.0.23506', version: '14.0.23506.0' },
    ]);
  });

  it('no Uninstall export: nothing found and not covered', async () => {
    const un = readUninstall(
      await memoryHost().reg('HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', { InstallPath: 'C:\\PF' }).loadRegistry(REGISTRY_INTERESTS),
    );
    expect(un).toEqual({ mfa: [], other: [], covered: false });
  });
});

describe('confirmedByEntry', () => {
  it.each([
    ['PhoneFactor Agent', 'PhoneFactor', true],
    ['PhoneFactor Agent', 'Positive Networks', true],
    ['Multi-Factor Authentication Server', 'Microsoft Corporation', true],
    ['RSA MFA Agent for Microsoft Windows', 'RSA Security LLC', false],
    ['Okta Multi-Factor Authentication Agent', 'Okta, Inc.', false],
    ['Multi-Factor Authentication User Portal', null, true],
    ['PhoneFactor Web Service SDK', '  ', true],
    ['MFA Agent', null, false],
  ] as const)('%s / publisher %s -> %s', (name, publisher, want) => {
    expect(confirmedByEntry(name, publisher)).toBe(want);
  });
});
