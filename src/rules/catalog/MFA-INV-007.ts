import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

const NAMES: Record<string, string> = {
  'user-portal': 'User Portal',
  'mobile-app': 'Mobile App Web Service',
  'web-service-sdk': 'Web Service SDK',
  'adfs-adapter': 'AD FS adapter',
};

export default defineRule({
  meta: {
    id: 'MFA-INV-007',
    title: 'A PhoneFactor Agent upgrade stopped half way',
    severity: 'high',
    component: 'server',
    stages: 'all',
    pendingOnly: false,
    planSteps: [STEP.uninstallPortal, STEP.uninstallMobileApp, STEP.uninstallSdk, STEP.installServer],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Install the Multifactor Authentication Server' },
    procedure: 'pf-install-path',
    description:
      'The PhoneFactor Agent is uninstalled (no Uninstall entry, no executables) while the install path in the registry and the data file remain and MFA Server is not installed: the upgrade was begun and not finished. Says what was done and what is next.',
    messages: {
      interrupted:
        'The PhoneFactor Agent was uninstalled from {{path}}, and MFA Server is not installed yet: its data file and the install path in the registry are still there, so the upgrade was begun and not finished. {{remaining}}Next: {{next}}install MFA Server {{target}} over {{path}} (it picks that path up from the registry and upgrades the data file), then the Web Service SDK and the parts through it. Back up the data file first.',
    },
  },
  check({ facts, opts }) {
    const i = facts.interruptedUpgrade;
    if (!i) return [];
    const left = i.remaining.map((c) => NAMES[c] ?? c);
    return [
      {
        messageId: 'interrupted',
        data: {
          path: i.installPath,
          remaining: left.length ? `Still installed: ${left.join(', ')}. ` : '',
          next: left.length ? `uninstall the ${left.join(', ')} through Programs and Features, then ` : '',
          target: opts.targetVersion,
        },
        evidence: i.evidence,
        key: i.installPath.toLowerCase(),
      },
    ];
  },
});
