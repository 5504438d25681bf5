import type { FleetHit } from '../types.js';
import { defineFleetRule, FLEET_SEED, rolesEvidence } from './helpers.js';
import type { HostSummary } from '../types.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-009',
    title: 'The same server is in the fleet more than once',
    severity: 'critical',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade steps at a glance' },
    procedure: 'inplace-overview',
    description:
      'Two targets (two bundles, or a bundle and a saved report) describe a server of the same name, most often one collected twice. The waves would list it twice and count it twice in its replication group, so no order for the window can be trusted until one copy is removed.',
    messages: {
      duplicate:
        '{{host}} is in the fleet {{count}} times ({{targets}}). Keep the newest copy of that server and run fleet again; until then its waves and replication group are counted twice.',
    },
  },
  check(ctx) {
    const byName = new Map<string, HostSummary[]>();
    for (const h of ctx.hosts) {
      if (h.status === 'failed') continue;
      const k = h.name.toLowerCase();
      byName.set(k, [...(byName.get(k) ?? []), h]);
    }
    const hits: FleetHit[] = [];
    for (const [key, hosts] of byName) {
      if (hosts.length < 2) continue;
      hits.push({
        host: hosts[0].name,
        messageId: 'duplicate',
        data: { host: hosts[0].name, count: hosts.length, targets: hosts.map((h) => h.target).join(', ') },
        evidence: hosts.map(rolesEvidence),
        key: `name:${key}`,
      });
    }
    return hits;
  },
});
