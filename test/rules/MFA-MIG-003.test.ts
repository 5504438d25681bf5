/** MFA-MIG-003: StsUrl and GraphUrl on one cloud (see tester.ts). */
import { ruleTester } from './tester.js';
import { MIGRATE, server, url } from './migration-facts.js';

const COM_STS = 'https://login.microsoftonline.com';
const COM_GRAPH = 'https://graph.microsoft.com';
const US_STS = 'https://login.microsoftonline.us';
const US_GRAPH = 'https://graph.microsoft.us';

ruleTester('MFA-MIG-003', {
  valid: [
    { name: 'both commercial', facts: server('8.1.2.1', 'primary', { stsUrl: url(COM_STS), graphUrl: url(COM_GRAPH) }), opts: MIGRATE },
    { name: 'both government', facts: server('8.1.2.1', 'primary', { stsUrl: url(US_STS), graphUrl: url(US_GRAPH) }), opts: MIGRATE },
    { name: 'not configured yet', facts: server('8.1.2.1'), opts: MIGRATE },
    { name: 'goal upgrade: not run', facts: server('8.1.2.1', 'primary', { stsUrl: url(US_STS), graphUrl: url(COM_GRAPH) }) },
  ],
  invalid: [
    {
      name: 'government sign-in, commercial Graph',
      facts: server('8.1.2.1', 'primary', { stsUrl: url(US_STS), graphUrl: url(COM_GRAPH) }),
      opts: MIGRATE,
      findings: [
        { messageId: 'mixed', severity: 'critical', data: { stsCloud: 'government', graphCloud: 'commercial', graph: COM_GRAPH } },
      ],
    },
    {
      name: 'commercial sign-in, government Graph (with a path)',
      facts: server('8.1.2.1', 'standalone', { stsUrl: url(`${COM_STS}/`), graphUrl: url(`${US_GRAPH}/v1.0`) }),
      opts: MIGRATE,
      findings: [{ messageId: 'mixed', severity: 'critical', data: { stsCloud: 'commercial', graphCloud: 'government' } }],
    },
    {
      name: 'after the window too (--stage post)',
      facts: server('8.1.2.1', 'primary', { stsUrl: url(US_STS), graphUrl: url(COM_GRAPH) }),
      opts: { goal: 'migrate', stage: 'post' },
      findings: [{ messageId: 'mixed', severity: 'critical' }],
    },
  ],
});
