/** MFA-VDIR-003: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { agent5, pfMobile, server70 } from './hosts.js';

ruleTester('MFA-VDIR-003', {
  valid: [
    {
      name: 'target 8.0: the service is not reinstalled',
      facts: makeFacts({ components: [agent5(), pfMobile()] }),
      opts: { targetVersion: '8.0' },
    },
    { name: 'target 8.1 (default)', facts: makeFacts({ components: [agent5(), pfMobile()] }) },
    {
      name: 'in-place path',
      facts: makeFacts({ components: [server70(), comp('mobile-app', '7.0.2.1', { virtualDirectory: '/PhoneFactorPhoneAppWebService' })] }),
      opts: { targetVersion: '7.1' },
    },
    {
      name: 'already under the new name',
      facts: makeFacts({ components: [agent5(), comp('mobile-app', '5.2.1.2')] }),
      opts: { targetVersion: '7.1' },
    },
  ],
  invalid: [
    {
      name: 'old name, target 7.1',
      facts: makeFacts({ components: [agent5(), pfMobile()] }),
      opts: { targetVersion: '7.1' },
      findings: [{ messageId: 'oldName', data: { vdir: '/PhoneFactorPhoneAppWebService' }, severity: 'medium', component: 'mobile-app' }],
    },
    {
      name: 'vdir unknown, target 7.1: unknown',
      facts: makeFacts({ components: [agent5(), pfMobile({ virtualDirectory: null, virtualDirectoryKnown: false })] }),
      opts: { targetVersion: '7.1' },
      findings: [{ messageId: 'unknown', severity: 'medium', outcome: 'unknown' }],
    },
  ],
});
