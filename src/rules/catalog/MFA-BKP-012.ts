import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { backupEvidence, hasCurrent } from '../helpers.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-012',
    title: 'The Default theme was changed and has no current backup',
    severity: 'high',
    component: 'user-portal',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.backupPortalDefaultTheme, STEP.configurePortal],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal, step 1' },
    procedure: 'inplace-portal-1',
    description:
      'The installer replaces App_Themes\\Default. A file in it last written more than a day after the portal was installed means someone changed it.',
    messages: {
      noReference:
        'Whether {{path}} was changed cannot be told: no Uninstall InstallDate for the portal and no Default.aspx to compare with.',
      changed:
        '{{count}} file(s) in {{path}} were changed after the portal was installed ({{source}} {{date}}), and the folder has no current backup. The installer replaces the Default theme: copy it, and better, move the changes into a theme of your own.',
    },
  },
  check({ facts, component }) {
    if (!component('user-portal')) return [];
    const def = (facts.userPortal?.themes ?? []).find((t) => !t.custom);
    if (!def) return [];
    if (!def.reference) {
      return [
        {
          outcome: 'unknown',
          messageId: 'noReference',
          data: { path: def.path },
          evidence: [{ source: 'file', location: def.path, observed: 'no reference time' }],
          key: def.path.toLowerCase(),
        },
      ];
    }
    if (def.changedFiles.length === 0 || (def.backup && hasCurrent(def.backup))) return [];
    return [
      {
        messageId: 'changed',
        data: { count: def.changedFiles.length, path: def.path, source: def.reference.source, date: def.reference.time.slice(0, 10) },
        evidence: [
          ...def.changedFiles.slice(0, 5).map((f) => ({ source: 'file' as const, location: f, observed: 'changed after install' })),
          ...(def.backup ? backupEvidence(def.backup).slice(1) : []),
        ],
        key: def.path.toLowerCase(),
      },
    ];
  },
});
