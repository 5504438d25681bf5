import { defineFleetRule, FLEET_SEED } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-008',
    title: 'A target could not be scanned or read',
    severity: 'high',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade steps at a glance' },
    procedure: 'inplace-overview',
    description:
      'A bundle, zip or saved report given to fleet could not be used (not a host copy, an unreadable zip, an invalid report). That server is missing from the waves; fix the input and run fleet again.',
    messages: {
      failed: '{{target}} could not be used: {{why}}. That server is not in the waves.',
    },
  },
  check(ctx) {
    return ctx.hosts
      .filter((h) => h.status === 'failed')
      .map((h) => ({
        host: h.name,
        outcome: 'unknown' as const,
        messageId: 'failed',
        data: { target: h.target, why: String(h.reason) },
        evidence: [{ source: 'file' as const, location: h.target, observed: h.reason ?? 'failed' }],
        key: h.target,
      }));
  },
});
