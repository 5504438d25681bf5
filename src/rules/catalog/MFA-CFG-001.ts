import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-CFG-001',
    title: 'A Web Service SDK URL names this host but a virtual directory it does not have',
    severity: 'high',
    severityNote: 'low where an upgrade stopped half way removed the SDK with the agent (MFA-INV-007)',
    component: 'web-service-sdk',
    stages: 'all',
    pendingOnly: false,
    planSteps: [STEP.configurePortal, STEP.postVdirUrls],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Install the Multifactor Authentication Server, step 4.3' },
    procedure: 'pf-install-4-3',
    description:
      'The User Portal, Mobile App Web Service and AD FS adapter reach the SDK by URL; one that names this host must name a virtual directory IIS serves here.',
    messages: {
      iisUnknown:
        "{{file}} points at {{url}} on this host, and this host's IIS applications are unknown (no readable applicationHost.config).",
      notServed:
        "{{file}} points at {{url}}, which names this host, but IIS here has no /{{vdir}} application. Point it at the SDK's virtual directory.",
      removedByUpgrade:
        '{{file}} points at {{url}}: the Web Service SDK there was removed with the PhoneFactor Agent when the upgrade began (MFA-INV-007). Install the SDK through MFA Server after its install, as /{{vdir}} or another name, and then point this URL at it.',
    },
  },
  check({ facts }) {
    const hits: RuleHit[] = [];
    for (const u of facts.sdkUrls.filter((x) => x.thisHost)) {
      // Compared without case (IIS does), printed as the URL has it.
      const segment = u.path.split('/').filter(Boolean)[0];
      const first = segment?.toLowerCase();
      const ev = [{ source: 'file' as const, location: u.file, observed: `${u.setting} = ${u.url}` }];
      if (!facts.iis.known) {
        hits.push({
          outcome: 'unknown' as const,
          component: u.component,
          messageId: 'iisUnknown',
          data: { file: u.file, url: u.url },
          evidence: ev,
          key: `${u.file}|${u.url}`.toLowerCase(),
        });
        continue;
      }
      const served = facts.iis.virtualDirectories.some(
        (v) => v.urlPath !== '/' && v.urlPath.split('/').filter(Boolean)[0]?.toLowerCase() === first,
      );
      if (served) continue;
      // An upgrade stopped half way removed the SDK with the agent: it comes back with MFA Server (low, not a wrong URL).
      const removed = !!facts.interruptedUpgrade && !facts.components.some((c) => c.component === 'web-service-sdk');
      hits.push({
        component: u.component,
        ...(removed ? { severity: 'low' as const } : {}),
        messageId: removed ? 'removedByUpgrade' : 'notServed',
        data: { file: u.file, url: u.url, vdir: segment ?? '' },
        evidence: [
          ...ev,
          {
            source: 'iis' as const,
            location: facts.iis.configPath ?? 'applicationHost.config',
            observed: `applications: ${
              facts.iis.virtualDirectories
                .map((v) => v.urlPath)
                .filter((p) => p !== '/')
                .join(', ') || 'none'
            }`,
          },
        ],
        key: `${u.file}|${u.url}`.toLowerCase(),
      });
    }
    return hits;
  },
});
