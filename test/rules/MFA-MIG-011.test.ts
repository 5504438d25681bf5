/** MFA-MIG-011: outbound access, always unknown, for the chosen cloud (see tester.ts). */
import { ruleTester } from './tester.js';
import { MIGRATE, server, url } from './migration-facts.js';

ruleTester('MFA-MIG-011', {
  valid: [
    { name: 'goal upgrade: not run', facts: server('8.1.2.1') },
    { name: 'a subordinate does not call Graph', facts: server('8.0.3.2', 'subordinate'), opts: MIGRATE },
  ],
  invalid: [
    {
      name: 'cloud not chosen yet: both named',
      facts: server('8.0.3.2'),
      opts: MIGRATE,
      findings: [
        {
          messageId: 'test',
          severity: 'medium',
          outcome: 'unknown',
          data: {
            endpoints:
              'https://graph.microsoft.com and https://login.microsoftonline.com (or https://graph.microsoft.us and https://login.microsoftonline.us for the US government cloud)',
          },
        },
      ],
    },
    {
      name: 'government cloud configured',
      facts: server('8.1.2.1', 'primary', { stsUrl: url('https://login.microsoftonline.us'), graphUrl: url('https://graph.microsoft.us') }),
      opts: MIGRATE,
      findings: [
        {
          messageId: 'test',
          severity: 'medium',
          outcome: 'unknown',
          data: { endpoints: 'https://graph.microsoft.us and https://login.microsoftonline.us', cloudNote: '' },
        },
      ],
    },
  ],
});
