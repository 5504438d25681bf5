/** MFA-ADFS-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost, withAdfs } from './hosts.js';

ruleTester('MFA-ADFS-002', {
  valid: [
    { name: 'all four files there', facts: adfsHost(), opts: { stage: 'adfs' } },
    { name: 'stage pre', facts: withAdfs(adfsHost(), { files: adfsHost().adfs!.files.map((f) => ({ ...f, present: false })) }) },
  ],
  invalid: [
    {
      name: 'MSI and Unregister script missing: one finding each',
      facts: withAdfs(adfsHost(), {
        files: adfsHost().adfs!.files.map((f) => ({ ...f, present: !/Setup64\.msi|^Unregister/.test(f.name) })),
      }),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'missing',
          data: {
            name: 'MultiFactorAuthenticationAdfsAdapterSetup64.msi',
            folder: 'C:\\Program Files\\Multi-Factor Authentication Server',
          },
          severity: 'medium',
        },
        {
          messageId: 'missing',
          data: {
            name: 'Unregister-MultiFactorAuthenticationAdfsAdapter.ps1',
            folder: 'C:\\Program Files\\Multi-Factor Authentication Server',
          },
          severity: 'medium',
        },
      ],
    },
    {
      // Issue 11 item 4: with --adapter-files the files are looked for, and named missing, in the staging folder.
      name: 'staging folder given: the installer missing there is named there',
      facts: withAdfs(adfsHost(), {
        staging: { folder: 'D:\\MFA-Upgrade\\Adapter', source: 'flag' },
        files: adfsHost().adfs!.files.map((f) => ({
          ...f,
          path: `D:\\MFA-Upgrade\\Adapter\\${f.name}`,
          present: !/Setup64\.msi/.test(f.name),
        })),
      }),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'missing',
          data: { name: 'MultiFactorAuthenticationAdfsAdapterSetup64.msi', folder: 'D:\\MFA-Upgrade\\Adapter' },
          severity: 'medium',
        },
      ],
    },
  ],
});
