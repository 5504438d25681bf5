/** MFA-POST-004: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts, sdkUrl } from './facts.js';
import { baseline, POST } from './post-facts.js';

const PORTAL_WC = 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config';
const oldSdk = () => comp('web-service-sdk', '5.2.0.1', { virtualDirectory: '/PhoneFactorWebServiceSdk' });
const newSdk = () => comp('web-service-sdk', '8.1.2.1', { virtualDirectory: '/MultiFactorAuthWebServiceSdk' });

ruleTester('MFA-POST-004', {
  valid: [
    {
      name: 'name kept',
      facts: makeFacts({
        components: [newSdk()],
        sdkUrls: [sdkUrl('user-portal', PORTAL_WC, 'https://localhost/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', true)],
      }),
      opts: { ...POST, baseline: baseline([newSdk()]) },
    },
    {
      name: 'renamed, and the URL changed with it',
      facts: makeFacts({
        components: [newSdk()],
        sdkUrls: [sdkUrl('user-portal', PORTAL_WC, 'https://localhost/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', true)],
      }),
      opts: { ...POST, baseline: baseline([oldSdk()]) },
    },
    {
      name: "renamed; a URL naming another host is not this host's",
      facts: makeFacts({
        components: [newSdk()],
        sdkUrls: [sdkUrl('user-portal', PORTAL_WC, 'https://mfa02/PhoneFactorWebServiceSdk/PfWsSdk.asmx', false)],
      }),
      opts: { ...POST, baseline: baseline([oldSdk()]) },
    },
  ],
  invalid: [
    {
      name: 'renamed SDK, stale portal URL',
      facts: makeFacts({
        components: [newSdk()],
        sdkUrls: [sdkUrl('user-portal', PORTAL_WC, 'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx', true)],
      }),
      opts: { ...POST, baseline: baseline([oldSdk()]) },
      findings: [
        {
          messageId: 'staleUrl',
          data: { file: PORTAL_WC, old: '/PhoneFactorWebServiceSdk', new: '/MultiFactorAuthWebServiceSdk' },
          severity: 'high',
          component: 'web-service-sdk',
        },
      ],
    },
  ],
});
