import { STEP } from '../../plan/steps.js';
import type { ComponentId, Evidence } from '../../types.js';
import { defineRule, type RuleHit } from '../types.js';
import { migrationRole } from '../migration.js';

const PARTS: readonly [ComponentId, string][] = [
  ['user-portal', 'the User Portal'],
  ['web-service-sdk', 'the Web Service SDK'],
  ['mobile-app', 'the Mobile App Web Service'],
  ['adfs-adapter', 'the AD FS adapter'],
];

export default defineRule({
  meta: {
    id: 'MFA-MIG-006',
    title: 'The dedicated migration server still carries MFA traffic',
    severity: 'high',
    component: 'host',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [STEP.migrateNoTraffic],
    seed: { file: 'rules.md', section: 'MFA Server migration: Run a secondary MFA Server (optional)' },
    procedure: 'migrate-secondary',
    description:
      'The secondary named in bundle.json migrationServer runs the Migration Utility and its sync service and should handle no other MFA traffic: no User Portal, no Web Service SDK (and so no SDK consumers), no AD FS adapter, no load-balancer alias.',
    messages: {
      part: '{{host}} is the dedicated migration server but also runs {{part}} ({{location}}): move it to another server so this one handles no other MFA traffic.',
      balanced:
        '{{host}} is the dedicated migration server but bundle.json says it is behind a load balancer: take its alias out so clients stop sending MFA requests to it.',
      sdkClients:
        '{{host}} is the dedicated migration server but a Web Service SDK address on it names this host ({{url}}): point that consumer at another server.',
    },
  },
  check({ facts }) {
    if (migrationRole(facts) !== 'migration-server') return [];
    const host = facts.host.name ?? 'this host';
    const hits: RuleHit[] = [];
    for (const [c, part] of PARTS) {
      const f = facts.components.find((x) => x.component === c);
      if (!f) continue;
      const ev: Evidence = f.evidence[0] ?? { source: 'registry', location: c, observed: 'installed' };
      hits.push({
        messageId: 'part',
        component: c,
        data: { host, part, location: f.installPath ?? ev.location },
        evidence: [ev],
        key: `traffic-${c}`,
      });
    }
    if (facts.host.roles.loadBalanced === true) {
      hits.push({
        messageId: 'balanced',
        data: { host },
        evidence: [{ source: 'bundle', location: 'bundle.json roles.loadBalanced', observed: 'true' }],
        key: 'traffic-lb',
      });
    }
    for (const u of facts.sdkUrls.filter((s) => s.thisHost)) {
      hits.push({
        messageId: 'sdkClients',
        component: u.component,
        data: { host, url: u.url },
        evidence: [{ source: 'file', location: u.file, observed: u.url }],
        key: `traffic-sdk-${u.file}`,
      });
    }
    return hits;
  },
});
