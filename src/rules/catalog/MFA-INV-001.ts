import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-INV-001',
    title: 'MFA components found on this host',
    severity: 'info',
    component: 'host',
    stages: 'all',
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    // The backup steps name this rule only where no backup rule (MFA-BKP-0xx) fired for them: the step is the
    // procedure's either way, and the inventory is then the reason it is in the plan.
    planSteps: [
      STEP.prepareServer,
      STEP.backupData,
      STEP.backupPortalWebConfig,
      STEP.backupPortalThemes,
      STEP.backupPortalDefaultTheme,
      STEP.backupMobileAppWebConfig,
      STEP.backupAdfsConfig,
      STEP.uninstallPortal,
      STEP.uninstallMobileApp,
      STEP.uninstallSdk,
      STEP.uninstallAgent,
      STEP.installServer,
      STEP.configureServer,
      STEP.verifyServer,
      STEP.installSdk,
      STEP.installPortal,
      STEP.installMobileApp,
    ],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade to the latest Microsoft Entra Multifactor Authentication Server' },
    procedure: 'inplace-overview',
    description: 'Names the upgrade path and every MFA component found, with its version and where it was found.',
    messages: {
      found: 'Upgrade path: {{upgradePath}}. Found: {{list}}.',
    },
  },
  check({ facts, upgradePath }) {
    if (facts.components.length === 0) return [];
    const list = facts.components
      .map(
        (c) =>
          `${c.component} ${c.version ?? '(version unknown)'}${c.installPath ? ` at ${c.installPath}` : ''}${c.virtualDirectory ? ` (${c.virtualDirectory})` : ''}`,
      )
      .join('; ');
    return [
      {
        messageId: 'found',
        data: { upgradePath, list },
        evidence: facts.components.map((c) => c.evidence[0]).filter(Boolean),
        key: 'inventory',
      },
    ];
  },
});
