import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-WVR-001',
    title: 'A waiver has expired',
    severity: 'low',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    seed: { file: 'rules.md', section: 'Waivers (report.md)' },
    description: 'An expired waiver counts for nothing; this finding makes it seen so it is renewed or removed. Raised by the waiver step, not by a check of the host.',
  },
  // Raised from the waiver file by the engine (src/rules/engine.ts), not from host facts.
  check() {
    return [];
  },
});
