/** MFA-MIG-013: Staged Rollout limits, always unknown on the primary (see tester.ts). */
import { ruleTester } from './tester.js';
import { MIGRATE, server } from './migration-facts.js';

ruleTester('MFA-MIG-013', {
  valid: [
    { name: 'goal upgrade: not run', facts: server('8.0.3.2') },
    { name: 'a subordinate', facts: server('8.0.3.2', 'subordinate'), opts: MIGRATE },
  ],
  invalid: [
    {
      name: 'the primary',
      facts: server('8.0.3.2', 'standalone'),
      opts: MIGRATE,
      findings: [{ messageId: 'look', severity: 'low', outcome: 'unknown' }],
    },
  ],
});
