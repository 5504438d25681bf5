import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-LIFE-001',
    title: 'MFA Server no longer services MFA requests (since 2024-09-30)',
    severity: 'high',
    component: 'host',
    stages: ['pre', 'adfs'],
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    planSteps: [STEP.prepareServer],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade to the latest Microsoft Entra Multifactor Authentication Server' },
    procedure: 'inplace-retirement',
    description:
      'Since 2024-09-30 MFA Server deployments no longer service MFA requests; the point of upgrading now is the latest release, whose Migration Utility moves users to cloud-based Microsoft Entra MFA.',
    messages: {
      retired:
        'Beginning September 30, 2024, MFA Server deployments no longer service multifactor authentication requests. Upgrade to the latest release to get its Migration Utility, and plan the move of users to cloud-based Microsoft Entra MFA. Waive this finding with the change that covers the migration.',
    },
  },
  check({ facts }) {
    if (facts.components.length === 0) return [];
    return [
      {
        messageId: 'retired',
        evidence: facts.components
          .map((c) => c.evidence[0])
          .filter(Boolean)
          .slice(0, 1),
        key: 'lifecycle',
      },
    ];
  },
});
