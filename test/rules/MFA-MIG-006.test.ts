/** MFA-MIG-006: the dedicated migration server carries other MFA traffic (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, sdkUrl } from './facts.js';
import { MIGRATE, server } from './migration-facts.js';

const mig = { migrationServer: 'MFA01', isMigrationServer: true };

ruleTester('MFA-MIG-006', {
  valid: [
    { name: 'a clean migration server', facts: server('8.1.2.1', 'subordinate', mig), opts: MIGRATE },
    {
      name: 'a primary with a portal is not the migration server',
      facts: server('8.0.3.2', 'primary', { migrationServer: 'MFA05' }, false, {
        components: [comp('server', '8.0.3.2'), comp('user-portal', '8.0.3.2')],
      }),
      opts: MIGRATE,
    },
    { name: 'goal upgrade: not run', facts: server('8.1.2.1', 'subordinate', mig, true, { host: { roles: { loadBalanced: true } } }) },
  ],
  invalid: [
    {
      name: 'portal and SDK on it, behind the load balancer, an SDK address naming it',
      facts: server('8.0.3.2', 'subordinate', mig, false, {
        components: [comp('server', '8.0.3.2'), comp('user-portal', '8.0.3.2'), comp('web-service-sdk', '8.0.3.2')],
        host: { roles: { replication: 'subordinate', loadBalanced: true, source: 'bundle' } },
        sdkUrls: [
          sdkUrl(
            'user-portal',
            'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config',
            'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
            true,
          ),
        ],
      }),
      opts: MIGRATE,
      findings: [
        { messageId: 'part', severity: 'high', component: 'user-portal', data: { part: 'the User Portal' } },
        { messageId: 'part', severity: 'high', component: 'web-service-sdk', data: { part: 'the Web Service SDK' } },
        { messageId: 'balanced', severity: 'high', component: 'host' },
        { messageId: 'sdkClients', severity: 'high', component: 'user-portal' },
      ],
    },
  ],
});
