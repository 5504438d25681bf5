/** Host summaries for the fleet rule tests: an 8.0 MFA Server with its SDK unless told otherwise. */
import type { HostSummary } from '../../src/fleet/types.js';
import type { ComponentId } from '../../src/types.js';

export const MFA_DIR = 'C:\\Program Files\\Multi-Factor Authentication Server';
export const PORTAL_MSI = 'MultiFactorAuthenticationUserPortalSetup64.msi';
export const MOBILE_MSI = 'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi';
export const ADFS_MSI = 'MultiFactorAuthenticationAdfsAdapterSetup64.msi';
export const PORTAL_WC = 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config';

export const roles = (replication: 'primary' | 'subordinate' | 'standalone' | null, replicationGroup: string | null = 'HQ') => ({
  replication,
  replicationGroup,
  loadBalanced: replication === 'primary' || replication === 'subordinate',
  adfsFarm: null,
  source: 'bundle' as const,
});

export const component = (c: ComponentId, version: string | null, virtualDirectory: string | null = null) => ({
  component: c,
  version,
  virtualDirectory,
  installPath: c === 'server' ? MFA_DIR : null,
});

export function host(name: string, o: Partial<HostSummary> = {}): HostSummary {
  return {
    name,
    target: `/bundles/${name}`,
    status: 'scanned',
    reason: null,
    verdict: null,
    roles: roles('standalone'),
    upgradePath: 'in-place',
    hostRole: 'mfa-host',
    components: [component('server', '8.0.1.1'), component('web-service-sdk', '8.0.1.1', '/MultiFactorAuthWebServiceSdk')],
    virtualDirectories: ['/', '/MultiFactorAuthWebServiceSdk'],
    boundHostNames: [],
    aliases: [],
    sdkUrls: [],
    installers: { folder: MFA_DIR, present: [PORTAL_MSI, MOBILE_MSI, ADFS_MSI] },
    plan: [],
    findings: [],
    waivers: [],
    inputDigest: 'sha256:00',
    ...o,
  };
}

/** The SDK URL of a server, by name (`https://mfa01.contoso.local/<vdir>/PfWsSdk.asmx`). */
export const sdk = (server: string, vdir = 'MultiFactorAuthWebServiceSdk') =>
  `https://${server.toLowerCase()}.contoso.local/${vdir}/PfWsSdk.asmx`;

/** A User Portal on its own web server whose web.config points at `url` (null: its report gives no URL). */
export function portal(name: string, url: string | null, o: Partial<HostSummary> = {}): HostSummary {
  const u = url ? new URL(url) : null;
  return host(name, {
    hostRole: 'web-host',
    installers: null,
    virtualDirectories: ['/', '/MultiFactorAuth'],
    components: [component('user-portal', '8.0.1.1', '/MultiFactorAuth')],
    sdkUrls: u
      ? [
          {
            component: 'user-portal',
            file: PORTAL_WC,
            url: url!,
            host: u.hostname.toLowerCase(),
            vdir: u.pathname.split('/').filter(Boolean)[0] ?? '',
          },
        ]
      : null,
    ...o,
  });
}
