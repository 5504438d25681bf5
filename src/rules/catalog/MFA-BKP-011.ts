import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { backupEvidence, hasCurrent } from '../helpers.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-011',
    title: 'A custom User Portal theme has no current backup',
    severity: 'high',
    component: 'user-portal',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.backupPortalThemes, STEP.configurePortal],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Uninstall the PhoneFactor Agent, step 2.2' },
    procedure: 'pf-uninstall-2-2',
    description:
      'Custom themes (App_Themes folders other than Default) are lost when the portal is uninstalled or replaced; back up each folder.',
    messages: {
      noBackup: 'The custom theme {{name}} ({{path}}) has no current backup: copy the folder before the window.',
    },
  },
  check({ facts }) {
    return (facts.userPortal?.themes ?? [])
      .filter((t) => t.custom && t.backup && !hasCurrent(t.backup))
      .map((t) => ({
        messageId: 'noBackup',
        data: { name: t.name, path: t.path },
        evidence: backupEvidence(t.backup!),
        key: t.path.toLowerCase(),
      }));
  },
});
