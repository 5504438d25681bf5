/** MFA-FLEET-003: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { component, host, roles } from './fleet-hosts.js';

const at = (name: string, role: 'primary' | 'subordinate', version: string | null) =>
  host(name, { roles: roles(role), components: [component('server', version)] });

fleetRuleTester('MFA-FLEET-003', {
  valid: [
    { name: 'same version', hosts: [at('MFA01', 'primary', '8.0.1.1'), at('MFA02', 'subordinate', '8.0.1.1')] },
    {
      name: 'subordinate older (upgrade under way, subordinates first is fine the other way round)',
      hosts: [at('MFA01', 'primary', '8.0.1.1'), at('MFA02', 'subordinate', '7.3.0.3')],
    },
    { name: 'a version unknown: nothing to compare', hosts: [at('MFA01', 'primary', null), at('MFA02', 'subordinate', '8.1.0.0')] },
  ],
  invalid: [
    {
      name: 'a subordinate newer than its primary',
      hosts: [at('MFA01', 'primary', '8.0.1.1'), at('MFA02', 'subordinate', '8.1.2.1')],
      findings: [
        {
          host: 'MFA02',
          messageId: 'subordinateAhead',
          data: { subordinate: 'MFA02', subordinateVersion: '8.1.2.1', primary: 'MFA01', primaryVersion: '8.0.1.1', group: 'HQ' },
          severity: 'medium',
        },
      ],
    },
  ],
});
