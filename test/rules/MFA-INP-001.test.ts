/** MFA-INP-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { makeFacts } from './facts.js';
import { server70 } from './hosts.js';

ruleTester('MFA-INP-001', {
  valid: [{ name: 'everything read', facts: makeFacts({ components: [server70()] }) }],
  invalid: [
    {
      name: 'unreadable evidence',
      facts: makeFacts({
        problems: [
          { location: 'registry/software.reg:1204', message: 'bad hex value' },
          { location: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config', message: 'permission denied' },
        ],
      }),
      findings: [
        {
          messageId: 'unread',
          data: { count: 2, location: 'registry/software.reg:1204', why: 'bad hex value' },
          severity: 'medium',
          component: 'host',
        },
      ],
    },
  ],
});
