/** MFA-FLEET-010: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { PORTAL_WC, component, host, portal, sdk } from './fleet-hosts.js';

const MOBILE_WC = 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\web.config';
const pf = (o = {}) =>
  host('PF01', {
    upgradePath: 'phonefactor-agent',
    virtualDirectories: ['/', '/PhoneFactorWebServiceSdk'],
    components: [component('agent', '5.2.1.2'), component('web-service-sdk', '5.2.1.2', '/PhoneFactorWebServiceSdk')],
    sdkUrls: [
      {
        component: 'mobile-app',
        file: MOBILE_WC,
        url: 'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
        host: 'localhost',
        vdir: 'PhoneFactorWebServiceSdk',
      },
    ],
    ...o,
  });

fleetRuleTester('MFA-FLEET-010', {
  valid: [
    { name: 'an in-place upgrade keeps the SDK where it is', hosts: [host('MFA01'), portal('WEB01', sdk('MFA01'))] },
    {
      name: 'a PhoneFactor SDK already under the new default name',
      hosts: [
        pf({
          components: [component('agent', '5.2.1.2'), component('web-service-sdk', '5.2.1.2', '/MultiFactorAuthWebServiceSdk')],
          sdkUrls: [],
        }),
        portal('WEB01', sdk('PF01')),
      ],
    },
    { name: 'nobody uses the old name', hosts: [pf({ sdkUrls: [] })] },
  ],
  invalid: [
    {
      name: 'its own Mobile App Web Service and a portal on another server use the old name',
      hosts: [pf(), portal('WEB21', sdk('PF01', 'PhoneFactorWebServiceSdk')), portal('WEB22', sdk('PF01'))],
      findings: [
        {
          host: 'PF01',
          messageId: 'consumers',
          severity: 'high',
          data: {
            server: 'PF01',
            vdir: '/PhoneFactorWebServiceSdk',
            newVdir: 'MultiFactorAuthWebServiceSdk',
            vdirName: 'PhoneFactorWebServiceSdk',
            consumers: `PF01 mobile-app (${MOBILE_WC}); WEB21 user-portal (${PORTAL_WC})`,
          },
        },
      ],
    },
    {
      name: 'through a load-balancer alias of the server',
      hosts: [
        pf({ sdkUrls: [], aliases: ['pfsdk.contoso.com'] }),
        portal('WEB21', 'https://pfsdk.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx'),
      ],
      findings: [{ host: 'PF01', messageId: 'consumers', severity: 'high', data: { consumers: `WEB21 user-portal (${PORTAL_WC})` } }],
    },
  ],
});
