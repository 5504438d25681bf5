/** MFA-FLEET-011: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { component, host } from './fleet-hosts.js';

const adfs = (name: string, farm: string | null, o = {}) =>
  host(name, {
    hostRole: 'adfs-host',
    installers: null,
    sdkUrls: [],
    components: [component('adfs-adapter', '7.3.0.3')],
    roles: { replication: null, replicationGroup: null, loadBalanced: null, adfsFarm: farm, source: 'bundle' },
    ...o,
  });

fleetRuleTester('MFA-FLEET-011', {
  valid: [
    {
      name: 'a farm of two servers is done in halves',
      hosts: [host('MFA01'), adfs('ADFS01', 'sts.contoso.com'), adfs('ADFS02', 'sts.contoso.com')],
    },
    { name: 'the adapter is at the target', hosts: [host('MFA01'), adfs('ADFS01', 'sts.contoso.com', { upgradePath: 'none' })] },
  ],
  invalid: [
    {
      name: 'the one AD FS server of its farm',
      hosts: [host('MFA01'), adfs('ADFS21', 'sts.fabrikam.com'), adfs('ADFS01', 'sts.contoso.com'), adfs('ADFS02', 'sts.contoso.com')],
      findings: [
        { host: 'ADFS21', messageId: 'single', data: { farm: 'AD FS farm sts.fabrikam.com', host: 'ADFS21' }, severity: 'medium' },
      ],
    },
    {
      name: 'an AD FS server whose farm bundle.json does not name',
      hosts: [host('MFA01'), adfs('ADFS09', null)],
      findings: [
        { host: 'ADFS09', messageId: 'single', data: { farm: "ADFS09's AD FS farm (not named in bundle.json)" }, severity: 'medium' },
      ],
    },
  ],
});
