/** MFA-ADFS-005: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost, mfaHost, withAdfs } from './hosts.js';

ruleTester('MFA-ADFS-005', {
  valid: [
    { name: 'no adapter', facts: mfaHost() },
    { name: 'adapter at the target', facts: adfsHost('8.1.0.0') },
  ],
  invalid: [
    {
      name: 'adapter 6.3: WindowsAzureMultiFactorAuthentication',
      facts: withAdfs(adfsHost('6.3.0.0'), { oldProviderName: 'WindowsAzureMultiFactorAuthentication' }),
      findings: [
        {
          messageId: 'known',
          data: { version: '6.3.0.0', old: 'WindowsAzureMultiFactorAuthentication' },
          severity: 'info',
          component: 'adfs-adapter',
        },
      ],
    },
    {
      name: 'version unknown: says to check the policy',
      facts: withAdfs(adfsHost(), { oldProviderName: null }),
      opts: { stage: 'adfs' },
      findings: [{ messageId: 'unknownName', severity: 'info' }],
    },
  ],
});
