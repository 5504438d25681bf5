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
    description: 'The data file PhoneFactor.pfdata holds every user and setting; the installer upgrades it in place. No copy of it was found beside it, in its parent folder or in a backup folder.',
  },
  check({ facts }) {
    const d = facts.dataFile;
    if (facts.host.hostRole !== 'mfa-host' || !d) return [];
    const sub = facts.host.roles.replication === 'subordinate';
    // Its folder could not be read: whether a backup is needed cannot be told, and that never passes silently.
    if (!d.original.exists && d.original.unreadable) {
      return [{
        outcome: 'unknown',
        severity: sub ? 'low' : 'critical',
        message: `Whether the data file ${d.original.path} has a backup cannot be told: ${DATA_UNREADABLE}. Make it readable and scan again, or check the backup by hand.`,
        evidence: [{ source: 'file', location: d.original.path, observed: DATA_UNREADABLE }],
        key: d.original.path.toLowerCase(),
      }];
    }
    if (!d.original.exists || d.candidates.length > 0) return [];
    return [{
      severity: sub ? 'low' : 'critical',
      message: `No backup of the data file ${d.original.path} was found${facts.host.backupDirs.length ? ` (also searched ${facts.host.backupDirs.join(', ')})` : ''}. Copy it before the window${sub ? ' (a subordinate reads the primary\'s replicated data, so this is low here)' : ''}.`,
      evidence: backupEvidence(d),
      key: d.original.path.toLowerCase(),
    }];
  },
});
