import { STEP } from '../../plan/steps.js';
import type { ComponentId } from '../../types.js';
import { defineRule, type RuleHit } from '../types.js';
import { sdkConsumersElsewhere, vdirEvidence, vdirName } from '../vdir.js';

const DEFAULTS: Partial<Record<ComponentId, string>> = {
  'user-portal': 'MultiFactorAuth',
  'web-service-sdk': 'MultiFactorAuthWebServiceSdk',
  'mobile-app': 'MultiFactorAuthMobileAppWebService',
};

export default defineRule({
  meta: {
    id: 'MFA-VDIR-004',
    title: "A component runs under a virtual directory that is not the installer's default",
    severity: 'high',
    component: 'host',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.installSdk, STEP.installPortal, STEP.installMobileApp],
    seed: {
      file: 'upgrade-mfa-server-2024.md',
      section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 6; Upgrade the User Portal, step 2',
    },
    procedure: 'inplace-server-6',
    description:
      'In an in-place upgrade the installer proposes its default virtual directory; it must be given the exact name in use, or URLs that point at the component break.',
    messages: {
      unknown:
        'The {{component}} virtual directory is unknown (no applicationHost.config): check it in IIS and give that exact name to the installer.',
      notDefault:
        "The {{component}} runs under {{vdir}}, not the installer's default /{{default}}: type {{name}} as the virtual directory when the installer asks.{{others}}",
    },
  },
  check({ component, upgradePath, targetAtLeast, facts }) {
    if (upgradePath !== 'in-place') return [];
    const hits: RuleHit[] = [];
    for (const [c, def] of Object.entries(DEFAULTS) as [ComponentId, string][]) {
      const f = component(c);
      // From 8.0 the Mobile App Web Service is uninstalled, not upgraded (MFA-CMP-003).
      if (!f || (c === 'mobile-app' && targetAtLeast('8.0'))) continue;
      if (!f.virtualDirectoryKnown) {
        hits.push({
          outcome: 'unknown' as const,
          component: c,
          messageId: 'unknown',
          data: { component: c },
          evidence: f.evidence.slice(0, 2),
          key: c,
        });
        continue;
      }
      if (!f.virtualDirectory || vdirName(f.virtualDirectory) === def.toLowerCase()) continue;
      // The SDK is reached by URL from other servers: name them, for the case the name is not kept.
      const others = c === 'web-service-sdk' ? sdkConsumersElsewhere(facts) : { names: '', evidence: [] };
      hits.push({
        component: c,
        messageId: 'notDefault',
        data: {
          component: c,
          vdir: f.virtualDirectory,
          default: def,
          name: f.virtualDirectory.replace(/^\//, ''),
          others: others.names ? ` If it changes, change the SDK URL on the other servers bundle.json lists: ${others.names}.` : '',
        },
        evidence: [...vdirEvidence(f), ...others.evidence],
        key: `${c}:${f.virtualDirectory.toLowerCase()}`,
      });
    }
    return hits;
  },
});
