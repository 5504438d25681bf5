import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { backupEvidence, hasCurrent } from '../helpers.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-013',
    title: "The Mobile App Web Service's web.config has no current backup",
    severity: 'high',
    severityNote: 'high on the phonefactor-agent path, low on in-place',
    component: 'mobile-app',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.backupMobileAppWebConfig, STEP.configureMobileApp],
    seed: { file: 'upgrade-phonefactor-agent-2017.md', section: 'Uninstall the PhoneFactor Agent, step 3.1' },
    procedure: 'pf-uninstall-3-1',
    description: 'The Mobile App Web Service web.config carries the SDK URL and credentials; it is lost when the service is uninstalled.',
    messages: {
      notFound: 'The Mobile App Web Service web.config could not be found, so its backup cannot be checked.',
      noBackup: 'No current backup of {{path}}: copy it before the window.',
    },
  },
  check({ facts, component, upgradePath }) {
    const mob = component('mobile-app');
    if (!mob) return [];
    const severity = upgradePath === 'phonefactor-agent' ? 'high' : 'low';
    const wc = facts.mobileApp?.webConfig;
    if (!wc || !wc.exists || !wc.backup) {
      return [
        {
          outcome: 'unknown',
          severity,
          messageId: 'notFound',
          evidence: mob.evidence.slice(0, 2),
          key: 'mobile-app-web.config',
        },
      ];
    }
    if (hasCurrent(wc.backup)) return [];
    return [
      {
        severity,
        messageId: 'noBackup',
        data: { path: wc.path },
        evidence: backupEvidence(wc.backup),
        key: wc.path.toLowerCase(),
      },
    ];
  },
});
