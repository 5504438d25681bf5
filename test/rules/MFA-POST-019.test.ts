/** MFA-POST-019: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { makeFacts } from './facts.js';
import { after81, baseline, before73, POST } from './post-facts.js';

ruleTester('MFA-POST-019', {
  valid: [
    { name: 'a baseline given', facts: makeFacts({ components: after81() }), opts: { ...POST, baseline: baseline(before73()) } },
    { name: 'stage pre needs none', facts: makeFacts({ components: after81() }) },
  ],
  invalid: [
    {
      name: 'no baseline: unknown, never passed',
      facts: makeFacts({ components: after81() }),
      opts: POST,
      findings: [{ messageId: 'noBaseline', severity: 'medium', outcome: 'unknown' }],
    },
  ],
});
