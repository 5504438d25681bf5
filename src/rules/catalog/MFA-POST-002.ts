import { STEP } from '../../plan/steps.js';
import { goneByProcedure } from '../../post/compare.js';
import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-002',
    title: 'A part that was there before the window is gone',
    severity: 'high',
    component: 'host',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.postFinishUpgrade],
    seed: { file: 'rules.md', section: 'After the window' },
    procedure: 'tool-post-verify',
    description:
      'Every part the report taken before the window found (--baseline) is still installed after it, except what the procedure removes: the PhoneFactor Agent on its path, the Mobile App Web Service from 8.0.',
    messages: {
      gone: '{{name}} {{version}} was installed before the window ({{baseline}}) and is not found now: the procedure does not remove it. Install it at the target release.',
    },
  },
  check({ facts, opts, targetAtLeast }) {
    const hits: RuleHit[] = [];
    const b = opts.baseline;
    if (!b) return hits; // Without the report of before, MFA-POST-019 says what cannot be checked.
    for (const c of b.report.inventory.components) {
      if (goneByProcedure(c.component, targetAtLeast('8.0'))) continue;
      if (facts.components.some((x) => x.component === c.component)) continue;
      hits.push({
        component: c.component,
        messageId: 'gone',
        data: { name: c.displayName ?? c.component, version: c.version ?? '', baseline: b.file },
        evidence: [
          {
            source: 'bundle',
            location: b.file,
            observed: `${c.component} ${c.version ?? '(version unknown)'} at ${c.installPath ?? 'unknown path'} (${b.report.scan.startedAt})`,
          },
          {
            source: 'registry',
            location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
            observed: `no ${c.component} entry now`,
          },
        ],
        key: c.component,
      });
    }
    return hits;
  },
});
