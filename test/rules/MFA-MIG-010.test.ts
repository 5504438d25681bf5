/** MFA-MIG-010: RADIUS and LDAP clients, always unknown on the primary (see tester.ts). */
import { ruleTester } from './tester.js';
import { MIGRATE, server } from './migration-facts.js';

ruleTester('MFA-MIG-010', {
  valid: [
    { name: 'goal upgrade: not run', facts: server('8.0.3.2') },
    {
      name: 'the migration server',
      facts: server('8.1.2.1', 'subordinate', { migrationServer: 'MFA01', isMigrationServer: true }),
      opts: MIGRATE,
    },
  ],
  invalid: [
    {
      name: 'the primary: never a pass',
      facts: server('8.1.2.1'),
      opts: MIGRATE,
      findings: [{ messageId: 'look', severity: 'medium', outcome: 'unknown' }],
    },
    {
      name: 'a subordinate can serve RADIUS too',
      facts: server('8.0.3.2', 'subordinate'),
      opts: MIGRATE,
      findings: [{ messageId: 'look', severity: 'medium', outcome: 'unknown' }],
    },
  ],
});
