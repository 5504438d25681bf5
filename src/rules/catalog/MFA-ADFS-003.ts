import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-ADFS-003',
    title: 'Users sign in without two-step verification while the adapter is swapped',
    severity: 'high',
    component: 'adfs-adapter',
    stages: ['pre', 'adfs'],
    pendingOnly: true,
    planSteps: [
      STEP.drainAdfsFirstHalf,
      STEP.installAdfs,
      STEP.adfsPolicyUncheck,
      STEP.adfsRestart,
      STEP.restoreAdfsFirstHalf,
      STEP.adfsPolicyCheck,
      STEP.installAdfsSecondHalf,
      STEP.verifyAdfs,
    ],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Install new AD FS adapters (important note, steps 3 to 8)' },
    procedure: 'inplace-adfs-3',
    description:
      'From unchecking the old provider in the global MFA policy until the new one is checked (steps 3 to 8), users of that AD FS cluster are not asked for two-step verification. Keep the span short; with several clusters do one at a time.',
    messages: {
      window:
        'From unchecking the old provider in the global multifactor authentication policy until AzureMfaServerAuthentication is checked again (steps 3 to 8 of the adapter install), users of this AD FS cluster sign in without two-step verification. Keep that span short and plan it with the security team; with several clusters, do one cluster at a time.',
    },
  },
  check({ component }) {
    const a = component('adfs-adapter');
    if (!a) return [];
    return [{ messageId: 'window', evidence: a.evidence.slice(0, 1), key: 'adfs-window' }];
  },
});
