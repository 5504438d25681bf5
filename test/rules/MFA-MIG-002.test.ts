/** MFA-MIG-002: below 6.1 the full upgrade path comes first (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { MIGRATE, migrationFact, server } from './migration-facts.js';

ruleTester('MFA-MIG-002', {
  valid: [
    { name: '6.1 is enough', facts: server('6.1.0.0'), opts: MIGRATE },
    { name: '8.0 primary', facts: server('8.0.3.2'), opts: MIGRATE },
    { name: 'goal upgrade: not run', facts: server('6.0.0.0') },
    { name: 'a 6.0 subordinate keeps its version', facts: server('6.0.0.0', 'subordinate'), opts: MIGRATE },
  ],
  invalid: [
    {
      name: '6.0 primary',
      facts: server('6.0.0.0'),
      opts: MIGRATE,
      findings: [{ messageId: 'tooOld', severity: 'critical', data: { name: 'MFA Server', version: '6.0.0.0', min: '6.1' } }],
    },
    {
      name: 'PhoneFactor Agent standalone',
      facts: makeFacts({
        components: [comp('agent', '5.2.1.2')],
        host: { roles: { replication: 'standalone', source: 'bundle' } },
        migration: migrationFact(),
      }),
      opts: MIGRATE,
      findings: [{ messageId: 'tooOld', severity: 'critical', data: { name: 'PhoneFactor Agent', version: '5.2.1.2' } }],
    },
  ],
});
