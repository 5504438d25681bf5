import { STEP } from '../../plan/steps.js';
import { sameVdir } from '../../post/compare.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-005',
    title: 'The User Portal answers at a new URL',
    severity: 'low',
    component: 'user-portal',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.notifyPortal],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal' },
    procedure: 'inplace-portal-2',
    description:
      "Where the User Portal's virtual directory changed in the upgrade (against --baseline), users and the MFA Server's User Portal URL setting need the new address: a step left to do.",
    messages: {
      moved:
        "The User Portal moved from {{old}} to {{new}}: tell users the new URL and update the User Portal URL on the MFA Server's Settings tab.",
    },
  },
  check({ facts, opts }) {
    const b = opts.baseline;
    const before = b?.report.inventory.components.find((c) => c.component === 'user-portal');
    const now = facts.components.find((c) => c.component === 'user-portal');
    if (!b || !before?.virtualDirectory || !now?.virtualDirectory || sameVdir(before.virtualDirectory, now.virtualDirectory)) return [];
    return [
      {
        messageId: 'moved',
        data: { old: before.virtualDirectory, new: now.virtualDirectory },
        evidence: [
          { source: 'bundle', location: b.file, observed: `User Portal at ${before.virtualDirectory} before the window` },
          {
            source: 'iis',
            location: facts.iis.configPath ?? 'applicationHost.config',
            observed: `User Portal at ${now.virtualDirectory} now`,
          },
        ],
        key: 'user-portal',
      },
    ];
  },
});
