/** MFA-INV-004: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { server70 } from './hosts.js';

ruleTester('MFA-INV-004', {
  valid: [{ name: 'every version known', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1')] }) }],
  invalid: [
    {
      name: 'portal found by files only: finding per component, on that component',
      facts: makeFacts({ components: [server70(), comp('user-portal', null)] }),
      findings: [
        {
          messageId: 'noVersion',
          data: { component: 'user-portal', where: ' at C:\\inetpub\\wwwroot\\MultiFactorAuth' },
          severity: 'medium',
          component: 'user-portal',
        },
      ],
    },
    {
      name: 'two unknown versions',
      facts: makeFacts({ components: [comp('server', null), comp('web-service-sdk', null)] }),
      findings: [
        {
          messageId: 'noVersion',
          data: { component: 'server', where: ' at C:\\Program Files\\Multi-Factor Authentication Server' },
          severity: 'medium',
          component: 'server',
        },
        {
          messageId: 'noVersion',
          data: { component: 'web-service-sdk', where: ' at C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk' },
          severity: 'medium',
          component: 'web-service-sdk',
        },
      ],
    },
  ],
});
