/** MFA-MIG-004: StsUrl or GraphUrl missing (see tester.ts). */
import { ruleTester } from './tester.js';
import { MIGRATE, server, url } from './migration-facts.js';

ruleTester('MFA-MIG-004', {
  valid: [
    {
      name: 'both set',
      facts: server('8.1.2.1', 'primary', {
        stsUrl: url('https://login.microsoftonline.com'),
        graphUrl: url('https://graph.microsoft.com'),
      }),
      opts: MIGRATE,
    },
    { name: 'utility not installed yet: the install comes first', facts: server('8.0.3.2'), opts: MIGRATE },
    { name: 'goal upgrade: not run', facts: server('8.1.2.1', 'primary', { stsUrl: url('https://login.microsoftonline.com') }) },
    { name: 'a subordinate', facts: server('8.1.2.1', 'subordinate'), opts: MIGRATE },
  ],
  invalid: [
    {
      name: 'StsUrl only',
      facts: server('8.1.2.1', 'primary', { stsUrl: url('https://login.microsoftonline.com') }),
      opts: MIGRATE,
      findings: [{ messageId: 'half', severity: 'high', data: { present: 'StsUrl', absent: 'GraphUrl' } }],
    },
    {
      name: 'GraphUrl only',
      facts: server('8.1.2.1', 'primary', { graphUrl: url('https://graph.microsoft.us') }),
      opts: MIGRATE,
      findings: [{ messageId: 'half', severity: 'high', data: { present: 'GraphUrl', absent: 'StsUrl' } }],
    },
    { name: 'installed, not configured', facts: server('8.1.2.1'), opts: MIGRATE, findings: [{ messageId: 'notYet', severity: 'info' }] },
    {
      name: 'PhoneFactor key not exported',
      facts: server('8.1.2.1', 'primary', { registryKnown: false }),
      opts: MIGRATE,
      findings: [{ messageId: 'unknownRegistry', severity: 'info', outcome: 'unknown' }],
    },
  ],
});
