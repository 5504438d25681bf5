import { STEP } from '../../plan/steps.js';
import { installerFor } from '../../util/windows.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-CMP-001',
    title: 'Web server: copy its installer from an upgraded MFA Server, prerequisites first',
    severity: 'medium',
    component: 'user-portal',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.preparePortal, STEP.installPortal],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal, step 3' },
    procedure: 'inplace-portal-3',
    description:
      "A User Portal or Mobile App Web Service on its own server is upgraded with the MSI copied from an MFA Server's install folder after that server is upgraded; install .NET 4.5+ and both VC++ runtimes first.",
    messages: {
      webHost:
        "This web server runs {{components}} without MFA Server. After the MFA Servers are upgraded, copy {{installers}} from an MFA Server's install folder, and install the prerequisites here first.",
    },
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'web-host') return [];
    const parts = facts.components.filter((c) => c.component === 'user-portal' || c.component === 'mobile-app');
    if (parts.length === 0) return [];
    return [
      {
        component: parts[0].component,
        messageId: 'webHost',
        data: {
          components: parts.map((p) => p.component).join(' and '),
          installers: parts
            .map((p) =>
              installerFor(
                p.component === 'user-portal'
                  ? 'MultiFactorAuthenticationUserPortalSetup'
                  : 'MultiFactorAuthenticationMobileAppWebServiceSetup',
                facts.host.os.architecture,
              ),
            )
            .join(' and '),
        },
        evidence: parts.map((p) => p.evidence[0]).filter(Boolean),
        key: 'web-host',
      },
    ];
  },
});
