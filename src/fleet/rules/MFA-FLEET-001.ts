import type { FleetHit } from '../types.js';
import { defineFleetRule, FLEET_SEED, replicationGroups, rolesEvidence } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-001',
    title: 'A replication group has no primary in the fleet',
    severity: 'high',
    component: 'server',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 7' },
    procedure: 'inplace-server-7',
    description:
      "The last wave of a group promotes an upgraded subordinate and upgrades the old primary; with no primary among the group's hosts that wave cannot be planned. Add the primary's bundle, or fix the roles in bundle.json.",
    messages: {
      noPrimary:
        "Replication group {{group}} has subordinates ({{hosts}}) and no primary in this fleet: the promotion and the primary's upgrade are missing from the plan. Add the primary's bundle or correct the roles.",
    },
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    for (const [group, hosts] of replicationGroups(ctx)) {
      if (hosts.some((h) => h.roles?.replication === 'primary')) continue;
      hits.push({
        host: hosts[0].name,
        messageId: 'noPrimary',
        data: { group, hosts: hosts.map((h) => h.name).join(', ') },
        evidence: hosts.map(rolesEvidence),
        key: `group:${group.toLowerCase()}`,
      });
    }
    return hits;
  },
});
