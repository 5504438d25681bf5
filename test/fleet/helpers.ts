import { cpSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostSummary } from '../../src/fleet/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FLEETS = path.join(ROOT, 'fixtures', 'fleets');
export const NOW = '2026-11-21T09:00:00.000Z';
export const OPTS = { targetVersion: '8.1', stage: 'pre' as const, failOn: 'critical' as const, now: NOW, jobs: 2 };

/** A fixture fleet copied to a temp folder with its files' last-write times (git keeps none). */
export function copyFleet(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `fleet-${name}-`));
  cpSync(path.join(FLEETS, name), dir, { recursive: true });
  const times = JSON.parse(readFileSync(path.join(FLEETS, `${name}.times.json`), 'utf8')) as Record<string, string>;
  for (const [rel, t] of Object.entries(times)) utimesSync(path.join(dir, rel), new Date(t), new Date(t));
  return dir;
}

/** A host summary for rule tests: an 8.0 MFA Server unless told otherwise. */
export function host(name: string, o: Partial<HostSummary> = {}): HostSummary {
  return {
    name,
    target: `/bundles/${name}`,
    status: 'scanned',
    reason: null,
    verdict: {
      status: 'ready-with-warnings',
      failOn: 'critical',
      counts: { critical: 0, high: 1, medium: 0, low: 0, info: 1 },
      waived: 0,
      gate: 'pass',
    },
    roles: { replication: null, replicationGroup: null, loadBalanced: null, adfsFarm: null, source: 'bundle' },
    upgradePath: 'in-place',
    hostRole: 'mfa-host',
    components: [
      {
        component: 'server',
        version: '8.0.1.1',
        virtualDirectory: null,
        installPath: 'C:\\Program Files\\Multi-Factor Authentication Server',
      },
      {
        component: 'web-service-sdk',
        version: '8.0.1.1',
        virtualDirectory: '/MultiFactorAuthWebServiceSdk',
        installPath: 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk',
      },
    ],
    virtualDirectories: ['/', '/MultiFactorAuthWebServiceSdk'],
    boundHostNames: [],
    aliases: [],
    sdkUrls: [],
    installers: {
      folder: 'C:\\Program Files\\Multi-Factor Authentication Server',
      present: [
        'MultiFactorAuthenticationUserPortalSetup64.msi',
        'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi',
        'MultiFactorAuthenticationAdfsAdapterSetup64.msi',
      ],
    },
    plan: [],
    findings: [],
    waivers: [],
    inputDigest: 'sha256:00',
    ...o,
  };
}

export const roles = (
  replication: 'primary' | 'subordinate' | 'standalone' | null,
  replicationGroup: string | null = 'HQ',
  adfsFarm: string | null = null,
) => ({
  replication,
  replicationGroup,
  loadBalanced: replication !== 'standalone' && replication !== null,
  adfsFarm,
  source: 'bundle' as const,
});

export function portal(name: string, url: string | null, o: Partial<HostSummary> = {}): HostSummary {
  const u = url ? new URL(url) : null;
  return host(name, {
    hostRole: 'web-host',
    installers: null,
    virtualDirectories: ['/', '/MultiFactorAuth'],
    components: [
      {
        component: 'user-portal',
        version: '8.0.1.1',
        virtualDirectory: '/MultiFactorAuth',
        installPath: 'C:\\inetpub\\wwwroot\\MultiFactorAuth',
      },
    ],
    sdkUrls: u
      ? [
          {
            component: 'user-portal',
            file: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config',
            url: url!,
            host: u.hostname.toLowerCase(),
            vdir: u.pathname.split('/').filter(Boolean)[0] ?? '',
          },
        ]
      : null,
    ...o,
  });
}
