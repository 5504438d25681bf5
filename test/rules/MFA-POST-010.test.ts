/** MFA-POST-010: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { post, POST } from './post-facts.js';
import type { AppPoolFact } from '../../src/post/types.js';

const pool = (runtime: string | null, component: AppPoolFact['component'] = 'user-portal'): AppPoolFact => ({
  component,
  urlPath: component === 'user-portal' ? '/MultiFactorAuth' : '/MultiFactorAuthWebServiceSdk',
  pool: 'MultiFactorAuthAppPool',
  runtime,
});
const host = (pools: AppPoolFact[] | null) =>
  makeFacts({
    components: [comp('server', '8.1.2.1'), comp('user-portal', '8.1.2.1'), comp('web-service-sdk', '8.1.2.1')],
    post: post({ appPools: pools }),
  });

ruleTester('MFA-POST-010', {
  valid: [
    { name: 'v4.0 everywhere', facts: host([pool('v4.0'), pool('v4.0', 'web-service-sdk')]), opts: POST },
    { name: 'no web part', facts: makeFacts({ components: [comp('server', '8.1.2.1')], post: post({ appPools: null }) }), opts: POST },
    { name: 'a 6.x target is not about CLR 4', facts: host([pool('v2.0')]), opts: { ...POST, targetVersion: '6.3' } },
  ],
  invalid: [
    {
      name: 'the portal on .NET 2.0',
      facts: host([pool('v2.0'), pool('v4.0', 'web-service-sdk')]),
      opts: POST,
      findings: [
        {
          messageId: 'clr',
          data: { path: '/MultiFactorAuth', pool: 'MultiFactorAuthAppPool', runtime: 'v2.0' },
          severity: 'high',
          component: 'user-portal',
        },
      ],
    },
    {
      name: 'no managed code',
      facts: host([pool('')]),
      opts: POST,
      findings: [{ messageId: 'clr', data: { runtime: 'none (no managed code)' }, severity: 'high' }],
    },
    {
      name: 'a pool not defined: unknown',
      facts: host([pool(null)]),
      opts: POST,
      findings: [{ messageId: 'poolUnknown', severity: 'high', outcome: 'unknown' }],
    },
    {
      name: 'applicationHost.config unknown: unknown',
      facts: host(null),
      opts: POST,
      findings: [{ messageId: 'iisUnknown', severity: 'high', outcome: 'unknown' }],
    },
  ],
});
