/** MFA-FLEET-004: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { component, host, roles } from './fleet-hosts.js';

const ahead = () => host('MFA02', { roles: roles('subordinate'), upgradePath: 'none', components: [component('server', '8.1.2.1')] });

fleetRuleTester('MFA-FLEET-004', {
  valid: [
    {
      name: 'every server has the upgrade pending: all end at the target',
      hosts: [host('MFA01', { roles: roles('primary') }), host('MFA02', { roles: roles('subordinate') })],
    },
    {
      name: 'the target is the version the up-to-date server runs',
      hosts: [host('MFA01', { roles: roles('primary') }), ahead()],
      targetVersion: '8.1.2.1',
    },
  ],
  invalid: [
    {
      name: 'a server without a pending upgrade stays above the target',
      hosts: [host('MFA01', { roles: roles('primary') }), ahead()],
      findings: [
        {
          host: 'MFA01',
          messageId: 'mixed',
          data: { group: 'HQ', versions: 'MFA01 8.1, MFA02 8.1.2.1 (no upgrade pending)' },
          severity: 'high',
        },
      ],
    },
  ],
});
