/** MFA-VDIR-004: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { agent5, pfPortal, server70, server81 } from './hosts.js';

ruleTester('MFA-VDIR-004', {
  valid: [
    {
      name: 'in-place, every part under its default',
      facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1'), comp('web-service-sdk', '7.0.2.1')] }),
    },
    { name: 'agent path (that is VDIR-001..003)', facts: makeFacts({ components: [agent5(), pfPortal()] }) },
    {
      name: 'mobile app under a custom name, target 8.x: it is uninstalled, not upgraded',
      facts: makeFacts({ components: [server70(), comp('mobile-app', '7.0.2.1', { virtualDirectory: '/mfamobile' })] }),
    },
    {
      name: 'at the target',
      facts: makeFacts({ components: [server81(), comp('user-portal', '8.1.0.0', { virtualDirectory: '/Portal' })] }),
    },
    {
      name: 'the default, in another case',
      facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: '/multifactorauth' })] }),
    },
  ],
  invalid: [
    {
      name: 'portal under /Portal',
      facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: '/Portal' })] }),
      findings: [
        {
          messageId: 'notDefault',
          data: { component: 'user-portal', vdir: '/Portal', default: 'MultiFactorAuth', name: 'Portal' },
          severity: 'high',
          component: 'user-portal',
        },
      ],
    },
    {
      name: 'SDK kept its PhoneFactor-era name, mobile app custom at target 7.1',
      facts: makeFacts({
        components: [
          server70(),
          comp('web-service-sdk', '7.0.2.1', { virtualDirectory: '/PhoneFactorWebServiceSdk' }),
          comp('mobile-app', '7.0.2.1', { virtualDirectory: '/mfa' }),
        ],
      }),
      opts: { targetVersion: '7.1' },
      findings: [
        {
          messageId: 'notDefault',
          data: {
            component: 'web-service-sdk',
            vdir: '/PhoneFactorWebServiceSdk',
            default: 'MultiFactorAuthWebServiceSdk',
            name: 'PhoneFactorWebServiceSdk',
          },
          severity: 'high',
          component: 'web-service-sdk',
        },
        {
          messageId: 'notDefault',
          data: { component: 'mobile-app', vdir: '/mfa', default: 'MultiFactorAuthMobileAppWebService', name: 'mfa' },
          severity: 'high',
          component: 'mobile-app',
        },
      ],
    },
    {
      name: 'SDK under /MFASDK, a portal and an AD FS adapter on servers bundle.json lists: named for the case the name changes',
      facts: makeFacts({
        components: [server70(), comp('web-service-sdk', '7.0.2.1', { virtualDirectory: '/MFASDK' })],
        otherHostList: [
          { name: 'WEB01', components: ['user-portal'] },
          { name: 'ADFS01', components: ['adfs-adapter'] },
          { name: 'MFA02', components: ['web-service-sdk'] },
        ],
      }),
      findings: [
        {
          messageId: 'notDefault',
          data: {
            component: 'web-service-sdk',
            name: 'MFASDK',
            others:
              ' If it changes, change the SDK URL on the other servers bundle.json lists: WEB01 (User Portal); ADFS01 (AD FS adapter).',
          },
          severity: 'high',
          component: 'web-service-sdk',
        },
      ],
    },
    {
      name: 'portal under /Portal: other servers are not named (nothing reaches the portal by a URL in a config)',
      facts: makeFacts({
        components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: '/Portal' })],
        otherHostList: [{ name: 'WEB01', components: ['user-portal'] }],
      }),
      findings: [{ messageId: 'notDefault', data: { component: 'user-portal', others: '' }, severity: 'high', component: 'user-portal' }],
    },
    {
      name: 'portal vdir unknown: unknown',
      facts: makeFacts({
        components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: null, virtualDirectoryKnown: false })],
      }),
      findings: [
        { messageId: 'unknown', data: { component: 'user-portal' }, severity: 'high', outcome: 'unknown', component: 'user-portal' },
      ],
    },
  ],
});
