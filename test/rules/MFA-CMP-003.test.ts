/** MFA-CMP-003: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { agent5, mfaHost, pfMobile, server70, server81 } from './hosts.js';

ruleTester('MFA-CMP-003', {
  valid: [
    { name: 'target 7.1', facts: makeFacts({ components: [server70(), comp('mobile-app', '7.0.2.1')] }), opts: { targetVersion: '7.1' } },
    { name: 'no mobile app', facts: mfaHost() },
    { name: 'at the target', facts: makeFacts({ components: [server81(), comp('mobile-app', '8.1.0.0')] }) },
  ],
  invalid: [
    {
      name: 'in-place to 8.1: uninstall after',
      facts: makeFacts({ components: [server70(), comp('mobile-app', '7.0.2.1')] }),
      findings: [{ messageId: 'inPlace', severity: 'low', component: 'mobile-app' }],
    },
    {
      name: 'agent path to 8.0: do not reinstall',
      facts: makeFacts({ components: [agent5(), pfMobile()] }),
      opts: { targetVersion: '8.0' },
      findings: [{ messageId: 'phonefactorAgent', severity: 'low' }],
    },
  ],
});
