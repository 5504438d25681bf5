import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { backupEvidence, hasCurrent } from '../helpers.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-010',
    title: "The User Portal's web.config has no current backup",
    severity: 'high',
    component: 'user-portal',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.backupPortalWebConfig, STEP.configurePortal],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal, step 1' },
    procedure: 'inplace-portal-1',
    description:
      'The installer replaces web.config; its appSettings and applicationSettings (the Web Service SDK URL and credentials) are carried over from the backup after the upgrade.',
    messages: {
      notFound: "The User Portal's web.config could not be found{{where}}, so its backup cannot be checked.",
      stale: 'The backups of {{path}} are older than it and differ: take a fresh copy before the window.',
      none: 'No backup of {{path}} was found: copy it before the window.',
    },
  },
  check({ facts, component }) {
    const portal = component('user-portal');
    if (!portal) return [];
    const wc = facts.userPortal?.webConfig;
    if (!wc || !wc.exists || !wc.backup) {
      return [
        {
          outcome: 'unknown',
          messageId: 'notFound',
          data: { where: portal.installPath ? ` in ${portal.installPath}` : ' (its folder is unknown)' },
          evidence: portal.evidence.slice(0, 2),
          key: 'user-portal-web.config',
        },
      ];
    }
    if (hasCurrent(wc.backup)) return [];
    return [
      {
        messageId: wc.backup.candidates.length ? 'stale' : 'none',
        data: { path: wc.path },
        evidence: backupEvidence(wc.backup),
        key: wc.path.toLowerCase(),
      },
    ];
  },
});
