import { defineRule } from '../types.js';
import { migrationSummary } from '../migration.js';

export default defineRule({
  meta: {
    id: 'MFA-MIG-008',
    title: 'What this server is to the migration: changes, or keeps its version',
    severity: 'info',
    component: 'host',
    stages: ['pre', 'post'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'MFA Server migration: Limitations and requirements' },
    procedure: 'migrate-overview',
    description:
      'At goal migrate, says whether this server gets the build that carries the Migration Utility (the primary, a dedicated migration server) or keeps its version (subordinates, User Portal, Web Service SDK and AD FS servers), so the window stays as small as the guide allows.',
    messages: {
      change: '{{host}} must change ({{role}}): {{why}}',
      keep: '{{host}} need not change: {{why}}',
    },
  },
  check({ facts }) {
    if (facts.components.length === 0) return [];
    const m = migrationSummary(facts);
    const evidence = [
      { source: 'bundle' as const, location: 'bundle.json roles.replication', observed: facts.host.roles.replication ?? 'absent' },
    ];
    if (m.migrationServer) evidence.push({ source: 'bundle', location: 'bundle.json migrationServer', observed: m.migrationServer });
    return [
      {
        messageId: m.mustChange ? 'change' : 'keep',
        data: { host: facts.host.name ?? 'this host', role: m.role, why: m.why },
        evidence,
        key: 'migration-role',
      },
    ];
  },
});
