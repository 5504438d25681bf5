import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-009',
    title: 'Changes to the Default theme were neither restored nor moved to a theme of their own',
    severity: 'medium',
    component: 'user-portal',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.postPortalThemes],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal' },
    procedure: 'inplace-portal-1',
    description:
      'Files of the Default theme changed before the window (in the saved copy, newer than the old install) are back in Default, or a custom theme that was not there before now carries them.',
    messages: {
      notRestored:
        '{{count}} changed file(s) of the saved Default theme (first: {{first}}) are not in the Default theme in use, and no new theme of your own carries them: the upgrade replaced Default.',
    },
  },
  check({ facts }) {
    const before = facts.post?.themes;
    if (!before || before.defaultNotRestored.length === 0) return [];
    // Moved to a theme of their own: a custom theme now that the saved copies did not have.
    const old = new Set(before.custom.map((t) => t.toLowerCase()));
    if ((facts.userPortal?.themes ?? []).some((t) => t.custom && !old.has(t.name.toLowerCase()))) return [];
    return [
      {
        messageId: 'notRestored',
        data: { count: before.defaultNotRestored.length, first: before.defaultNotRestored[0] },
        evidence: before.defaultNotRestored
          .slice(0, 5)
          .map((f) => ({ source: 'file' as const, location: f, observed: 'changed before the window; not in the Default theme in use' })),
        key: 'default-theme',
      },
    ];
  },
});
