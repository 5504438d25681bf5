/** MFA-POST-005: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { baseline, POST } from './post-facts.js';

const portal = (v: string) => comp('user-portal', '8.1.2.1', { virtualDirectory: v });

ruleTester('MFA-POST-005', {
  valid: [
    {
      name: 'same name, other case',
      facts: makeFacts({ components: [portal('/MultiFactorAuth')] }),
      opts: { ...POST, baseline: baseline([portal('/multifactorauth')]) },
    },
    { name: 'no baseline', facts: makeFacts({ components: [portal('/MultiFactorAuth')] }), opts: POST },
  ],
  invalid: [
    {
      name: 'moved from /PhoneFactor',
      facts: makeFacts({ components: [portal('/MultiFactorAuth')] }),
      opts: { ...POST, baseline: baseline([portal('/PhoneFactor')]) },
      findings: [{ messageId: 'moved', data: { old: '/PhoneFactor', new: '/MultiFactorAuth' }, severity: 'low' }],
    },
  ],
});
