/** MFA-BKP-001: valid and invalid cases (see tester.ts). */
import { DATA_UNREADABLE } from '../../src/types.js';
import { ruleTester } from './tester.js';
import { backup, candidate, makeFacts } from './facts.js';
import { DATA, PF_DATA, agent5, mfaHost, server81 } from './hosts.js';

ruleTester('MFA-BKP-001', {
  valid: [
    { name: 'a backup exists', facts: mfaHost({ dataFile: backup(DATA, [candidate(`${DATA}.bak`, true)]) }) },
    { name: 'only a stale backup (that is MFA-BKP-002)', facts: mfaHost({ dataFile: backup(DATA, [candidate(`${DATA}.bak`, false)]) }) },
    { name: 'stage adfs', facts: mfaHost(), opts: { stage: 'adfs' } },
    { name: 'at the target: nothing pending', facts: mfaHost({}, server81()) },
    {
      name: 'a backup found on this host, a share not searched: the local copy is enough',
      facts: mfaHost({
        dataFile: {
          ...backup(DATA, [candidate(`${DATA}.bak`, true)]),
          unsearched: [{ path: '\\\\fs01\\MFABackup$', why: 'a network share' }],
        },
      }),
    },
    { name: 'data file missing (that is MFA-BKP-003)', facts: mfaHost({ dataFile: backup(DATA, [], { exists: false, source: 'none' }) }) },
  ],
  invalid: [
    {
      name: 'role unknown: critical',
      facts: mfaHost(),
      findings: [
        {
          messageId: 'noBackup',
          data: { path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata', searched: '', subordinate: '' },
          severity: 'critical',
          component: 'data',
        },
      ],
    },
    {
      name: 'primary: critical',
      facts: mfaHost({ host: { roles: { replication: 'primary', source: 'bundle' } } }),
      findings: [
        {
          messageId: 'noBackup',
          data: { path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata', searched: '', subordinate: '' },
          severity: 'critical',
        },
      ],
    },
    {
      name: 'standalone: critical',
      facts: mfaHost({ host: { roles: { replication: 'standalone', source: 'flag' } } }),
      findings: [
        {
          messageId: 'noBackup',
          data: { path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata', searched: '', subordinate: '' },
          severity: 'critical',
        },
      ],
    },
    {
      name: 'subordinate: low',
      facts: mfaHost({ host: { roles: { replication: 'subordinate', source: 'bundle' } } }),
      findings: [
        {
          messageId: 'noBackup',
          data: {
            path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata',
            searched: '',
            subordinate: " (a subordinate reads the primary's replicated data, so this is low here)",
          },
          severity: 'low',
        },
      ],
    },
    {
      name: 'PhoneFactor Agent, data file described in manifest.json',
      facts: makeFacts({ components: [agent5()], dataFile: backup(PF_DATA, [], { source: 'manifest', size: 73400320 }) }),
      findings: [
        {
          messageId: 'noBackup',
          data: { path: 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata', searched: '', subordinate: '' },
          severity: 'critical',
        },
      ],
    },
    {
      name: 'the data folder cannot be read: unknown, critical',
      facts: mfaHost({ dataFile: backup(DATA, [], { exists: false, unreadable: true, source: 'none' }) }),
      findings: [{ messageId: 'unreadable', data: { path: DATA, why: DATA_UNREADABLE }, severity: 'critical', outcome: 'unknown' }],
    },
    {
      name: 'the only backup folder is a UNC share: unknown, critical, the share named as written',
      facts: mfaHost({
        host: { backupDirs: ['\\\\fs01\\MFABackup$\\MFA01'] },
        dataFile: { ...backup(DATA), unsearched: [{ path: '\\\\fs01\\MFABackup$\\MFA01', why: 'a network share' }] },
      }),
      findings: [
        { messageId: 'share', data: { path: DATA, shares: '\\\\fs01\\MFABackup$\\MFA01' }, severity: 'critical', outcome: 'unknown' },
      ],
    },
    {
      name: 'the data folder cannot be read on a subordinate: unknown, low',
      facts: mfaHost({
        host: { roles: { replication: 'subordinate', source: 'bundle' } },
        dataFile: backup(DATA, [], { exists: false, unreadable: true, source: 'none' }),
      }),
      findings: [{ messageId: 'unreadable', severity: 'low', outcome: 'unknown' }],
    },
  ],
});
