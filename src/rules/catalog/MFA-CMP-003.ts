import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-CMP-003',
    title: 'Mobile App Web Service is not needed from 8.0',
    severity: 'low',
    component: 'mobile-app',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.uninstallMobileApp],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the Mobile App Web Service' },
    procedure: 'inplace-mobileapp',
    appliesTo: '>=8.0',
    description:
      'From 8.0 the Mobile App Web Service is not needed: on the PhoneFactor Agent path do not reinstall it; on an in-place upgrade uninstall it after the upgrade.',
    messages: {
      phonefactorAgent:
        'The Mobile App Web Service is installed; from 8.0 it is not needed. Uninstall it with the other parts and do not reinstall it.',
      inPlace: 'The Mobile App Web Service is installed; from 8.0 it is not needed. Uninstall it after the upgrade.',
    },
  },
  check({ component, upgradePath }) {
    const m = component('mobile-app');
    if (!m) return [];
    return [
      {
        messageId: upgradePath === 'phonefactor-agent' ? 'phonefactorAgent' : 'inPlace',
        evidence: m.evidence.slice(0, 2),
        key: 'mobile-app',
      },
    ];
  },
});
