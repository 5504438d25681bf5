import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { vdirEvidence, vdirName } from '../vdir.js';

export default defineRule({
  meta: {
    id: 'MFA-VDIR-003',
    title: 'Mobile App Web Service runs under /PhoneFactorPhoneAppWebService; the new default is /MultiFactorAuthMobileAppWebService',
    severity: 'medium',
    component: 'mobile-app',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.installMobileApp, STEP.configureMobileApp],
    seed: { file: 'upgrade-phonefactor-agent-2017.md', section: 'Install the Multi-Factor Authentication Server, step 4.4' },
    procedure: 'pf2017-install-4-4',
    appliesTo: '<8.0',
    description:
      'For targets before 8.0, where the Mobile App Web Service is reinstalled: keep the old name (or a shorter one users can type), or update the Mobile App Web Service URL in the server.',
    messages: {
      unknown: "The Mobile App Web Service's virtual directory is unknown (no applicationHost.config).",
      oldName:
        'The Mobile App Web Service runs under {{vdir}}; the new default is /MultiFactorAuthMobileAppWebService. Type the old name during the install, or keep the new one and update the Mobile App Web Service URL in the MFA Server.',
    },
  },
  check({ component, upgradePath }) {
    const m = component('mobile-app');
    if (!m || upgradePath !== 'phonefactor-agent') return [];
    if (!m.virtualDirectoryKnown) {
      return [{ outcome: 'unknown', messageId: 'unknown', evidence: m.evidence.slice(0, 2), key: 'mobile-app' }];
    }
    if (vdirName(m.virtualDirectory) !== 'phonefactorphoneappwebservice') return [];
    return [
      {
        messageId: 'oldName',
        data: { vdir: m.virtualDirectory! },
        evidence: vdirEvidence(m),
        key: m.virtualDirectory!.toLowerCase(),
      },
    ];
  },
});
