/** MFA-BKP-013: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { candidate, webConfig } from './facts.js';
import { MOBILE_WC, agent5, mobileHost, server70, server81 } from './hosts.js';

ruleTester('MFA-BKP-013', {
  valid: [
    { name: 'current backup', facts: mobileHost(server70(), { webConfig: webConfig(MOBILE_WC, [candidate(`${MOBILE_WC}.orig`, true)]) }) },
    { name: 'at the target', facts: mobileHost(server81(), { webConfig: webConfig(MOBILE_WC, []) }) },
    { name: 'stage adfs', facts: mobileHost(agent5(), { webConfig: webConfig(MOBILE_WC, []) }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    {
      name: 'phonefactor-agent path: high',
      facts: mobileHost(agent5(), { webConfig: webConfig('C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\web.config', []) }),
      findings: [
        {
          messageId: 'noBackup',
          data: { path: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\web.config' },
          severity: 'high',
          component: 'mobile-app',
        },
      ],
    },
    {
      name: 'in-place path: low',
      facts: mobileHost(server70(), { webConfig: webConfig(MOBILE_WC, [candidate(`${MOBILE_WC}.bak`, false)]) }),
      findings: [
        { messageId: 'noBackup', data: { path: 'C:\\inetpub\\wwwroot\\MultiFactorAuthMobileAppWebService\\web.config' }, severity: 'low' },
      ],
    },
    {
      name: 'web.config not found on the agent path: unknown, high',
      facts: mobileHost(agent5(), { webConfig: null }),
      findings: [{ messageId: 'notFound', severity: 'high', outcome: 'unknown' }],
    },
    {
      name: 'web.config not found in-place: unknown, low',
      facts: mobileHost(server70(), null),
      findings: [{ messageId: 'notFound', severity: 'low', outcome: 'unknown' }],
    },
  ],
});
