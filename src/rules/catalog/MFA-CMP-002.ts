import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-CMP-002',
    title: 'The MFA Server\'s install folder lacks an installer another host needs',
    severity: 'high',
    component: 'server',
    stages: ['adfs'],
    pendingOnly: false,
    planSteps: [STEP.prepareServerInstallers],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal, step 3; Upgrade the AD FS Adapters, step 2' },
    description: 'Separate User Portal, Mobile App and AD FS servers are upgraded from the MSIs in an upgraded MFA Server\'s install folder. Judged after the upgrade\'s files are in place: in a fleet, or with --stage adfs (rules.md lists stage pre, but its text says the check is only meaningful then).',
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'mfa-host') return [];
    const missing = facts.installers.needed.filter((n) => !facts.installers.present.some((p) => p.toLowerCase() === n.toLowerCase()));
    return missing.map((n) => ({
      message: `${n} is not in ${facts.installers.folder ?? 'the install folder'}, and another server of this deployment needs it. Get it from the latest MFA Server release.`,
      evidence: [{ source: 'file' as const, location: `${facts.installers.folder ?? ''}\\${n}`, observed: 'not found' }],
      key: n.toLowerCase(),
    }));
  },
});
