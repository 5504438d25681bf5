/** MFA-CMP-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { server70 } from './hosts.js';

ruleTester('MFA-CMP-001', {
  valid: [
    { name: 'portal on the MFA host', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1')] }) },
    { name: 'a web host with only the SDK', facts: makeFacts({ components: [comp('web-service-sdk', '7.0.2.1')] }) },
    { name: 'stage adfs', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }), opts: { stage: 'adfs' } },
    { name: 'at the target', facts: makeFacts({ components: [comp('user-portal', '8.1.0.0')] }) },
  ],
  invalid: [
    {
      name: 'portal and mobile app on their own server',
      facts: makeFacts({ components: [comp('user-portal', '7.0.2.1'), comp('mobile-app', '7.0.2.1')] }),
      findings: [
        {
          messageId: 'webHost',
          data: {
            components: 'user-portal and mobile-app',
            installers: 'MultiFactorAuthenticationUserPortalSetup64.msi and MultiFactorAuthenticationMobileAppWebServiceSetup64.msi',
          },
          severity: 'medium',
          component: 'user-portal',
        },
      ],
    },
    {
      name: 'mobile app alone',
      facts: makeFacts({ components: [comp('mobile-app', '6.3.0.0')] }),
      findings: [
        {
          messageId: 'webHost',
          data: { components: 'mobile-app', installers: 'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi' },
          severity: 'medium',
          component: 'mobile-app',
        },
      ],
    },
  ],
});
