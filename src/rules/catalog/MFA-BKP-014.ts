import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { backupEvidence, hasCurrent } from '../helpers.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-014',
    title: 'The registered AD FS adapter config has no current backup',
    severity: 'high',
    component: 'adfs-adapter',
    stages: ['pre', 'adfs'],
    pendingOnly: true,
    planSteps: [STEP.backupAdfsConfig],
    seed: {
      file: 'upgrade-mfa-server-2024.md',
      section: 'Upgrade the AD FS Adapters: If MFA runs on different servers than AD FS, step 1',
    },
    procedure: 'inplace-adfs-copy-1',
    description:
      "On an AD FS server without MFA Server: save a copy of MultiFactorAuthenticationAdfsAdapter.config, or export it with Export-AdfsAuthenticationProviderConfigurationData (recognised by its content under any name). At stage adfs the folder holds the new config, so any saved copy counts; the new template config in the staging folder (--adapter-files) is never the old one's backup.",
    messages: {
      notFound:
        "The adapter config {{path}} is not in the adapter's folder, so its backup cannot be checked. Export the registered configuration with Export-AdfsAuthenticationProviderConfigurationData.",
      noBackup:
        'No {{current}}copy of the registered adapter config {{path}} was found. Save it, or run Export-AdfsAuthenticationProviderConfigurationData -Name <adapter name> -FilePath <file>.',
    },
  },
  check({ facts, opts }) {
    if (facts.host.hostRole !== 'adfs-host') return [];
    const cfg = facts.adfs?.config;
    // An exported configuration (Export-AdfsAuthenticationProviderConfigurationData, under any name) or a copy
    // recognised by its content is a backup of what AD FS has registered, at either stage.
    if ((facts.adfs?.exports?.length ?? 0) > 0) return [];
    if (!cfg || !cfg.exists || !cfg.backup) {
      return [
        {
          outcome: 'unknown',
          messageId: 'notFound',
          data: { path: cfg?.path ?? 'MultiFactorAuthenticationAdfsAdapter.config' },
          evidence: [{ source: 'file', location: cfg?.path ?? facts.adfs?.folder ?? 'adapter folder', observed: 'not found' }],
          key: 'adfs-config',
        },
      ];
    }
    const ok = opts.stage === 'adfs' ? cfg.backup.candidates.length > 0 : hasCurrent(cfg.backup);
    if (ok) return [];
    return [
      {
        messageId: 'noBackup',
        data: { current: opts.stage === 'adfs' ? '' : 'current ', path: cfg.path },
        evidence: backupEvidence(cfg.backup),
        key: cfg.path.toLowerCase(),
      },
    ];
  },
});
