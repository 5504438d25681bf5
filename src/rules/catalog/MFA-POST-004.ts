import { STEP } from '../../plan/steps.js';
import { firstSegment, sameVdir } from '../../post/compare.js';
import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-004',
    title: 'A virtual directory changed name and a URL still points at the old one',
    severity: 'high',
    component: 'web-service-sdk',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.postVdirUrls],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade Azure MFA Server' },
    procedure: 'inplace-server-6',
    description:
      'A virtual directory keeps its name from before the window (--baseline), or every URL on this host that pointed at it (User Portal, Mobile App Web Service, AD FS adapter configs) changed with it.',
    messages: {
      staleUrl:
        '{{file}} still points at {{url}}, but {{name}} moved from {{old}} to {{new}} in the upgrade: point the URL at {{new}}, or give the virtual directory its old name back.',
    },
  },
  check({ facts, opts }) {
    const hits: RuleHit[] = [];
    const b = opts.baseline;
    if (!b) return hits;
    for (const before of b.report.inventory.components) {
      const now = facts.components.find((c) => c.component === before.component);
      if (!before.virtualDirectory || !now?.virtualDirectory || sameVdir(before.virtualDirectory, now.virtualDirectory)) continue;
      const old = firstSegment(before.virtualDirectory);
      for (const u of facts.sdkUrls.filter((x) => x.thisHost && firstSegment(x.path) === old)) {
        hits.push({
          component: before.component,
          messageId: 'staleUrl',
          data: {
            file: u.file,
            url: u.url,
            name: now.displayName ?? now.component,
            old: before.virtualDirectory,
            new: now.virtualDirectory,
          },
          evidence: [
            { source: 'file', location: u.file, observed: `${u.setting} = ${u.url}` },
            { source: 'bundle', location: b.file, observed: `${before.component} at ${before.virtualDirectory} before the window` },
            {
              source: 'iis',
              location: facts.iis.configPath ?? 'applicationHost.config',
              observed: `${now.component} at ${now.virtualDirectory} now`,
            },
          ],
          key: `${u.file}|${u.url}`.toLowerCase(),
        });
      }
    }
    return hits;
  },
});
