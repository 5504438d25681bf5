import type { FleetHit } from '../types.js';
import { defineFleetRule, FLEET_SEED, replicationGroups, rolesEvidence } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-002',
    title: 'A replication group has two or more primaries',
    severity: 'critical',
    component: 'server',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade Microsoft Entra Multifactor Authentication Server, steps 4 and 7' },
    procedure: 'inplace-server-4',
    description:
      'A group has one primary: subordinates are upgraded first, then one is promoted and the old primary upgraded last. Two primaries mean the roles are wrong (or two groups share a name), and no safe order exists until that is settled.',
    messages: {
      twoPrimaries:
        'Replication group {{group}} has {{count}} primaries ({{hosts}}). Check which server is the primary in the MFA Server UI and correct bundle.json before planning the window.',
    },
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    for (const [group, hosts] of replicationGroups(ctx)) {
      // One server given twice is MFA-FLEET-009, not a second primary: count primaries by name.
      const primaries = hosts.filter(
        (h, i) => h.roles?.replication === 'primary' && hosts.findIndex((o) => o.name.toLowerCase() === h.name.toLowerCase()) === i,
      );
      if (primaries.length < 2) continue;
      hits.push({
        host: primaries[0].name,
        messageId: 'twoPrimaries',
        data: { group, count: primaries.length, hosts: primaries.map((h) => h.name).join(', ') },
        evidence: primaries.map(rolesEvidence),
        key: `group:${group.toLowerCase()}`,
      });
    }
    return hits;
  },
});
