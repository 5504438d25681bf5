/** MFA-POST-003: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { after81, POST } from './post-facts.js';

ruleTester('MFA-POST-003', {
  valid: [
    { name: 'uninstalled', facts: makeFacts({ components: after81() }), opts: POST },
    {
      name: 'a 7.x target keeps it',
      facts: makeFacts({ components: [comp('server', '7.3.0.3'), comp('mobile-app', '7.3.0.3')] }),
      opts: { ...POST, targetVersion: '7.3' },
    },
  ],
  invalid: [
    {
      name: 'still installed on 8.1',
      facts: makeFacts({ components: [...after81(), comp('mobile-app', '7.3.0.3')] }),
      opts: POST,
      findings: [
        {
          messageId: 'stillInstalled',
          data: { version: '7.3.0.3', where: '/MultiFactorAuthMobileAppWebService' },
          severity: 'low',
          component: 'mobile-app',
        },
      ],
    },
  ],
});
