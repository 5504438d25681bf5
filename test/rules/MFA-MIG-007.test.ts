/** MFA-MIG-007: the primary's data file has no current backup (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup } from './facts.js';
import { DATA } from './hosts.js';
import { currentBackup, MIGRATE, server, staleBackup } from './migration-facts.js';

ruleTester('MFA-MIG-007', {
  valid: [
    { name: 'a current backup', facts: server('8.0.3.2', 'primary', {}, false, { dataFile: currentBackup() }), opts: MIGRATE },
    { name: 'utility already there: no install, no backup needed', facts: server('8.1.2.1'), opts: MIGRATE },
    { name: 'a subordinate', facts: server('8.0.3.2', 'subordinate', {}, false), opts: MIGRATE },
    {
      name: 'the migration server (the primary holds the data)',
      facts: server('8.0.3.2', 'subordinate', { migrationServer: 'MFA01', isMigrationServer: true }, false),
      opts: MIGRATE,
    },
    { name: 'goal upgrade: not run', facts: server('8.0.3.2', 'primary', {}, false) },
  ],
  invalid: [
    {
      name: 'no backup',
      facts: server('8.0.3.2', 'primary', {}, false),
      opts: MIGRATE,
      findings: [{ messageId: 'none', severity: 'critical', component: 'data', data: { path: DATA } }],
    },
    {
      name: 'only older copies',
      facts: server('7.0.2.1', null, {}, false, { dataFile: staleBackup() }),
      opts: MIGRATE,
      findings: [{ messageId: 'stale', severity: 'critical', data: { count: 1 } }],
    },
    {
      name: 'data file missing',
      facts: server('8.0.3.2', 'primary', {}, false, { dataFile: backup(DATA, [], { exists: false }) }),
      opts: MIGRATE,
      findings: [{ messageId: 'missing', severity: 'high' }],
    },
    {
      name: 'data file folder unreadable',
      facts: server('8.0.3.2', 'primary', {}, false, { dataFile: backup(DATA, [], { exists: false, unreadable: true }) }),
      opts: MIGRATE,
      findings: [{ messageId: 'unreadable', severity: 'critical', outcome: 'unknown' }],
    },
  ],
});
