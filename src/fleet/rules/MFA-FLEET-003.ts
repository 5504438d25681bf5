import type { FleetHit } from '../types.js';
import { compareVersions } from '../../util/version.js';
import { defineFleetRule, FLEET_SEED, replicationGroups, rolesEvidence, serverVersion } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-003',
    title: 'A subordinate runs a newer MFA Server than its primary',
    severity: 'medium',
    component: 'server',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 4' },
    procedure: 'inplace-server-4',
    description:
      'Subordinates can read the old data file the primary replicates, not the other way round: a subordinate ahead of its primary means an earlier upgrade stopped half way. Finish it (promote, upgrade the primary) and check replication.',
    messages: {
      subordinateAhead:
        'Subordinate {{subordinate}} runs MFA Server {{subordinateVersion}}, newer than its primary {{primary}} ({{primaryVersion}}) in group {{group}}: an earlier upgrade was left half done. Check replication status before the window.',
    },
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    for (const [group, hosts] of replicationGroups(ctx)) {
      for (const p of hosts.filter((h) => h.roles?.replication === 'primary')) {
        const pv = serverVersion(p);
        if (!pv) continue;
        for (const s of hosts.filter((h) => h.roles?.replication === 'subordinate')) {
          const sv = serverVersion(s);
          if (!sv || compareVersions(sv, pv) <= 0) continue;
          hits.push({
            host: s.name,
            messageId: 'subordinateAhead',
            data: { subordinate: s.name, subordinateVersion: sv, primary: p.name, primaryVersion: pv, group },
            evidence: [rolesEvidence(s), rolesEvidence(p)],
            key: `${group.toLowerCase()}|${p.name.toLowerCase()}`,
          });
        }
      }
    }
    return hits;
  },
});
