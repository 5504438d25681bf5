import { STEP } from '../../plan/steps.js';
import { compareVersions } from '../../util/version.js';
import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-001',
    title: 'A part is not at the target release after the window',
    severity: 'high',
    component: 'host',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.postFinishUpgrade],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade Azure MFA Server' },
    procedure: 'inplace-server-4',
    description:
      'After the window every MFA part on the host is at the target release: one still below it, or the PhoneFactor Agent still installed, means the upgrade did not land.',
    messages: {
      below: '{{name}} is at {{version}} after the window, below the target {{target}}: its upgrade did not run or did not finish.',
      agentLeft:
        'The PhoneFactor Agent {{version}} is still installed after the window: on this path it is uninstalled and MFA Server {{target}} installed in its place.',
      versionUnknown: 'The version of {{name}} cannot be read after the window: whether it is at {{target}} is unknown.',
    },
  },
  check({ facts, opts, targetAtLeast }) {
    const hits: RuleHit[] = [];
    for (const c of facts.components) {
      // From 8.0 the Mobile App Web Service is not upgraded but uninstalled (MFA-POST-003).
      if (c.component === 'mobile-app' && targetAtLeast('8.0')) continue;
      const ev = c.evidence.slice(0, 2);
      const data = { name: c.displayName ?? c.component, version: c.version ?? 'unknown', target: opts.targetVersion };
      if (c.component === 'agent') hits.push({ component: 'agent', messageId: 'agentLeft', data, evidence: ev, key: c.component });
      else if (!c.version)
        hits.push({ outcome: 'unknown', component: c.component, messageId: 'versionUnknown', data, evidence: ev, key: c.component });
      else if (compareVersions(c.version, opts.targetVersion) < 0)
        hits.push({ component: c.component, messageId: 'below', data, evidence: ev, key: c.component });
    }
    return hits;
  },
});
