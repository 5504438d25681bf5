import type { Evidence } from '../../types.js';
import type { RuleMeta } from '../../rules/types.js';
import type { FleetContext, FleetHit, FleetRule, HostSummary } from '../types.js';

export function defineFleetRule(rule: FleetRule): FleetRule {
  return rule;
}

export const FLEET_SEED = 'upgrade-mfa-server-2024.md' as const;

export const usable = (h: HostSummary) => h.status !== 'failed';
export const isMfaHost = (h: HostSummary) => usable(h) && h.hostRole === 'mfa-host';
/** A host that reaches an MFA Server through the SDK: a separate User Portal / Mobile App, or an AD FS server. */
export const isClientHost = (h: HostSummary) => usable(h) && (h.hostRole === 'web-host' || h.hostRole === 'adfs-host');

/** The name a replication group is known by ('(no group name)' where bundle.json gives none). */
export const groupOf = (h: HostSummary) => h.roles?.replicationGroup ?? '(no group name)';

/** MFA hosts in a replication (primary or subordinate), by group, in name order. */
export function replicationGroups(ctx: FleetContext): Map<string, HostSummary[]> {
  const groups = new Map<string, HostSummary[]>();
  for (const h of ctx.hosts) {
    if (!isMfaHost(h) || (h.roles?.replication !== 'primary' && h.roles?.replication !== 'subordinate')) continue;
    const g = groupOf(h);
    groups.set(g, [...(groups.get(g) ?? []), h]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function serverVersion(h: HostSummary): string | null {
  return h.components.find((c) => c.component === 'server' || c.component === 'agent')?.version ?? null;
}

/** Evidence naming where a host's roles came from. */
export function rolesEvidence(h: HostSummary): Evidence {
  const r = h.roles;
  return {
    source: h.status === 'read' ? 'file' : 'bundle',
    location: h.status === 'read' ? h.target : `${h.target}${h.target.endsWith('.zip') ? ':' : '/'}bundle.json`,
    observed: `${h.name}: replication ${r?.replication ?? 'unknown'}, group ${r?.replicationGroup ?? 'none'}, load balanced ${r?.loadBalanced ?? 'unknown'}${r?.adfsFarm ? `, AD FS farm ${r.adfsFarm}` : ''}; ${h.hostRole ?? 'unknown role'}, ${serverVersion(h) ? `MFA Server ${serverVersion(h)}` : 'no MFA Server'}`,
  };
}

/**
 * Whether a URL's host names this fleet host: its name, the name followed by a dot (an FQDN), a host name bound on
 * its IIS sites, or one of its `aliases` (bundle.json: a load-balancer or DNS name that reaches it).
 */
export function urlNamesHost(urlHost: string, h: HostSummary): boolean {
  const n = h.name.toLowerCase();
  return urlHost === n || urlHost.startsWith(`${n}.`) || h.boundHostNames.includes(urlHost) || (h.aliases ?? []).includes(urlHost);
}

/** The first fleet host a URL names (by name first, then bound names and aliases). */
export function hostForUrl(ctx: FleetContext, urlHost: string): HostSummary | undefined {
  return hostsForUrl(ctx, urlHost)[0];
}

/**
 * Every fleet host a URL names: one server, or every member behind a load-balancer name (the hosts whose
 * `aliases` hold it). A host's own name wins: a URL naming MFA01 is MFA01 alone.
 */
export function hostsForUrl(ctx: FleetContext, urlHost: string): HostSummary[] {
  const own = ctx.hosts.filter((h) => {
    const n = h.name.toLowerCase();
    return urlHost === n || urlHost.startsWith(`${n}.`);
  });
  if (own.length) return own;
  return ctx.hosts.filter((h) => urlNamesHost(urlHost, h));
}

/** A deployment: the MFA Servers that share a data file (a replication group), or one standalone server. */
export function deploymentOf(h: HostSummary): string {
  const r = h.roles;
  // As the waves group servers: a primary or subordinate, or a load-balanced server that is not standalone.
  const grouped =
    r?.replication === 'primary' || r?.replication === 'subordinate' || (r?.replication !== 'standalone' && r?.loadBalanced === true);
  return grouped ? `group ${groupOf(h)}` : `server ${h.name}`;
}

export type { FleetHit, RuleMeta };
