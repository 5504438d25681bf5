/** MFA-FLEET-020: "Unhandled SB" on subordinates left on the old build (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { component, host, roles } from './fleet-hosts.js';
import type { HostSummary } from '../../src/fleet/types.js';

const step = (id: string): HostSummary['plan'][number] => ({
  id,
  action: 'install',
  component: 'server',
  phase: 'in-window',
  title: id,
  detail: '',
});
const at = (name: string, role: 'primary' | 'subordinate', version: string, plan: string[] = []) =>
  host(name, { roles: roles(role), components: [component('server', version)], plan: plan.map(step) });

fleetRuleTester('MFA-FLEET-020', {
  valid: [
    {
      name: 'goal upgrade: not run',
      hosts: [at('MFA01', 'primary', '8.0.3.2', ['install:server']), at('MFA02', 'subordinate', '8.0.3.2')],
    },
    {
      name: 'subordinates upgraded too',
      goal: 'migrate',
      hosts: [at('MFA01', 'primary', '8.0.3.2', ['install:server']), at('MFA02', 'subordinate', '8.0.3.2', ['install:server'])],
    },
    {
      name: 'primary not getting the build (too old: full upgrade first)',
      goal: 'migrate',
      hosts: [at('MFA01', 'primary', '6.0.0.0', ['prepare:server:full-upgrade-first']), at('MFA02', 'subordinate', '6.0.0.0')],
    },
  ],
  invalid: [
    {
      name: 'only the primary gets the build',
      goal: 'migrate',
      hosts: [
        at('MFA01', 'primary', '8.0.3.2', ['install:server']),
        at('MFA02', 'subordinate', '8.0.3.2'),
        at('MFA03', 'subordinate', '7.3.0.3'),
      ],
      findings: [
        {
          host: 'MFA01',
          messageId: 'choose',
          severity: 'low',
          data: { group: 'HQ', primary: 'MFA01', subordinates: 'MFA02, MFA03', versions: '8.0.3.2, 7.3.0.3' },
        },
      ],
    },
    {
      name: 'primary already on 8.1, a subordinate still on 8.0',
      goal: 'migrate',
      hosts: [at('MFA01', 'primary', '8.1.2.1'), at('MFA02', 'subordinate', '8.0.3.2')],
      findings: [{ host: 'MFA01', messageId: 'choose', severity: 'low', data: { subordinates: 'MFA02' } }],
    },
  ],
});
