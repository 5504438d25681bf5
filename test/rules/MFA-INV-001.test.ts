/** MFA-INV-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { agent5, server70, server81 } from './hosts.js';

ruleTester('MFA-INV-001', {
  valid: [{ name: 'no component found', facts: makeFacts() }],
  invalid: [
    {
      name: 'in-place: names the path and each component',
      facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1')] }),
      findings: [
        {
          messageId: 'found',
          data: {
            upgradePath: 'in-place',
            list: 'server 7.0.2.1 at C:\\Program Files\\Multi-Factor Authentication Server; user-portal 7.0.2.1 at C:\\inetpub\\wwwroot\\MultiFactorAuth (/MultiFactorAuth)',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'phonefactor-agent path',
      facts: makeFacts({ components: [agent5()] }),
      findings: [
        {
          messageId: 'found',
          data: { upgradePath: 'phonefactor-agent', list: 'agent 5.2.1.2 at C:\\Program Files\\PhoneFactor' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'at the target (inventory runs on an up-to-date host)',
      facts: makeFacts({ components: [server81()] }),
      findings: [
        {
          messageId: 'found',
          data: { upgradePath: 'none', list: 'server 8.1.0.0 at C:\\Program Files\\Multi-Factor Authentication Server' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'stage adfs too',
      facts: makeFacts({ components: [server70()] }),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'found',
          data: { upgradePath: 'in-place', list: 'server 7.0.2.1 at C:\\Program Files\\Multi-Factor Authentication Server' },
          severity: 'info',
        },
      ],
    },
  ],
});
