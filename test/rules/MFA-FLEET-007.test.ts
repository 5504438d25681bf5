/** MFA-FLEET-007: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { component, host, portal, sdk } from './fleet-hosts.js';

const adfs = (url: string | null) => portal('ADFS01', url, { hostRole: 'adfs-host', components: [component('adfs-adapter', '8.0.1.1')] });

fleetRuleTester('MFA-FLEET-007', {
  valid: [
    { name: 'its MFA Server is in the fleet', hosts: [host('MFA01'), portal('WEB01', sdk('MFA01'))] },
    { name: 'URLs unknown, but the fleet holds an MFA Server', hosts: [host('MFA01'), portal('WEB01', null)] },
    { name: 'nothing to upgrade on the web server', hosts: [portal('WEB01', null, { upgradePath: 'none' })] },
  ],
  invalid: [
    {
      name: 'no MFA Server in the fleet',
      hosts: [portal('WEB01', null)],
      findings: [
        {
          host: 'WEB01',
          messageId: 'noServer',
          data: { host: 'WEB01', hostRole: 'web-host', why: 'this fleet holds no MFA Server' },
          severity: 'high',
        },
      ],
    },
    {
      name: 'an AD FS server whose URL names a server outside the fleet',
      hosts: [host('MFA01'), adfs(sdk('MFA19'))],
      findings: [
        {
          host: 'ADFS01',
          messageId: 'noServer',
          data: { hostRole: 'adfs-host', why: 'its SDK URLs name mfa19.contoso.local, none of them an MFA Server of this fleet' },
          severity: 'high',
        },
      ],
    },
  ],
});
