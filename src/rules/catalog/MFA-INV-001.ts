import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INV-001',
    title: 'MFA components found on this host',
    severity: 'info',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade to the latest Microsoft Entra Multifactor Authentication Server' },
    description: 'Names the upgrade path and every MFA component found, with its version and where it was found.',
  },
  check({ facts, upgradePath }) {
    if (facts.components.length === 0) return [];
    const list = facts.components
      .map((c) => `${c.component} ${c.version ?? '(version unknown)'}${c.installPath ? ` at ${c.installPath}` : ''}${c.virtualDirectory ? ` (${c.virtualDirectory})` : ''}`)
      .join('; ');
    return [{
      message: `Upgrade path: ${upgradePath}. Found: ${list}.`,
      evidence: facts.components.map((c) => c.evidence[0]!).filter(Boolean),
      key: 'inventory',
    }];
  },
});
