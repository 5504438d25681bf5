import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INV-005',
    title: 'Registry exports do not cover the Uninstall keys',
    severity: 'high',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Inventory and path' },
    description: 'Without the Uninstall keys the inventory rests on files alone and may miss components or their versions.',
  },
  check({ facts }) {
    if (facts.registry.coversUninstall) return [];
    return [{
      message: `The registry exports (${facts.registry.files} file(s)) have no key under SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall in either view: the inventory rests on files alone and may miss components. Export it with: reg export "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall" uninstall.reg (and the WOW6432Node one).`,
      evidence: [{ source: 'bundle', location: 'registry/', observed: facts.registry.files === 0 ? 'no registry export' : 'no Uninstall key in the exports' }],
      key: 'uninstall',
    }];
  },
});
