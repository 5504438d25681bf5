import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INV-004',
    title: "A component's version cannot be determined",
    severity: 'medium',
    component: 'host',
    stages: 'all',
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Inventory and path' },
    procedure: 'tool-inventory',
    description:
      'A component was found (by files or IIS) but no Uninstall entry gives its version, so the upgrade path rests on assumptions.',
    messages: {
      noVersion:
        '{{component}} was found{{where}}, but its version is not known (no Uninstall entry with a DisplayVersion). Check Programs and Features on the host.',
    },
  },
  check({ facts }) {
    return facts.components
      .filter((c) => !c.version)
      .map((c) => ({
        messageId: 'noVersion',
        data: { component: c.component, where: c.installPath ? ` at ${c.installPath}` : '' },
        component: c.component,
        evidence: c.evidence.slice(0, 3),
        key: c.component,
      }));
  },
});
