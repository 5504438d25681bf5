/** MFA-FLEET-008: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { host } from './fleet-hosts.js';

fleetRuleTester('MFA-FLEET-008', {
  valid: [{ name: 'every target scanned or read', hosts: [host('MFA01'), host('MFA02', { status: 'read' })] }],
  invalid: [
    {
      name: 'a failed target: unknown, with its reason',
      hosts: [host('MFA01'), host('MFA13', { status: 'failed', reason: 'unreadable zip: truncated', hostRole: null })],
      findings: [
        {
          host: 'MFA13',
          messageId: 'failed',
          data: { target: '/bundles/MFA13', why: 'unreadable zip: truncated' },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
  ],
});
