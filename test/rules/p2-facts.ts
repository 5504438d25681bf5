/** Builders for the service and AD FS cmdlet facts (MFA-POST-020..024, MFA-ADFS-010/011 tests). */
import type { AdfsCmdletsFact, ServiceFact, ServicesFact } from '../../src/types.js';

export const MFA_DIR = 'C:\\Program Files\\Multi-Factor Authentication Server';
export const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';
export const OLD = 'WindowsAzureMultiFactorAuthentication';
export const NEW = 'AzureMfaServerAuthentication';

export function service(over: Partial<ServiceFact> = {}): ServiceFact {
  const start = over.start !== undefined ? over.start : 2;
  const exe = over.executable !== undefined ? over.executable : `${MFA_DIR}\\pfsvc.exe`;
  return {
    name: 'pfsvc',
    key: `${SERVICES}\\pfsvc`,
    start,
    delayed: false,
    imagePath: exe ? `"${exe}"` : null,
    executable: exe,
    displayName: 'MFA Server',
    evidence: [
      { source: 'registry', location: `${SERVICES}\\pfsvc\\Start`, observed: String(start) },
      { source: 'registry', location: `${SERVICES}\\pfsvc\\ImagePath`, observed: exe ?? 'not set' },
    ],
    ...over,
  };
}

export function services(mfa: ServiceFact | null, known = true, adfs: ServiceFact | null = null): ServicesFact {
  return { known, mfa, adfs, mfaNames: ['MultiFactorAuthSvc', 'pfsvc'] };
}

export function cmdlets(names: string[] | null, additional: string[] | null, errors: AdfsCmdletsFact['errors'] = []): AdfsCmdletsFact {
  return {
    providers: names ? { location: 'adfs/authentication-providers.json', names } : null,
    globalPolicy: additional ? { location: 'adfs/global-policy.json', additional } : null,
    errors,
  };
}
