/** MFA-CFG-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { sdkUrl } from './facts.js';
import { ADFS_CFG, adfsHost, portalWithUrl, server81 } from './hosts.js';

ruleTester('MFA-CFG-001', {
  valid: [
    {
      name: 'URL names a vdir this host serves',
      facts: portalWithUrl('https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', true),
    },
    { name: 'vdir matched case-insensitively', facts: portalWithUrl('https://localhost/multifactorauthwebservicesdk/PfWsSdk.asmx', true) },
    { name: 'URL names another host', facts: portalWithUrl('https://mfa02.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx', false) },
  ],
  invalid: [
    {
      name: 'this host, vdir not served',
      facts: portalWithUrl('https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx', true),
      findings: [
        {
          messageId: 'notServed',
          data: {
            file: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config',
            url: 'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
            vdir: 'PhoneFactorWebServiceSdk',
          },
          severity: 'high',
          component: 'user-portal',
        },
      ],
    },
    {
      name: 'also on a host at the target, stage adfs (stages all, not pendingOnly)',
      facts: portalWithUrl('https://mfa01/PhoneFactorWebServiceSdk/PfWsSdk.asmx', true, server81()),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'notServed',
          data: {
            file: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config',
            url: 'https://mfa01/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
            vdir: 'PhoneFactorWebServiceSdk',
          },
          severity: 'high',
        },
      ],
    },
    {
      // MFA-INV-007: the agent and the SDK were uninstalled, the portal left: the SDK comes back with MFA Server.
      name: 'an interrupted upgrade removed the SDK: low, says the SDK comes back',
      facts: {
        ...portalWithUrl('https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx', true),
        interruptedUpgrade: { installPath: 'C:\\Program Files\\PhoneFactor', remaining: ['user-portal'], evidence: [] },
      },
      findings: [
        {
          messageId: 'removedByUpgrade',
          data: { url: 'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx', vdir: 'PhoneFactorWebServiceSdk' },
          severity: 'low',
          component: 'user-portal',
        },
      ],
    },
    {
      name: 'IIS unknown: unknown',
      facts: {
        ...portalWithUrl('https://127.0.0.1/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', true),
        iis: { known: false, configPath: null, sharedConfig: null, parseError: null, virtualDirectories: [], boundHostNames: [] },
      },
      findings: [
        {
          messageId: 'iisUnknown',
          data: {
            file: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config',
            url: 'https://127.0.0.1/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
          },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
    {
      name: 'AD FS adapter config pointing at this host',
      facts: adfsHost('7.3.0.3', {
        iis: { virtualDirectories: [] },
        sdkUrls: [sdkUrl('adfs-adapter', ADFS_CFG, 'https://adfs01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', true)],
      }),
      findings: [
        {
          messageId: 'notServed',
          data: {
            file: 'C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapter.config',
            url: 'https://adfs01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
            vdir: 'MultiFactorAuthWebServiceSdk',
          },
          severity: 'high',
          component: 'adfs-adapter',
        },
      ],
    },
  ],
});
