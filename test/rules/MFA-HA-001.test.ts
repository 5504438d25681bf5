/** MFA-HA-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { mfaHost, server81 } from './hosts.js';

ruleTester('MFA-HA-001', {
  valid: [
    { name: 'standalone, not load balanced', facts: mfaHost({ host: { roles: { replication: 'standalone', loadBalanced: false } } }) },
    {
      name: 'a web host behind a load balancer',
      facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')], host: { roles: { loadBalanced: true } } }),
    },
    { name: 'at the target', facts: mfaHost({ host: { roles: { replication: 'primary' } } }, server81()) },
    { name: 'stage adfs', facts: mfaHost({ host: { roles: { replication: 'subordinate' } } }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    {
      name: 'primary: last',
      facts: mfaHost({ host: { roles: { replication: 'primary', replicationGroup: 'HQ' } } }),
      findings: [{ messageId: 'primary', data: { group: ' (group HQ)', balanced: '' }, severity: 'high', component: 'server' }],
    },
    {
      name: 'subordinate: first',
      facts: mfaHost({ host: { roles: { replication: 'subordinate' } } }),
      findings: [{ messageId: 'subordinate', data: { group: '', balanced: '' }, severity: 'high' }],
    },
    {
      name: 'standalone but load balanced',
      facts: mfaHost({ host: { roles: { replication: 'standalone', loadBalanced: true } } }),
      findings: [{ messageId: 'loadBalanced', data: { group: '', balanced: ', behind a load balancer' }, severity: 'high' }],
    },
  ],
});
