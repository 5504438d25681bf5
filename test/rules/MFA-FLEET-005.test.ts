/** MFA-FLEET-005: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { PORTAL_WC, host, portal, sdk } from './fleet-hosts.js';

fleetRuleTester('MFA-FLEET-005', {
  valid: [
    { name: 'the SDK URL names a fleet host', hosts: [host('MFA01'), portal('WEB01', sdk('MFA01'))] },
    {
      name: "a name bound on the server's IIS site names it",
      hosts: [
        host('MFA01', { boundHostNames: ['mfa.contoso.com'] }),
        portal('WEB01', 'https://mfa.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx'),
      ],
    },
    { name: "an MFA Server's own URLs are not checked", hosts: [host('MFA01', { sdkUrls: null })] },
  ],
  invalid: [
    {
      name: 'the URL names a host outside the fleet',
      hosts: [host('MFA01'), portal('WEB11', sdk('MFA19'))],
      findings: [
        {
          host: 'WEB11',
          messageId: 'notInFleet',
          data: { file: PORTAL_WC, host: 'WEB11', url: sdk('MFA19'), urlHost: 'mfa19.contoso.local' },
          severity: 'medium',
        },
      ],
    },
    {
      name: 'the report gives no SDK URL: unknown',
      hosts: [host('MFA01'), portal('WEB01', null)],
      findings: [
        { host: 'WEB01', messageId: 'unknown', data: { host: 'WEB01', components: 'user-portal' }, severity: 'medium', outcome: 'unknown' },
      ],
    },
  ],
});
