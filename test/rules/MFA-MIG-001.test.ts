/** MFA-MIG-001: the build lacks the Migration Utility (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { MIGRATE, migrationFact, server } from './migration-facts.js';

ruleTester('MFA-MIG-001', {
  valid: [
    { name: 'goal upgrade: not run', facts: server('8.0.3.2', 'primary', {}, false) },
    { name: 'utility there (8.1 primary)', facts: server('8.1.2.1'), opts: MIGRATE },
    { name: 'a subordinate keeps its version', facts: server('8.0.3.2', 'subordinate', {}, false), opts: MIGRATE },
    { name: 'below 6.1: MFA-MIG-002 speaks instead', facts: server('6.0.0.0', 'primary', {}, false), opts: MIGRATE },
    { name: 'a User Portal host', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }), opts: MIGRATE },
  ],
  invalid: [
    {
      name: '8.0 primary without the utility',
      facts: server('8.0.3.2', 'primary', {}, false),
      opts: MIGRATE,
      findings: [
        {
          messageId: 'missing',
          severity: 'medium',
          component: 'server',
          data: {
            role: 'primary MFA Server',
            version: '8.0.3.2',
            files: 'MultiFactorAuthMigrationUtilityUI.exe and Configure-MultiFactorAuthMigrationUtility.ps1',
          },
        },
      ],
    },
    {
      name: 'the dedicated migration server without it',
      facts: server('8.0.3.2', 'subordinate', { migrationServer: 'MFA01', isMigrationServer: true }, false),
      opts: MIGRATE,
      findings: [{ messageId: 'missing', severity: 'medium', data: { role: 'dedicated migration server' } }],
    },
    {
      name: 'folder unreadable: unknown',
      facts: server('8.0.3.2', 'standalone', { files: migrationFact({}, null).files }, false),
      opts: MIGRATE,
      findings: [{ messageId: 'unreadable', severity: 'medium', outcome: 'unknown' }],
    },
    {
      name: 'no install folder known: unknown',
      facts: server('7.0.2.1', null, { folder: null, files: [] }),
      opts: MIGRATE,
      findings: [{ messageId: 'noFolder', severity: 'medium', outcome: 'unknown', data: { role: 'primary MFA Server' } }],
    },
  ],
});
