import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { backupEvidence, hasCurrent } from '../helpers.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-002',
    title: "The data file's backups are all older than the data file",
    severity: 'high',
    severityNote: 'low on a subordinate',
    component: 'data',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.backupData],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 2' },
    procedure: 'inplace-server-2',
    description:
      'Copies of the data file exist, but each has other content and an older last-write time: the data file changed after the copy was made.',
    messages: {
      stale:
        '{{count}} backup(s) of {{path}} found, none current: the data file changed after each was made. Take a fresh copy just before the window.',
    },
  },
  check({ facts }) {
    const d = facts.dataFile;
    if (facts.host.hostRole !== 'mfa-host' || !d || !d.original.exists || d.candidates.length === 0 || hasCurrent(d)) return [];
    return [
      {
        severity: facts.host.roles.replication === 'subordinate' ? 'low' : 'high',
        messageId: 'stale',
        data: { count: d.candidates.length, path: d.original.path },
        evidence: backupEvidence(d),
        key: d.original.path.toLowerCase(),
      },
    ];
  },
});
