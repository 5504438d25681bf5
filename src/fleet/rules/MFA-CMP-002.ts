import { INSTALLERS } from '../../util/product.js';
import hostRule from '../../rules/catalog/MFA-CMP-002.js';
import { defineFleetRule, deploymentOf, hostsForUrl, isClientHost, isMfaHost } from './helpers.js';
import type { FleetHit, HostSummary } from '../types.js';

/**
 * MFA-CMP-002 across the fleet (issue 11 item 13). The web and AD FS servers are upgraded from the MSIs of the
 * target release in an upgraded MFA Server's install folder, and one server per deployment (a replication group, or
 * a standalone server) is enough. So:
 *
 * - a client host needs its installers from the deployment its SDK URL names (any deployment where the fleet has
 *   only one; none where its URL names no fleet server: MFA-FLEET-005/007 say that);
 * - a deployment with an MFA Server upgrade pending gets the installers of the target release with that upgrade
 *   (MFA Server setup writes them into its install folder; a PhoneFactor 5.x folder cannot hold them before): no
 *   finding, the web waves copy them from that server after its install;
 * - a deployment whose servers are all at the target must have them in at least one server's folder now: one
 *   finding per deployment and installer, on its primary (else the first server by name); `unknown` where no
 *   server's folder could be checked (read reports).
 *
 * The rule is defined once, in src/rules/catalog/MFA-CMP-002.ts (metadata, its fleet messages too, doc page); this
 * is only its cross-host check, so waivers carry over.
 */
export default defineFleetRule({
  meta: hostRule.meta,
  check(ctx) {
    const mfa = ctx.hosts.filter(isMfaHost);
    const deployments = new Map<string, HostSummary[]>();
    for (const h of mfa) deployments.set(deploymentOf(h), [...(deployments.get(deploymentOf(h)) ?? []), h]);
    // Which installers each deployment must provide, and for whom.
    const needs = new Map<string, Map<string, Set<string>>>();
    const need = (dep: string, msi: string, client: string) => {
      const m = needs.get(dep) ?? new Map<string, Set<string>>();
      m.set(msi, (m.get(msi) ?? new Set<string>()).add(client));
      needs.set(dep, m);
    };
    for (const h of ctx.hosts.filter(isClientHost)) {
      if (h.upgradePath === 'none') continue;
      const named = new Set(
        (h.sdkUrls ?? [])
          .flatMap((u) => hostsForUrl(ctx, u.host))
          .filter(isMfaHost)
          .map(deploymentOf),
      );
      const deps = named.size ? [...named] : deployments.size === 1 ? [...deployments.keys()] : [];
      for (const c of h.components) {
        const msi = INSTALLERS[c.component];
        if (msi) for (const d of deps) need(d, msi, h.name);
      }
    }
    const hits: FleetHit[] = [];
    for (const [dep, wanted] of [...needs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const members = (deployments.get(dep) ?? []).slice().sort((a, b) => (a.name < b.name ? -1 : 1));
      const lead = members.find((m) => m.roles?.replication === 'primary') ?? members[0];
      // An upgrade pending in the deployment brings the target release's installers with it.
      if (!lead || members.some((m) => m.upgradePath !== 'none' && m.upgradePath !== null)) continue;
      const checked = members.filter((m) => m.installers);
      const clientsOf = (msis: string[]) => [...new Set(msis.flatMap((n) => [...(wanted.get(n) ?? [])]))].sort().join(', ');
      if (checked.length === 0) {
        const msis = [...wanted.keys()].sort();
        hits.push({
          host: lead.name,
          outcome: 'unknown' as const,
          messageId: 'fleetDeploymentUnknown',
          data: {
            deployment: dep,
            installers: msis.join(', '),
            clients: clientsOf(msis),
            why: members.every((m) => m.status === 'read') ? 'read from saved reports' : 'no install folder found',
          },
          evidence: members.map((m) => ({
            source: 'file' as const,
            location: m.target,
            observed: `${m.name}: install folder not checked`,
          })),
          key: 'installers-unknown',
        });
        continue;
      }
      for (const msi of [...wanted.keys()].sort()) {
        if (checked.some((m) => m.installers?.present.some((p) => p.toLowerCase() === msi.toLowerCase()))) continue;
        hits.push({
          host: lead.name,
          messageId: 'fleetDeploymentMissing',
          data: {
            installer: msi,
            deployment: dep,
            folders: checked.map((m) => `${m.name}: ${m.installers?.folder ?? '?'}`).join('; '),
            clients: clientsOf([msi]),
            target: ctx.targetVersion,
            host: lead.name,
          },
          evidence: checked.map((m) => ({
            source: 'file' as const,
            location: `${m.installers?.folder ?? ''}\\${msi}`,
            observed: `${m.name}: not found`,
          })),
          key: msi.toLowerCase(),
        });
      }
    }
    return hits;
  },
});
