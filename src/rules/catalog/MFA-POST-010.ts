import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-010',
    title: 'An MFA application pool does not run .NET CLR v4.0',
    severity: 'high',
    component: 'host',
    stages: ['post'],
    pendingOnly: false,
    appliesTo: '>=7.0',
    planSteps: [STEP.postAppPools],
    seed: { file: 'rules.md', section: 'After the window' },
    procedure: 'tool-post-clr',
    description:
      'From MFA Server 7.0 the User Portal, Mobile App Web Service and Web Service SDK are .NET 4 applications: the IIS application pool each runs in uses .NET CLR v4.0 (applicationHost.config managedRuntimeVersion).',
    messages: {
      clr: '{{name}} ({{path}}) runs in application pool {{pool}} with .NET CLR {{runtime}}: set the pool to v4.0, or the application fails to start.',
      poolUnknown:
        '{{name}} ({{path}}) names application pool {{pool}}, which applicationHost.config does not define: its .NET CLR version is unknown.',
      iisUnknown: 'The application pools of the MFA web parts are unknown: applicationHost.config could not be read as the one IIS uses.',
    },
  },
  check({ facts }) {
    const hits: RuleHit[] = [];
    const web = facts.components.filter(
      (c) => c.component === 'user-portal' || c.component === 'mobile-app' || c.component === 'web-service-sdk',
    );
    if (web.length === 0 || !facts.post) return hits;
    const where = facts.post.appHostPath ?? facts.iis.configPath ?? 'applicationHost.config';
    if (!facts.post.appPools) {
      return [
        {
          outcome: 'unknown',
          messageId: 'iisUnknown',
          evidence: [
            {
              source: 'iis',
              location: where,
              observed: facts.iis.parseError ?? (facts.iis.sharedConfig?.enabled ? 'shared configuration' : 'not readable'),
            },
          ],
          key: 'iis',
        },
      ];
    }
    for (const p of facts.post.appPools) {
      const name = facts.components.find((c) => c.component === p.component)?.displayName ?? p.component;
      const data = {
        name,
        path: p.urlPath,
        pool: p.pool ?? '(none)',
        runtime: p.runtime === '' ? 'none (no managed code)' : (p.runtime ?? ''),
      };
      const ev = [
        {
          source: 'iis' as const,
          location: where,
          observed: `application ${p.urlPath}: pool ${p.pool ?? '(none)'}, managedRuntimeVersion ${p.runtime === null ? 'unknown' : `"${p.runtime}"`}`,
        },
      ];
      if (p.runtime === null)
        hits.push({
          outcome: 'unknown',
          component: p.component,
          messageId: 'poolUnknown',
          data,
          evidence: ev,
          key: p.urlPath.toLowerCase(),
        });
      else if (p.runtime.toLowerCase() !== 'v4.0')
        hits.push({ component: p.component, messageId: 'clr', data, evidence: ev, key: p.urlPath.toLowerCase() });
    }
    return hits;
  },
});
