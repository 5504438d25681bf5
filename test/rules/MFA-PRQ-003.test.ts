/** MFA-PRQ-003: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts, vc } from './facts.js';
import { missingVc, vcCases } from './hosts.js';

const prq3 = vcCases('MFA-PRQ-003', 'x86');

ruleTester('MFA-PRQ-003', {
  valid: [
    ...prq3.valid,
    {
      name: '32-bit OS (bundle.json architecture x86): x86 is the only runtime',
      facts: {
        ...makeFacts({ components: [comp('user-portal', '6.3.0.0')], host: { os: { architecture: 'x86' } } }),
        vcredist: { x64: missingVc('x64'), x86: vc('x86') },
      },
    },
  ],
  invalid: [
    ...prq3.invalid,
    // A 32-bit Windows needs the x86 runtime as much as any: the one it can install.
    {
      name: '32-bit OS ("32-bit"), x86 missing on a web host: critical',
      facts: {
        ...makeFacts({ components: [comp('user-portal', '6.3.0.0')], host: { os: { architecture: '32-bit' } } }),
        vcredist: { x64: missingVc('x64'), x86: missingVc('x86') },
      },
      findings: [{ messageId: 'missing', data: { arch: 'x86' }, severity: 'critical' }],
    },
  ],
});
