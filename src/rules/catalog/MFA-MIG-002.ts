import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { belowMinimum, MIGRATE_MIN_VERSION, mfaServerOf, mustChange } from '../migration.js';

export default defineRule({
  meta: {
    id: 'MFA-MIG-002',
    title: 'Below MFA Server 6.1: the full upgrade path comes first',
    severity: 'critical',
    component: 'server',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [STEP.migrateFullUpgradeFirst],
    seed: { file: 'rules.md', section: 'MFA Server migration: Install MFA Server update' },
    procedure: 'migrate-minimum',
    description: `The server that is to run the Migration Utility is older than MFA Server ${MIGRATE_MIN_VERSION} (or still the PhoneFactor Agent): the in-place install of the migration build does not apply; the full upgrade (scan --goal upgrade) comes first.`,
    messages: {
      tooOld:
        '{{name}} {{version}} is below {{min}}: the Migration Utility build cannot simply be installed over it. Follow the full upgrade plan first (scan --goal upgrade), then scan again with --goal migrate.',
    },
  },
  check({ facts }) {
    if (!mustChange(facts) || !belowMinimum(facts)) return [];
    const s = mfaServerOf(facts)!;
    return [
      {
        messageId: 'tooOld',
        data: {
          name: s.component === 'agent' ? 'PhoneFactor Agent' : 'MFA Server',
          version: s.version ?? '(version unknown)',
          min: MIGRATE_MIN_VERSION,
        },
        evidence: s.evidence.slice(0, 1),
        key: 'minimum',
      },
    ];
  },
});
