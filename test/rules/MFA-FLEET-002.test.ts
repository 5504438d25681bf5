/** MFA-FLEET-002: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { host, roles } from './fleet-hosts.js';

fleetRuleTester('MFA-FLEET-002', {
  valid: [
    {
      name: 'one primary per group',
      hosts: [host('MFA11', { roles: roles('primary', 'EU') }), host('MFA21', { roles: roles('primary', 'US') })],
    },
    {
      name: 'one server given twice is not two primaries (MFA-FLEET-009)',
      hosts: [host('MFA01', { roles: roles('primary') }), host('mfa01', { roles: roles('primary'), target: '/bundles/again' })],
    },
  ],
  invalid: [
    {
      name: 'two primaries in one group: critical',
      hosts: [
        host('MFA11', { roles: roles('primary', 'EU') }),
        host('MFA12', { roles: roles('primary', 'EU') }),
        host('MFA13', { roles: roles('subordinate', 'EU') }),
      ],
      findings: [
        { host: 'MFA11', messageId: 'twoPrimaries', data: { group: 'EU', count: 2, hosts: 'MFA11, MFA12' }, severity: 'critical' },
      ],
    },
  ],
});
