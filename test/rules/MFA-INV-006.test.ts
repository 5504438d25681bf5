/** MFA-INV-006: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { makeFacts } from './facts.js';

ruleTester('MFA-INV-006', {
  valid: [
    { name: 'nothing found', facts: makeFacts() },
  ],
  invalid: [
    // TODO: one case per message and branch: { name, facts, opts?, findings: [{ messageId, data, severity, outcome? }] }
  ],
});
