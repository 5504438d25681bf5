import { defineRule } from '../types.js';
import { migrationRole } from '../migration.js';

export default defineRule({
  meta: {
    id: 'MFA-MIG-013',
    title: 'Staged Rollout reaches at most 500,000 users in 10 groups of 50,000',
    severity: 'low',
    component: 'host',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'MFA Server migration: Limitations and requirements' },
    procedure: 'migrate-staged-rollout',
    description:
      'Staged Rollout, which sends test users to Microsoft Entra MFA, takes at most 10 groups of at most 50,000 users each, and no nested or dynamic groups. The user count of the data file is not readable from a bundle: always unknown, with where to look.',
    messages: {
      look: 'Count the users of {{host}} (MFA Server UI > Users) and plan the Staged Rollout groups: at most 10 groups of at most 50,000 users (500,000 in all), cloud groups that are neither nested nor dynamic, and separate from the group the Migration Utility syncs.',
    },
  },
  check({ facts }) {
    const role = migrationRole(facts);
    if (role !== 'primary' && role !== 'unknown') return [];
    return [
      {
        messageId: 'look',
        outcome: 'unknown',
        data: { host: facts.host.name ?? 'this MFA Server' },
        evidence: [
          {
            source: 'file',
            location: facts.dataFile?.original.path ?? 'Data\\PhoneFactor.pfdata',
            observed: 'user count kept in the data file: see MFA Server UI > Users',
          },
        ],
        key: 'staged-rollout',
      },
    ];
  },
});
