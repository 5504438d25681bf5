import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INV-002',
    title: 'Install path in the registry does not exist',
    severity: 'high',
    component: 'server',
    stages: ['pre'],
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    planSteps: [STEP.prepareServer, STEP.installServer],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Install the Multifactor Authentication Server' },
    procedure: 'pf-install-path',
    description:
      'The installer reuses the install path from the registry (PhoneFactor InstallPath or the Uninstall InstallLocation); where that folder is gone, the data file would not be upgraded.',
    messages: {
      driveMissing: 'The registry names {{path}} as the install path, and this copy has no drive {{drive}} to check it.',
      missing:
        'The registry names {{path}} as the install path, and that folder does not exist. The installer will install there and will not find the data file to upgrade.',
    },
  },
  check({ facts }) {
    return facts.installPaths
      .filter((p) => p.exists !== true)
      .map((p) => ({
        outcome: p.exists === null ? ('unknown' as const) : ('fail' as const),
        messageId: p.exists === null ? 'driveMissing' : 'missing',
        data: { path: p.path, drive: p.path.slice(0, 2) },
        evidence: [
          p.evidence,
          { source: 'file' as const, location: p.path, observed: p.exists === null ? 'drive not in the copy' : 'folder not found' },
        ],
        key: p.path.toLowerCase(),
      }));
  },
});
