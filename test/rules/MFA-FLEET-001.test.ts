/** MFA-FLEET-001: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { host, roles } from './fleet-hosts.js';

fleetRuleTester('MFA-FLEET-001', {
  valid: [
    {
      name: 'a primary and a subordinate',
      hosts: [host('MFA01', { roles: roles('primary') }), host('MFA02', { roles: roles('subordinate') })],
    },
    { name: 'standalone servers are in no replication group', hosts: [host('MFA01'), host('MFA02')] },
    {
      name: 'a failed target does not count as a subordinate',
      hosts: [host('MFA01', { status: 'failed', reason: 'bad zip', roles: roles('subordinate') })],
    },
  ],
  invalid: [
    {
      name: 'subordinates and no primary',
      hosts: [host('MFA02', { roles: roles('subordinate') }), host('MFA03', { roles: roles('subordinate') })],
      findings: [{ host: 'MFA02', messageId: 'noPrimary', data: { group: 'HQ', hosts: 'MFA02, MFA03' }, severity: 'high' }],
    },
    {
      name: 'the primary is in another group',
      hosts: [host('MFA01', { roles: roles('primary', 'EU') }), host('MFA02', { roles: roles('subordinate', 'US') })],
      findings: [{ host: 'MFA02', messageId: 'noPrimary', data: { group: 'US', hosts: 'MFA02' }, severity: 'high' }],
    },
    {
      name: 'no group name: one unnamed group',
      hosts: [host('MFA02', { roles: roles('subordinate', null) })],
      findings: [{ host: 'MFA02', messageId: 'noPrimary', data: { group: '(no group name)' }, severity: 'high' }],
    },
  ],
});
