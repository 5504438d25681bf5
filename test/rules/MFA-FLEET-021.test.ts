/** MFA-FLEET-021: which servers change for the migration (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { component, host, portal, roles } from './fleet-hosts.js';
import type { HostSummary } from '../../src/fleet/types.js';

const step = (id: string): HostSummary['plan'][number] => ({
  id,
  action: 'configure',
  component: 'server',
  phase: 'after-upgrade',
  title: id,
  detail: '',
});

fleetRuleTester('MFA-FLEET-021', {
  valid: [
    { name: 'goal upgrade: not run', hosts: [host('MFA01', { plan: [step('install:server')] })] },
    { name: 'no host with components', goal: 'migrate', hosts: [host('APP01', { components: [], hostRole: 'none' })] },
  ],
  invalid: [
    {
      name: 'primary changes; subordinate and portal need not',
      goal: 'migrate',
      hosts: [
        host('MFA01', { roles: roles('primary'), plan: [step('install:server'), step('configure:migration-utility')] }),
        host('MFA02', { roles: roles('subordinate'), components: [component('server', '8.0.3.2')] }),
        portal('WEB01', 'https://mfa01/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx'),
      ],
      findings: [{ host: 'MFA01', messageId: 'split', severity: 'info', data: { change: 'MFA01', keep: 'MFA02, WEB01' } }],
    },
  ],
});
