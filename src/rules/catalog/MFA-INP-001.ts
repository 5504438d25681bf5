import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INP-001',
    title: 'Some evidence could not be read',
    severity: 'medium',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Inventory and path' },
    description: 'A file, folder or registry line could not be read; every item is listed in the report\'s problems, and the findings that rest on it are marked unknown.',
  },
  check({ facts }) {
    if (facts.problems.length === 0) return [];
    const n = facts.problems.length;
    return [{
      message: `${n} item(s) of evidence could not be read; see problems. First: ${facts.problems[0]!.location}: ${facts.problems[0]!.message}`,
      evidence: facts.problems.slice(0, 20).map((p) => ({ source: 'bundle' as const, location: p.location, observed: p.message })),
      key: 'problems',
    }];
  },
});
