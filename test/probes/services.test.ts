/** The service registrations probe on the in-memory host: what a Services export (or the live registry) tells. */
import { describe, expect, it } from 'vitest';
import { imageExecutable, probeServices } from '../../src/probes/services.js';
import { MFA, PF, memoryHost, probeContext } from '../helpers/memory.js';

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

describe('imageExecutable', () => {
  it.each([
    [
      'quoted with arguments',
      '"C:\\Program Files\\Multi-Factor Authentication Server\\pfsvc.exe" -service',
      'C:\\Program Files\\Multi-Factor Authentication Server\\pfsvc.exe',
    ],
    ['unquoted with spaces, up to .exe', 'C:\\Program Files\\PhoneFactor\\pfsvc.exe /run', 'C:\\Program Files\\PhoneFactor\\pfsvc.exe'],
    ['plain', 'C:\\Windows\\ADFS\\Microsoft.IdentityServer.ServiceHost.exe', 'C:\\Windows\\ADFS\\Microsoft.IdentityServer.ServiceHost.exe'],
    ['empty', '  ', null],
  ])('%s', (_, image, want) => {
    expect(imageExecutable(image)).toBe(want);
  });
});

describe('probeServices', () => {
  it('reads pfsvc: start type and the executable, %VARS% expanded', async () => {
    const host = memoryHost()
      .reg(SERVICES, {})
      .reg(`${SERVICES}\\pfsvc`, {
        Start: 2,
        ImagePath: { type: 'REG_EXPAND_SZ', data: '"%ProgramFiles%\\Multi-Factor Authentication Server\\pfsvc.exe"' },
        DisplayName: 'MFA Server',
      })
      .reg(`${SERVICES}\\pfsvc\\Security`, { Security: { type: 'REG_BINARY', data: '0100' } });
    const s = probeServices(await probeContext(host));
    expect(s.known).toBe(true);
    expect(s.mfa).toMatchObject({ name: 'pfsvc', start: 2, executable: `${MFA}\\pfsvc.exe`, displayName: 'MFA Server' });
    expect(s.mfa!.evidence[0]).toMatchObject({ source: 'registry', location: `${SERVICES}\\pfsvc\\Start`, observed: '2 (automatic)' });
    expect(s.adfs).toBeNull();
  });

  it('a service key in another case is found, manual start kept as read', async () => {
    const host = memoryHost()
      .reg(SERVICES, {})
      .reg(`${SERVICES}\\PFSVC`, { Start: 3, ImagePath: `${PF}\\pfsvc.exe` });
    const s = probeServices(await probeContext(host));
    expect(s.mfa).toMatchObject({ name: 'PFSVC', start: 3, executable: `${PF}\\pfsvc.exe` });
  });

  it('an export of the Services key without pfsvc: known, not registered', async () => {
    const host = memoryHost()
      .reg(SERVICES, {})
      .reg(`${SERVICES}\\adfssrv`, { Start: 2, ImagePath: 'C:\\Windows\\ADFS\\Microsoft.IdentityServer.ServiceHost.exe' });
    const s = probeServices(await probeContext(host));
    expect(s).toMatchObject({ known: true, mfa: null });
    expect(s.adfs).toMatchObject({ name: 'adfssrv', start: 2 });
  });

  it('no export of the Services key: not known (absent is not "not registered")', async () => {
    const host = memoryHost().reg('HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', { InstallPath: PF });
    expect(probeServices(await probeContext(host))).toMatchObject({ known: false, mfa: null, adfs: null });
  });

  it('the live registry is complete: no key there means not registered', async () => {
    const host = memoryHost({ kind: 'live' });
    expect(probeServices(await probeContext(host))).toMatchObject({ known: true, mfa: null });
  });

  it('an offline hive export (ControlSet001) is read where CurrentControlSet is absent', async () => {
    const cs1 = 'HKLM\\SYSTEM\\ControlSet001\\Services';
    const host = memoryHost()
      .reg(cs1, {})
      .reg(`${cs1}\\pfsvc`, { Start: 4, ImagePath: `${MFA}\\pfsvc.exe` });
    const s = probeServices(await probeContext(host));
    expect(s.known).toBe(true);
    expect(s.mfa).toMatchObject({ start: 4, key: 'HKLM\\SYSTEM\\ControlSet001\\Services\\pfsvc' });
  });

  it('asks the registry for the Services key and the service keys only, not their subkeys', async () => {
    const host = memoryHost();
    await probeContext(host);
    const asked = host.interestsAsked[0].filter((i) => /\\Services/i.test(i.path));
    expect(asked.map((i) => i.path)).toContain('HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\pfsvc');
    expect(asked.every((i) => i.recursive === false)).toBe(true);
  });
});
