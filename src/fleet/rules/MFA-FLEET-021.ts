import type { FleetHit } from '../types.js';
import type { HostSummary } from '../types.js';
import { defineFleetRule, usable } from './helpers.js';

/** The plan steps only a server that changes for the migration gets (src/plan/catalog/migrate.ts). */
const CHANGE_STEPS = new Set([
  'install:server',
  'configure:migration-utility',
  'verify:migration-utility',
  'prepare:server:full-upgrade-first',
]);
const changes = (h: HostSummary) => h.plan.some((s) => CHANGE_STEPS.has(s.id));

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-021',
    title: 'Which servers change for the migration, and which need not',
    severity: 'info',
    component: 'host',
    stages: 'all',
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'MFA Server migration: Limitations and requirements' },
    procedure: 'migrate-overview',
    description:
      'At goal migrate, one line for the whole fleet: the servers whose plan installs or configures the Migration Utility (the primary, a dedicated migration server) and the ones that keep their version (subordinates, User Portal, Web Service SDK and AD FS servers), so the window is no larger than the guide needs.',
    messages: {
      split: 'Must change: {{change}}. Need not change: {{keep}}.',
    },
  },
  check(ctx) {
    const hosts = ctx.hosts.filter(usable).filter((h) => h.components.length > 0);
    const change = hosts.filter(changes);
    if (!hosts.length) return [];
    const keep = hosts.filter((h) => !changes(h));
    const hit: FleetHit = {
      host: change[0]?.name ?? hosts[0].name,
      messageId: 'split',
      data: { change: change.map((h) => h.name).join(', ') || 'none', keep: keep.map((h) => h.name).join(', ') || 'none' },
      evidence: hosts.map((h) => ({
        source: 'bundle' as const,
        location: h.target,
        observed: `${h.name}: ${changes(h) ? 'plan installs or configures the Migration Utility' : 'no migration step'}`,
      })),
      key: 'migration-split',
    };
    return [hit];
  },
});
