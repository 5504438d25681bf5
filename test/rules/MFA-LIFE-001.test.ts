/** MFA-LIFE-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { makeFacts } from './facts.js';
import { adfsHost, server70, server81 } from './hosts.js';

ruleTester('MFA-LIFE-001', {
  valid: [{ name: 'no component', facts: makeFacts() }],
  invalid: [
    { name: 'an old server', facts: makeFacts({ components: [server70()] }), findings: [{ messageId: 'retired', severity: 'high' }] },
    {
      name: 'a server at the target (lifecycle runs on an up-to-date host)',
      facts: makeFacts({ components: [server81()] }),
      findings: [{ messageId: 'retired', severity: 'high' }],
    },
    {
      name: 'an AD FS host at stage adfs',
      facts: adfsHost(),
      opts: { stage: 'adfs' },
      findings: [{ messageId: 'retired', severity: 'high' }],
    },
  ],
});
