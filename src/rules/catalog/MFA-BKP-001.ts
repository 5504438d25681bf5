import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { backupEvidence } from '../helpers.js';
import { DATA_UNREADABLE } from '../../types.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-001',
    title: 'The data file has no backup',
    severity: 'critical',
    severityNote: 'critical on a primary, standalone or role-unknown MFA host; low on a subordinate',
    component: 'data',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.backupData],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 2' },
    procedure: 'inplace-server-2',
    description:
      'The data file PhoneFactor.pfdata holds every user and setting; the installer upgrades it in place. No copy of it was found beside it, in its parent folder or in a backup folder.',
    messages: {
      unreadable:
        'Whether the data file {{path}} has a backup cannot be told: {{why}}. Make it readable and scan again, or check the backup by hand.',
      share:
        'No backup of the data file {{path}} was found on this host, and the backup folder {{shares}} is a network share this scan cannot read: whether a current copy is there is unknown. Check it there (its time must be after the last change), or copy the backup into the bundle and scan again.',
      noBackup: 'No backup of the data file {{path}} was found{{searched}}. Copy it before the window{{subordinate}}.',
    },
  },
  check({ facts }) {
    const d = facts.dataFile;
    if (facts.host.hostRole !== 'mfa-host' || !d) return [];
    const sub = facts.host.roles.replication === 'subordinate';
    // Its folder could not be read: whether a backup is needed cannot be told, and that never passes silently.
    if (!d.original.exists && d.original.unreadable) {
      return [
        {
          outcome: 'unknown',
          severity: sub ? 'low' : 'critical',
          messageId: 'unreadable',
          data: { path: d.original.path, why: DATA_UNREADABLE },
          evidence: [{ source: 'file', location: d.original.path, observed: DATA_UNREADABLE }],
          key: d.original.path.toLowerCase(),
        },
      ];
    }
    if (!d.original.exists || d.candidates.length > 0) return [];
    // A backup folder on a share (\\fs01\MFABackup$) cannot be looked into: unknown, naming it as written.
    if (d.unsearched?.length) {
      return [
        {
          outcome: 'unknown',
          severity: sub ? 'low' : 'critical',
          messageId: 'share',
          data: { path: d.original.path, shares: d.unsearched.map((u) => u.path).join(', ') },
          evidence: [...backupEvidence(d), ...d.unsearched.map((u) => ({ source: 'bundle' as const, location: u.path, observed: u.why }))],
          key: d.original.path.toLowerCase(),
        },
      ];
    }
    return [
      {
        severity: sub ? 'low' : 'critical',
        messageId: 'noBackup',
        data: {
          path: d.original.path,
          searched: facts.host.backupDirs.length ? ` (also searched ${facts.host.backupDirs.join(', ')})` : '',
          subordinate: sub ? " (a subordinate reads the primary's replicated data, so this is low here)" : '',
        },
        evidence: backupEvidence(d),
        key: d.original.path.toLowerCase(),
      },
    ];
  },
});
