import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-019',
    title: 'No report from before the window: what the host was then is unknown',
    severity: 'medium',
    component: 'host',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'After the window' },
    procedure: 'tool-post-verify',
    description:
      "Stage post compares the host with the report taken before the window (--baseline). Without it, only what the host's own backups show is compared; which parts and virtual directories there were before is unknown, never taken as passed.",
    messages: {
      noBaseline:
        'No --baseline was given: which parts were installed before the window, and under which virtual directories, is unknown (settings and themes are compared with the backups found). Scan again with --baseline and the report taken before the window.',
    },
  },
  check({ opts }) {
    if (opts.baseline) return [];
    return [
      {
        outcome: 'unknown',
        messageId: 'noBaseline',
        evidence: [{ source: 'bundle', location: '--baseline', observed: 'not given' }],
        key: 'baseline',
      },
    ];
  },
});
