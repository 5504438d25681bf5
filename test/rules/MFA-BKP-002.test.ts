/** MFA-BKP-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, candidate } from './facts.js';
import { DATA, mfaHost, server81 } from './hosts.js';

ruleTester('MFA-BKP-002', {
  valid: [
    {
      name: 'one current backup among stale ones',
      facts: mfaHost({
        dataFile: backup(DATA, [
          candidate(`${DATA}.old`, false),
          candidate('E:\\Backups\\MFA\\Data\\PhoneFactor.pfdata', true, { reason: 'same-content' }),
        ]),
      }),
    },
    { name: 'no backup at all (that is MFA-BKP-001)', facts: mfaHost() },
    { name: 'at the target', facts: mfaHost({ dataFile: backup(DATA, [candidate(`${DATA}.bak`, false)]) }, server81()) },
  ],
  invalid: [
    {
      name: 'stale backup, primary: high',
      facts: mfaHost({ host: { roles: { replication: 'primary' } }, dataFile: backup(DATA, [candidate(`${DATA}.20261001`, false)]) }),
      findings: [
        {
          messageId: 'stale',
          data: { count: 1, path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata' },
          severity: 'high',
          component: 'data',
        },
      ],
    },
    {
      name: 'stale backup, subordinate: low',
      facts: mfaHost({ host: { roles: { replication: 'subordinate' } }, dataFile: backup(DATA, [candidate(`${DATA}.bak`, false)]) }),
      findings: [
        {
          messageId: 'stale',
          data: { count: 1, path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata' },
          severity: 'low',
        },
      ],
    },
  ],
});
