import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { vdirEvidence, vdirName } from '../vdir.js';

export default defineRule({
  meta: {
    id: 'MFA-VDIR-001',
    title: 'User Portal runs under /PhoneFactor or a name of its own; the new default is /MultiFactorAuth',
    severity: 'medium',
    component: 'user-portal',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.installPortal, STEP.configurePortal, STEP.notifyPortal],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Install the Multifactor Authentication Server, step 3' },
    procedure: 'pf-install-3',
    description:
      "On the PhoneFactor Agent path the portal is installed anew and the installer proposes /MultiFactorAuth, whatever the old portal ran under (/PhoneFactor, or a name of its own such as /mfaportal). Give the old name when installing the new portal, or keep the new one, update the portal URL on the server's Settings tab and tell users.",
    messages: {
      unknown:
        "The User Portal's virtual directory is unknown (no applicationHost.config): check in IIS whether it runs under /PhoneFactor.",
      customName:
        "The User Portal runs under {{vdir}}, a name of its own. The new installer proposes /MultiFactorAuth, not the name in use: type {{name}} as the virtual directory during the install to keep users' URL, or keep the default, update the User Portal URL on the MFA Server's Settings tab and tell users the new URL.",
      oldName:
        "The User Portal runs under {{vdir}}. The new installer's default is /MultiFactorAuth: type {{name}} as the virtual directory during the install to keep users' URL, or keep the default, update the User Portal URL on the MFA Server's Settings tab and tell users the new URL.",
    },
  },
  check({ component, upgradePath }) {
    const p = component('user-portal');
    if (!p || upgradePath !== 'phonefactor-agent') return [];
    if (!p.virtualDirectoryKnown) {
      return [{ outcome: 'unknown', messageId: 'unknown', evidence: p.evidence.slice(0, 2), key: 'user-portal' }];
    }
    const name = vdirName(p.virtualDirectory);
    // The new default, or no IIS application found for it (nothing to keep): nothing to say.
    if (!name || name === 'multifactorauth') return [];
    return [
      {
        messageId: name === 'phonefactor' ? 'oldName' : 'customName',
        data: { vdir: p.virtualDirectory!, name: p.virtualDirectory!.replace(/^\//, '') },
        evidence: vdirEvidence(p),
        key: p.virtualDirectory!.toLowerCase(),
      },
    ];
  },
});
