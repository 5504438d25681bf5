/** MFA-PRQ-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts, vc } from './facts.js';
import { missingVc, vcCases } from './hosts.js';

const prq2 = vcCases('MFA-PRQ-002', 'x64');

ruleTester('MFA-PRQ-002', {
  valid: [
    ...prq2.valid,
    // A 32-bit Windows cannot install the x64 runtime: it is not asked for there.
    {
      name: '32-bit OS (x86), x64 missing',
      facts: {
        ...makeFacts({ components: [comp('user-portal', '6.3.0.0')], host: { os: { architecture: 'x86' } } }),
        vcredist: { x64: missingVc('x64'), x86: vc('x86') },
      },
    },
    {
      name: '32-bit OS (i686), x64 missing, on an MFA host',
      facts: {
        ...makeFacts({ components: [comp('server', '6.3.0.1')], host: { os: { architecture: 'i686' } } }),
        vcredist: { x64: missingVc('x64'), x86: vc('x86') },
      },
    },
  ],
  invalid: [
    ...prq2.invalid,
    {
      name: 'AMD64 (live: PROCESSOR_ARCHITECTURE), x64 missing on a web host: critical',
      facts: {
        ...makeFacts({ components: [comp('user-portal', '6.3.0.0')], host: { os: { architecture: 'AMD64' } } }),
        vcredist: { x64: missingVc('x64'), x86: vc('x86') },
      },
      findings: [{ messageId: 'missing', data: { arch: 'x64' }, severity: 'critical' }],
    },
  ],
});
