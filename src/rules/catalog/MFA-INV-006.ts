import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INV-006',
    title: 'An Uninstall entry named like an MFA part is not one: ignored',
    severity: 'info',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Inventory and path' },
    procedure: 'tool-inventory',
    description:
      'An Uninstall entry whose name has MFA tokens ("RSA MFA Agent for Microsoft Windows") is a component only where its publisher (PhoneFactor, Positive Networks, Microsoft) or its own files confirm it; one that neither confirms is left out of the inventory and the plan, and named here.',
    messages: {
      ignored:
        '"{{name}}"{{version}} (publisher {{publisher}}{{where}}) looks like the {{component}} by name, but neither its publisher nor its files confirm it is part of MFA Server: it is not in the inventory or the plan, and the upgrade leaves it alone.',
    },
  },
  check({ facts }) {
    const hits: RuleHit[] = [];
    for (const e of facts.ignoredEntries ?? []) {
      hits.push({
        messageId: 'ignored',
        data: {
          name: e.displayName,
          version: e.version ? ` ${e.version}` : '',
          publisher: e.publisher ?? 'not given',
          where: e.installLocation ? `, at ${e.installLocation}` : '',
          component: e.lookedLike,
        },
        evidence: e.evidence,
        key: e.evidence[0]?.location.toLowerCase() ?? e.displayName.toLowerCase(),
      });
    }
    return hits;
  },
});
