import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INV-003',
    title: 'No MFA component found: nothing to upgrade',
    severity: 'info',
    component: 'host',
    stages: 'all',
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Inventory and path' },
    procedure: 'tool-inventory',
    description:
      'No MFA Server, PhoneFactor Agent or part of them is installed, and the registry exports cover the Uninstall keys, so the absence is real.',
    messages: {
      nothing:
        'No PhoneFactor Agent, MFA Server, User Portal, Mobile App Web Service, Web Service SDK or AD FS adapter is installed: nothing to upgrade on this host.',
    },
  },
  check({ facts }) {
    if (facts.components.length > 0 || !facts.registry.coversUninstall) return [];
    return [
      {
        messageId: 'nothing',
        evidence: [
          {
            source: 'registry',
            location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
            observed: 'no MFA Uninstall entry in either view',
          },
        ],
        key: 'none',
      },
    ];
  },
});
