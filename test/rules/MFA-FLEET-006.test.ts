/** MFA-FLEET-006: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { PORTAL_WC, component, host, portal, sdk } from './fleet-hosts.js';

const blind = () => host('MFA01', { virtualDirectories: null, components: [component('server', '8.0.1.1')] });

fleetRuleTester('MFA-FLEET-006', {
  valid: [
    { name: 'the server serves the virtual directory', hosts: [host('MFA01'), portal('WEB01', sdk('MFA01'))] },
    { name: 'case does not matter', hosts: [host('MFA01'), portal('WEB01', sdk('MFA01', 'multifactorauthwebservicesdk'))] },
    { name: "a host outside the fleet is MFA-FLEET-005's", hosts: [host('MFA01'), portal('WEB01', sdk('MFA19', 'Nope'))] },
  ],
  invalid: [
    {
      name: 'the old SDK name after the SDK moved',
      hosts: [host('MFA01'), portal('WEB01', sdk('MFA01', 'PhoneFactorWebServiceSdk'))],
      findings: [
        {
          host: 'WEB01',
          messageId: 'notServed',
          data: {
            file: PORTAL_WC,
            host: 'WEB01',
            server: 'MFA01',
            vdir: 'PhoneFactorWebServiceSdk',
            served: '/MultiFactorAuthWebServiceSdk',
          },
          severity: 'high',
        },
      ],
    },
    {
      name: 'a load-balancer alias names two servers; the one serving /MFASDK is named (issue 11 item 11)',
      hosts: [
        host('MFA01', { aliases: ['mfasdk.contoso.com'] }),
        host('MFA02', {
          aliases: ['mfasdk.contoso.com'],
          virtualDirectories: ['/', '/MFASDK'],
          components: [component('server', '8.0.1.1'), component('web-service-sdk', '8.0.1.1', '/MFASDK')],
        }),
        portal('WEB01', 'https://mfasdk.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx'),
      ],
      findings: [
        {
          host: 'WEB01',
          messageId: 'poolMember',
          data: { server: 'MFA02', members: 'MFA01, MFA02', vdir: 'MultiFactorAuthWebServiceSdk', served: '/MFASDK' },
          severity: 'high',
        },
      ],
    },
    {
      name: "the server's IIS is unknown: unknown",
      hosts: [blind(), portal('WEB01', sdk('MFA01'))],
      findings: [
        {
          host: 'WEB01',
          messageId: 'unknown',
          data: { server: 'MFA01', why: 'no IIS configuration in its report' },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
    {
      name: "the server's target failed: unknown, with its reason",
      hosts: [host('MFA01', { status: 'failed', reason: 'not a host copy' }), portal('WEB01', sdk('MFA01'))],
      findings: [
        {
          host: 'WEB01',
          messageId: 'unknown',
          data: { server: 'MFA01', why: 'its target failed: not a host copy' },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
  ],
});
