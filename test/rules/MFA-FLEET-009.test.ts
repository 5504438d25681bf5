/** MFA-FLEET-009: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { host } from './fleet-hosts.js';

fleetRuleTester('MFA-FLEET-009', {
  valid: [
    { name: 'distinct names', hosts: [host('MFA01'), host('MFA02')] },
    {
      name: 'a failed copy does not count',
      hosts: [host('MFA01'), host('MFA01', { status: 'failed', reason: 'bad zip', target: '/bundles/MFA01.zip' })],
    },
  ],
  invalid: [
    {
      name: 'one server twice, in any case: critical',
      hosts: [host('MFA01'), host('mfa01', { target: '/bundles/MFA01-again' })],
      findings: [
        {
          host: 'MFA01',
          messageId: 'duplicate',
          data: { host: 'MFA01', count: 2, targets: '/bundles/MFA01, /bundles/MFA01-again' },
          severity: 'critical',
        },
      ],
    },
  ],
});
