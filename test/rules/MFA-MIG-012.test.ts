/** MFA-MIG-012: AD FS access control policies, always unknown on AD FS servers (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost } from './hosts.js';
import { MIGRATE, server } from './migration-facts.js';

ruleTester('MFA-MIG-012', {
  valid: [
    { name: 'goal upgrade: not run', facts: adfsHost() },
    { name: 'an MFA Server without the adapter', facts: server('8.0.3.2'), opts: MIGRATE },
  ],
  invalid: [
    {
      name: 'an AD FS server: never a pass',
      facts: adfsHost('7.3.0.3', { host: { roles: { adfsFarm: 'fs.contoso.com' } } }),
      opts: MIGRATE,
      findings: [
        { messageId: 'look', severity: 'medium', outcome: 'unknown', component: 'adfs-adapter', data: { farm: 'fs.contoso.com' } },
      ],
    },
  ],
});
