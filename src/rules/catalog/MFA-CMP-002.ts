import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-CMP-002',
    title: "The MFA Server's install folder lacks an installer another host needs",
    severity: 'high',
    component: 'server',
    stages: ['adfs'],
    pendingOnly: false,
    planSteps: [STEP.prepareServerInstallers],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal, step 3; Upgrade the AD FS Adapters, step 2' },
    procedure: 'inplace-portal-3',
    description:
      "Separate User Portal, Mobile App and AD FS servers are upgraded from the MSIs in an upgraded MFA Server's install folder. Judged after the upgrade's files are in place: on one host with --stage adfs, or by `fleet`, which knows which web and AD FS servers exist (there unknown where a host's install folder could not be checked, as for a saved report). The fleet's check is in src/fleet/rules/MFA-CMP-002.ts and shares this metadata.",
    messages: {
      missing:
        '{{installer}} is not in {{folder}}, and another server of this deployment needs it. Get it from the latest MFA Server release.',
      // The fleet's check (src/fleet/rules/MFA-CMP-002.ts): once per deployment, only where no upgrade will bring them.
      fleetDeploymentMissing:
        "{{installer}} is in no MFA Server install folder of {{deployment}} ({{folders}}), and {{clients}} need it. Every server of {{deployment}} is already at the target, so no upgrade will bring it: copy it from the MFA Server {{target}} release into {{host}}'s install folder before the window.",
      fleetDeploymentUnknown:
        'Whether an MFA Server install folder of {{deployment}} holds {{installers}} (needed by {{clients}}) could not be checked ({{why}}).',
    },
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'mfa-host') return [];
    const missing = facts.installers.needed.filter((n) => !facts.installers.present.some((p) => p.toLowerCase() === n.toLowerCase()));
    return missing.map((n) => ({
      messageId: 'missing',
      data: { installer: n, folder: facts.installers.folder ?? 'the install folder' },
      evidence: [{ source: 'file' as const, location: `${facts.installers.folder ?? ''}\\${n}`, observed: 'not found' }],
      key: n.toLowerCase(),
    }));
  },
});
