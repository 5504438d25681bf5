/** MFA-VDIR-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts, sdkUrl } from './facts.js';
import { agent5, pfPortal, pfSdk, server70 } from './hosts.js';

ruleTester('MFA-VDIR-002', {
  valid: [
    {
      name: 'in-place path',
      facts: makeFacts({ components: [server70(), comp('web-service-sdk', '7.0.2.1', { virtualDirectory: '/PhoneFactorWebServiceSdk' })] }),
    },
    {
      name: 'agent path, SDK under the new name and nothing points at the old one',
      facts: makeFacts({ components: [agent5(), comp('web-service-sdk', '5.2.1.2')] }),
    },
    { name: 'agent path without an SDK', facts: makeFacts({ components: [agent5()] }) },
  ],
  invalid: [
    {
      name: 'SDK under the old name; lists the portal config that points at it',
      facts: makeFacts({
        components: [agent5(), pfSdk(), pfPortal()],
        sdkUrls: [
          sdkUrl(
            'user-portal',
            'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config',
            'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
            true,
          ),
        ],
      }),
      findings: [
        {
          messageId: 'runsHere',
          data: {
            vdir: '/PhoneFactorWebServiceSdk',
            list: ' Configs on this host that point at the old URL: C:\\inetpub\\wwwroot\\PhoneFactor\\web.config.',
          },
          severity: 'medium',
          component: 'web-service-sdk',
        },
      ],
    },
    {
      name: 'no SDK here, but a config points at the old URL on another server',
      facts: makeFacts({
        components: [pfPortal()],
        sdkUrls: [
          sdkUrl(
            'user-portal',
            'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config',
            'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
            false,
          ),
        ],
      }),
      findings: [
        {
          messageId: 'usedHere',
          data: { vdir: '', list: ' Configs on this host that point at the old URL: C:\\inetpub\\wwwroot\\PhoneFactor\\web.config.' },
          severity: 'medium',
        },
      ],
    },
    {
      name: 'SDK under the old name; the User Portal and Mobile App on other servers bundle.json lists are named',
      facts: makeFacts({
        components: [agent5(), pfSdk()],
        otherHostList: [
          { name: 'PFWEB01', components: ['mobile-app', 'user-portal'] },
          { name: 'PF02', components: ['web-service-sdk'] },
        ],
      }),
      findings: [
        {
          messageId: 'runsHere',
          data: {
            vdir: '/PhoneFactorWebServiceSdk',
            list: '',
            others: ' On the other servers bundle.json lists, change the SDK URL too: PFWEB01 (Mobile App Web Service, User Portal).',
          },
          severity: 'medium',
          component: 'web-service-sdk',
        },
      ],
    },
    {
      name: 'SDK vdir unknown: unknown',
      facts: makeFacts({ components: [agent5(), pfSdk({ virtualDirectory: null, virtualDirectoryKnown: false })] }),
      findings: [{ messageId: 'unknown', severity: 'medium', outcome: 'unknown' }],
    },
  ],
});
