import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { vcRule } from '../vc.js';

export default defineRule(
  vcRule(
    {
      id: 'MFA-PRQ-002',
      title: 'Visual C++ 2015 Update 1 runtime (x64) is missing or too old',
      severity: 'critical',
      severityNote:
        'critical on a web or AD FS host; low on an MFA host (its installer adds it); skipped on a 32-bit Windows, which cannot install it',
      component: 'prerequisites',
      stages: ['pre', 'adfs'],
      pendingOnly: true,
      planSteps: [STEP.installVcX64, STEP.installServer, STEP.installAdfs],
      seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal, step 3' },
      procedure: 'inplace-prerequisites',
      appliesTo: '>=7.0',
      description:
        'From 7.0 all components need the Visual C++ 2015 Update 1 (14.0.23506) or newer runtime, x86 and x64. The 2017-2022 runtimes count.',
    },
    'x64',
  ),
);
