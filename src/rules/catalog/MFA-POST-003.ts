import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-003',
    title: 'The Mobile App Web Service is still installed after the upgrade to 8.0 or later',
    severity: 'low',
    component: 'mobile-app',
    stages: ['post'],
    pendingOnly: false,
    appliesTo: '>=8.0',
    planSteps: [STEP.uninstallMobileApp],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the Mobile App Web Service' },
    procedure: 'inplace-mobileapp',
    description:
      'From MFA Server 8.0 the Mobile App Web Service is no longer needed and is uninstalled once the upgrade is done; still installed, it is a leftover to remove.',
    messages: {
      stillInstalled:
        'The Mobile App Web Service {{version}} ({{where}}) is still installed: from 8.0 it is no longer used. Uninstall it through Programs and Features.',
    },
  },
  check({ component }) {
    const m = component('mobile-app');
    if (!m) return [];
    const hit: RuleHit = {
      messageId: 'stillInstalled',
      data: { version: m.version ?? '', where: m.virtualDirectory ?? m.installPath ?? 'this host' },
      evidence: m.evidence.slice(0, 2),
      key: 'mobile-app',
    };
    return [hit];
  },
});
