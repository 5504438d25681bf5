import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INV-005',
    title: 'Registry exports do not cover the Uninstall keys',
    severity: 'high',
    component: 'host',
    stages: 'all',
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Inventory and path' },
    procedure: 'tool-inventory',
    description: 'Without the Uninstall keys the inventory rests on files alone and may miss components or their versions.',
    messages: {
      notCovered:
        'The registry exports ({{files}} file(s)) have no key under SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall in either view: the inventory rests on files alone and may miss components. Export it with: reg export "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall" uninstall.reg (and the WOW6432Node one).',
    },
  },
  check({ facts }) {
    if (facts.registry.coversUninstall) return [];
    return [
      {
        messageId: 'notCovered',
        data: { files: facts.registry.files },
        evidence: [
          {
            source: 'bundle',
            location: 'registry/',
            observed: facts.registry.files === 0 ? 'no registry export' : 'no Uninstall key in the exports',
          },
        ],
        key: 'uninstall',
      },
    ];
  },
});
