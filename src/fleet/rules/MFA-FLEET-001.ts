import { defineFleetRule, FLEET_SEED, replicationGroups, rolesEvidence } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-001', title: 'A replication group has no primary in the fleet', severity: 'high', component: 'server', stages: 'all', pendingOnly: false, planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 7' },
    description: 'The last wave of a group promotes an upgraded subordinate and upgrades the old primary; with no primary among the group\'s hosts that wave cannot be planned. Add the primary\'s bundle, or fix the roles in bundle.json.',
  },
  check(ctx) {
    const hits = [];
    for (const [group, hosts] of replicationGroups(ctx)) {
      if (hosts.some((h) => h.roles?.replication === 'primary')) continue;
      hits.push({
        host: hosts[0]!.name,
        message: `Replication group ${group} has subordinates (${hosts.map((h) => h.name).join(', ')}) and no primary in this fleet: the promotion and the primary's upgrade are missing from the plan. Add the primary's bundle or correct the roles.`,
        evidence: hosts.map(rolesEvidence),
        key: `group:${group.toLowerCase()}`,
      });
    }
    return hits;
  },
});
