import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { vcRule } from '../vc.js';

export default defineRule(
  vcRule(
    {
      id: 'MFA-PRQ-003',
      title: 'Visual C++ 2015 Update 1 runtime (x86) is missing or too old',
      severity: 'critical',
      severityNote: 'critical on a web or AD FS host; low on an MFA host (its installer adds it); needed on 32- and 64-bit Windows alike',
      component: 'prerequisites',
      stages: ['pre', 'adfs'],
      pendingOnly: true,
      planSteps: [STEP.installVcX86, STEP.installServer, STEP.installAdfs],
      seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal, step 3' },
      procedure: 'inplace-prerequisites',
      appliesTo: '>=7.0',
      description: 'The x86 runtime is needed too, even on 64-bit servers.',
    },
    'x86',
  ),
);
