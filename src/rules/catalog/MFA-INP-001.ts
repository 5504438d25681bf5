import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INP-001',
    title: 'Some evidence could not be read',
    severity: 'medium',
    component: 'host',
    stages: 'all',
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Inventory and path' },
    procedure: 'tool-evidence',
    description:
      "A file, folder or registry line could not be read; every item is listed in the report's problems, and the findings that rest on it are marked unknown.",
    messages: {
      unread: '{{count}} item(s) of evidence could not be read; see problems. First: {{location}}: {{why}}',
    },
  },
  check({ facts }) {
    if (facts.problems.length === 0) return [];
    const first = facts.problems[0];
    return [
      {
        messageId: 'unread',
        data: { count: facts.problems.length, location: first.location, why: first.message },
        evidence: facts.problems.slice(0, 20).map((p) => ({ source: 'bundle' as const, location: p.location, observed: p.message })),
        key: 'problems',
      },
    ];
  },
});
