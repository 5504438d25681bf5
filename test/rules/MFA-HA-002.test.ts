/** MFA-HA-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { mfaHost, server81 } from './hosts.js';

ruleTester('MFA-HA-002', {
  valid: [
    { name: 'role from --role', facts: mfaHost({ host: { roles: { replication: 'standalone', source: 'flag' } } }) },
    { name: 'a web host', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }) },
    { name: 'at the target', facts: mfaHost({}, server81()) },
  ],
  invalid: [
    { name: 'role unknown', facts: mfaHost(), findings: [{ messageId: 'unknownRole', severity: 'medium', component: 'server' }] },
    {
      name: 'load balanced, role still unknown',
      facts: mfaHost({ host: { roles: { loadBalanced: true } } }),
      findings: [{ messageId: 'unknownRole', severity: 'medium' }],
    },
  ],
});
