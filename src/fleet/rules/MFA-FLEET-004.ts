import type { FleetHit } from '../types.js';
import { compareVersions } from '../../util/version.js';
import { defineFleetRule, FLEET_SEED, replicationGroups, rolesEvidence, serverVersion } from './helpers.js';
import type { HostSummary } from '../types.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-004',
    title: 'Servers of one replication group end the plan at different versions',
    severity: 'high',
    component: 'server',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 7' },
    procedure: 'inplace-server-7',
    description:
      "Every server of a group must end at the same release: a server with an upgrade pending ends at the target, one without keeps its version. A server already above the target (or a --target-version below the group's) leaves the group mixed.",
    messages: {
      mixed: 'After the plan, group {{group}} would run {{versions}}. Upgrade every server of the group to the same release.',
    },
  },
  check(ctx) {
    const after = (h: HostSummary) => (h.upgradePath !== 'none' ? ctx.targetVersion : (serverVersion(h) ?? ctx.targetVersion));
    const hits: FleetHit[] = [];
    for (const [group, hosts] of replicationGroups(ctx)) {
      const versions = hosts.map(after);
      if (versions.every((v) => compareVersions(v, versions[0]) === 0)) continue;
      hits.push({
        host: hosts[0].name,
        messageId: 'mixed',
        data: {
          group,
          versions: hosts.map((h) => `${h.name} ${after(h)}${h.upgradePath === 'none' ? ' (no upgrade pending)' : ''}`).join(', '),
        },
        evidence: hosts.map(rolesEvidence),
        key: `group:${group.toLowerCase()}`,
      });
    }
    return hits;
  },
});
