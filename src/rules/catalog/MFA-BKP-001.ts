import { defineRule } from '../types.js';
import { backupEvidence } from '../helpers.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-001',
    title: 'The data file has no backup',
    severity: 'critical',
    severityNote: 'critical on a primary, standalone or role-unknown MFA host; low on a subordinate',
    component: 'data',
    stages: ['pre'],
    pendingOnly: true,
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 2' },
    description: 'The data file PhoneFactor.pfdata holds every user and setting; the installer upgrades it in place. No copy of it was found beside it, in its parent folder or in a backup folder.',
  },
  check({ facts }) {
    const d = facts.dataFile;
    if (facts.host.hostRole !== 'mfa-host' || !d || !d.original.exists || d.candidates.length > 0) return [];
    const sub = facts.host.roles.replication === 'subordinate';
    return [{
      severity: sub ? 'low' : 'critical',
      message: `No backup of the data file ${d.original.path} was found${facts.host.backupDirs.length ? ` (also searched ${facts.host.backupDirs.join(', ')})` : ''}. Copy it before the window${sub ? ' (a subordinate reads the primary\'s replicated data, so this is low here)' : ''}.`,
      evidence: backupEvidence(d),
      key: d.original.path.toLowerCase(),
    }];
  },
});
