import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { sdkConsumersElsewhere, vdirEvidence, vdirName } from '../vdir.js';

export default defineRule({
  meta: {
    id: 'MFA-VDIR-002',
    title: 'Web Service SDK runs under /PhoneFactorWebServiceSdk; the new default is /MultiFactorAuthWebServiceSdk',
    severity: 'medium',
    component: 'web-service-sdk',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.installSdk, STEP.configurePortal],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Install the Multifactor Authentication Server, step 2' },
    procedure: 'pf-install-2',
    description:
      'Keep the old name at install, or change the SDK URL in every application that uses it (User Portal, Mobile App Web Service). Lists every config on this host that points at the old URL.',
    messages: {
      unknown: "The Web Service SDK's virtual directory is unknown (no applicationHost.config).",
      runsHere:
        'The Web Service SDK runs under {{vdir}}. The new default is /MultiFactorAuthWebServiceSdk: keep the old name during the SDK install, or change the URL in each application that uses the SDK.{{list}}{{others}}',
      usedHere:
        'Configs here use the Web Service SDK under /PhoneFactorWebServiceSdk. The new default is /MultiFactorAuthWebServiceSdk: keep the old name during the SDK install, or change the URL in each application that uses the SDK.{{list}}{{others}}',
    },
  },
  check({ component, upgradePath, facts }) {
    if (upgradePath !== 'phonefactor-agent') return [];
    const sdk = component('web-service-sdk');
    const pointing = facts.sdkUrls.filter((u) => /\/PhoneFactorWebServiceSdk(\/|$)/i.test(u.path));
    const refs = pointing.map((u) => ({ source: 'file' as const, location: u.file, observed: `${u.setting} = ${u.url}` }));
    if (sdk && !sdk.virtualDirectoryKnown) {
      return [{ outcome: 'unknown', messageId: 'unknown', evidence: [...sdk.evidence.slice(0, 2), ...refs], key: 'web-service-sdk' }];
    }
    const here = sdk && vdirName(sdk.virtualDirectory) === 'phonefactorwebservicesdk';
    if (!here && pointing.length === 0) return [];
    const others = sdkConsumersElsewhere(facts);
    const list = pointing.length ? ` Configs on this host that point at the old URL: ${pointing.map((u) => u.file).join(', ')}.` : '';
    return [
      {
        messageId: here ? 'runsHere' : 'usedHere',
        data: {
          vdir: here ? String(sdk.virtualDirectory) : '',
          list,
          others: others.names ? ` On the other servers bundle.json lists, change the SDK URL too: ${others.names}.` : '',
        },
        evidence: [...(sdk ? vdirEvidence(sdk) : []), ...refs, ...others.evidence],
        key: 'phonefactorwebservicesdk',
      },
    ];
  },
});
