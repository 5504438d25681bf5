import type { FleetHit } from '../types.js';
import type { HostSummary } from '../types.js';
import { compareVersions } from '../../util/version.js';
import { defineFleetRule, isMfaHost, replicationGroups, rolesEvidence, serverVersion } from './helpers.js';

/** The server gets (or has) the build that carries the Migration Utility. */
const gets81 = (h: HostSummary) => h.plan.some((s) => s.id === 'install:server') || compareVersions(serverVersion(h) ?? '0', '8.1') >= 0;

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-020',
    title: 'Subordinates left on the old build log "Unhandled SB" entries once the primary has the migration build',
    severity: 'low',
    component: 'server',
    stages: 'all',
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'MFA Server migration: Install MFA Server update' },
    procedure: 'migrate-unhandled-sb',
    description:
      'At goal migrate only the primary gets the new build; its data file schema changes, and subordinates that keep the old build log "Unhandled SB" entries. Expected, but above about 10,000 users the logs grow fast: choose bigger log files or upgrading the subordinates too. The user count is not in a bundle.',
    messages: {
      choose:
        'In group {{group}}, {{primary}} gets the migration build and {{subordinates}} keep {{versions}}: they will log "Unhandled SB" entries (harmless, expected). With more than about 10,000 users these logs grow fast: either make the MFA Server log files bigger on {{subordinates}}, or upgrade them too (the upgrade plan, scan --goal upgrade).',
    },
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    for (const [group, hosts] of replicationGroups(ctx)) {
      const mfa = hosts.filter(isMfaHost);
      for (const p of mfa.filter((h) => h.roles?.replication === 'primary' && gets81(h))) {
        const left = mfa.filter((h) => h.roles?.replication === 'subordinate' && !gets81(h));
        if (!left.length) continue;
        hits.push({
          host: p.name,
          messageId: 'choose',
          data: {
            group,
            primary: p.name,
            subordinates: left.map((h) => h.name).join(', '),
            versions: [...new Set(left.map((h) => serverVersion(h) ?? 'an older build'))].join(', '),
          },
          evidence: [rolesEvidence(p), ...left.map(rolesEvidence)],
          key: `${group.toLowerCase()}|unhandled-sb`,
        });
      }
    }
    return hits;
  },
});
