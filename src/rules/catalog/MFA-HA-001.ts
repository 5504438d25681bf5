import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-HA-001',
    title: 'Multi-server deployment: drain, subordinates first, primary last',
    severity: 'high',
    component: 'server',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.drainHost, STEP.installServer, STEP.restoreHost],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade Microsoft Entra Multifactor Authentication Server, steps 3, 4 and 7' },
    procedure: 'inplace-server-3',
    description:
      'Take the server out of traffic (load balancer, clients) before upgrading it; upgrade subordinates first, promote one to primary, then upgrade the old primary.',
    messages: {
      primary:
        'This MFA Server is part of a multi-server deployment{{group}}{{balanced}}. Remove it from the load balancer and stop clients sending to it before the upgrade. This is the primary: upgrade it last, after the subordinates and after promoting one of them.',
      subordinate:
        'This MFA Server is part of a multi-server deployment{{group}}{{balanced}}. Remove it from the load balancer and stop clients sending to it before the upgrade. This is a subordinate: upgrade it before the primary, one at a time so the load balancer keeps serving.',
      loadBalanced:
        'This MFA Server is part of a multi-server deployment{{group}}{{balanced}}. Remove it from the load balancer and stop clients sending to it before the upgrade. Upgrade subordinates first, promote one, upgrade the old primary last.',
    },
  },
  check({ facts, multiServer }) {
    if (facts.host.hostRole !== 'mfa-host' || !multiServer) return [];
    const r = facts.host.roles;
    return [
      {
        messageId: r.replication === 'primary' ? 'primary' : r.replication === 'subordinate' ? 'subordinate' : 'loadBalanced',
        data: {
          group: r.replicationGroup ? ` (group ${r.replicationGroup})` : '',
          balanced: r.loadBalanced ? ', behind a load balancer' : '',
        },
        evidence: [
          {
            source: 'bundle',
            location: 'bundle.json roles',
            observed: `replication ${r.replication ?? 'unknown'}, loadBalanced ${r.loadBalanced ?? 'unknown'}`,
          },
        ],
        key: 'ha',
      },
    ];
  },
});
