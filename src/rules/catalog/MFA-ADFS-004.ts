import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

/** A value in the evidence: absent '-', empty 'empty' (a cleared password reads "[redacted] -> empty"). */
const shown = (v: string | null) => (v === null ? '-' : v === '' ? 'empty' : v);

export default defineRule({
  meta: {
    id: 'MFA-ADFS-004',
    title: 'The saved adapter config and the new one differ',
    severity: 'medium',
    component: 'adfs-adapter',
    stages: ['adfs'],
    pendingOnly: true,
    planSteps: [STEP.configureAdfsConfig, STEP.adfsRegisterNew],
    seed: {
      file: 'upgrade-mfa-server-2024.md',
      section: 'Upgrade the AD FS Adapters: If MFA runs on different servers than AD FS, step 3',
    },
    procedure: 'inplace-adfs-copy-3',
    description:
      "Compare the attributes and elements of the saved (registered or exported) MultiFactorAuthenticationAdfsAdapter.config, OLD, with the new one, NEW (the template in the staging folder given with --adapter-files, else the one in the adapter's folder); carry values over or add what the new version needs.",
    messages: {
      noSavedCopy: 'No saved copy of the old adapter config was found to compare with the new one.',
      differ:
        '{{count}} difference(s) between the saved config {{saved}} and the new {{current}}: {{list}}. Carry the old values over to the new file (or adjust the old file) before registering.',
    },
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'adfs-host' || !facts.adfs?.config?.exists) return [];
    const d = facts.adfs.configDiff;
    if (!d) {
      if (facts.adfs.config.parseError) return [];
      return [
        {
          outcome: 'unknown',
          messageId: 'noSavedCopy',
          evidence: [{ source: 'file', location: facts.adfs.config.path, observed: 'no saved copy' }],
          key: 'adfs-config-diff',
        },
      ];
    }
    if (d.differences.length === 0) return [];
    return [
      {
        messageId: 'differ',
        data: {
          count: d.differences.length,
          saved: d.saved,
          current: d.current,
          list: d.differences
            .slice(0, 8)
            .map((x) => `${x.kind} ${x.path}`)
            .join('; '),
        },
        evidence: d.differences
          .slice(0, 20)
          .map((x) => ({ source: 'file' as const, location: x.path, observed: `${x.kind}: ${shown(x.old)} -> ${shown(x.new)}` })),
        key: d.current.toLowerCase(),
      },
    ];
  },
});
