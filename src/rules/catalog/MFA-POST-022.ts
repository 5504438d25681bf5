import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-022',
    title: 'The new AD FS adapter config carries the old settings',
    severity: 'medium',
    component: 'adfs-adapter',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.configureAdfsConfig, STEP.adfsRegisterNew],
    seed: {
      file: 'upgrade-mfa-server-2024.md',
      section: 'Upgrade the AD FS Adapters: If MFA runs on different servers than AD FS, step 3',
    },
    procedure: 'inplace-adfs-copy-3',
    description:
      'The saved copy of MultiFactorAuthenticationAdfsAdapter.config (the old settings) is compared with the config now in the adapter folder, the one the Register script registers, in the old -> new direction: an old value that is gone or different now is a finding; what the new release adds is not.',
    messages: {
      noSavedCopy:
        'No saved copy of the old adapter config was found: whether the registered config carries the old settings cannot be told.',
      lost: '{{count}} old setting(s) of {{saved}} are not in {{current}} as they were: {{list}}. Carry them over, then register the config again (Unregister, then the Register script with -ConfigurationFilePath).',
    },
  },
  check({ facts }) {
    const cfg = facts.adfs?.config;
    if (!facts.adfs || !cfg?.exists || cfg.parseError) return [];
    const d = facts.adfs.configDiff;
    if (!d)
      return [
        {
          outcome: 'unknown',
          messageId: 'noSavedCopy',
          evidence: [{ source: 'file', location: cfg.path, observed: 'no saved copy found' }],
          key: 'adfs-config-carried',
        },
      ];
    // Old -> new: what the old file had and the new one lacks or changed. Added elements are the new release's.
    const lost = d.differences.filter((x) => x.kind !== 'added' && x.old !== null && x.old !== '');
    if (lost.length === 0) return [];
    return [
      {
        messageId: 'lost',
        data: {
          count: lost.length,
          saved: d.saved,
          current: d.current,
          list: lost
            .slice(0, 8)
            .map((x) => `${x.path} (${x.old} -> ${x.new ?? 'missing'})`)
            .join('; '),
        },
        evidence: lost.slice(0, 20).map((x) => ({
          source: 'file' as const,
          location: `${d.current} ${x.path}`,
          observed: `${x.kind}: ${x.old ?? '-'} -> ${x.new ?? '-'}`,
        })),
        key: 'adfs-config-carried',
      },
    ];
  },
});
