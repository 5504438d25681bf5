import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-008',
    title: 'A custom User Portal theme of before the window is missing',
    severity: 'medium',
    component: 'user-portal',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.postPortalThemes],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal' },
    procedure: 'inplace-portal-1',
    description:
      'Every custom theme found in the copies of App_Themes saved before the window (or in the old portal folder) is in the App_Themes of the User Portal in use.',
    messages: {
      lost: 'The custom theme {{theme}} (saved in {{source}}) is not in {{themes}}: copy it back, or the portal falls back to Default.',
    },
  },
  check({ facts, component }) {
    const hits: RuleHit[] = [];
    const before = facts.post?.themes;
    const portal = component('user-portal');
    if (!before || !portal?.installPath) return hits;
    const now = new Set((facts.userPortal?.themes ?? []).map((t) => t.name.toLowerCase()));
    const themes = `${portal.installPath.replace(/\\+$/, '')}\\App_Themes`;
    for (const theme of before.custom) {
      if (now.has(theme.toLowerCase())) continue;
      const source = before.sources.join(', ');
      hits.push({
        messageId: 'lost',
        data: { theme, source, themes },
        evidence: [
          { source: 'file', location: before.sources[0] ?? '', observed: `theme ${theme} saved` },
          {
            source: 'file',
            location: themes,
            observed: `themes now: ${[...(facts.userPortal?.themes ?? []).map((t) => t.name)].join(', ') || 'none'}`,
          },
        ],
        key: theme.toLowerCase(),
      });
    }
    return hits;
  },
});
