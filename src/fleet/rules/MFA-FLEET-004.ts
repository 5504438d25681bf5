import { compareVersions } from '../../util/version.js';
import { defineFleetRule, FLEET_SEED, replicationGroups, rolesEvidence, serverVersion } from './helpers.js';
import type { HostSummary } from '../types.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-004', title: 'Servers of one replication group end the plan at different versions', severity: 'high', component: 'server', stages: 'all', pendingOnly: false, planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 7' },
    description: 'Every server of a group must end at the same release: a server with an upgrade pending ends at the target, one without keeps its version. A server already above the target (or a --target-version below the group\'s) leaves the group mixed.',
  },
  check(ctx) {
    const after = (h: HostSummary) => (h.upgradePath !== 'none' ? ctx.targetVersion : serverVersion(h) ?? ctx.targetVersion);
    const hits = [];
    for (const [group, hosts] of replicationGroups(ctx)) {
      const versions = hosts.map(after);
      if (versions.every((v) => compareVersions(v, versions[0]!) === 0)) continue;
      hits.push({
        host: hosts[0]!.name,
        message: `After the plan, group ${group} would run ${hosts.map((h) => `${h.name} ${after(h)}${h.upgradePath === 'none' ? ' (no upgrade pending)' : ''}`).join(', ')}. Upgrade every server of the group to the same release.`,
        evidence: hosts.map(rolesEvidence),
        key: `group:${group.toLowerCase()}`,
      });
    }
    return hits;
  },
});
