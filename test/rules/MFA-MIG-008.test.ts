/** MFA-MIG-008: whether this server changes for the migration (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { adfsHost } from './hosts.js';
import { MIGRATE, server } from './migration-facts.js';

ruleTester('MFA-MIG-008', {
  valid: [
    { name: 'nothing installed', facts: makeFacts(), opts: MIGRATE },
    { name: 'goal upgrade: not run', facts: server('8.0.3.2') },
  ],
  invalid: [
    {
      name: 'the primary changes',
      facts: server('8.0.3.2'),
      opts: MIGRATE,
      findings: [{ messageId: 'change', severity: 'info', data: { role: 'primary' } }],
    },
    {
      name: 'role unknown: planned as if primary',
      facts: server('8.0.3.2', null),
      opts: MIGRATE,
      findings: [{ messageId: 'change', severity: 'info', data: { role: 'unknown' } }],
    },
    {
      name: 'the migration server changes',
      facts: server('8.0.3.2', 'subordinate', { migrationServer: 'MFA01', isMigrationServer: true }),
      opts: MIGRATE,
      findings: [{ messageId: 'change', severity: 'info', data: { role: 'migration-server' } }],
    },
    {
      name: 'a subordinate keeps its version',
      facts: server('8.0.3.2', 'subordinate'),
      opts: MIGRATE,
      findings: [{ messageId: 'keep', severity: 'info' }],
    },
    {
      name: 'a User Portal server keeps its version',
      facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }),
      opts: MIGRATE,
      findings: [{ messageId: 'keep', severity: 'info' }],
    },
    { name: 'an AD FS server keeps its adapter', facts: adfsHost(), opts: MIGRATE, findings: [{ messageId: 'keep', severity: 'info' }] },
  ],
});
