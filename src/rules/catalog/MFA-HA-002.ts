import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-HA-002',
    title: 'Replication role unknown',
    severity: 'medium',
    component: 'server',
    stages: ['pre'],
    goals: ['upgrade', 'migrate'],
    pendingOnly: true,
    planSteps: [STEP.configureServer],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 4' },
    procedure: 'inplace-server-4',
    description:
      'The replication role lives in the opaque data file; say it in bundle.json roles.replication or with --role primary|subordinate|standalone, so the order of the window can be planned.',
    messages: {
      unknownRole:
        'The replication role of this MFA Server is not known. Say it in bundle.json (roles.replication) or with --role primary|subordinate|standalone.',
    },
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'mfa-host' || facts.host.roles.replication) return [];
    return [
      {
        messageId: 'unknownRole',
        evidence: [{ source: 'bundle', location: 'bundle.json roles.replication', observed: 'absent' }],
        key: 'role',
      },
    ];
  },
});
