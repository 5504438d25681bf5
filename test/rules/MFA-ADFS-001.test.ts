/** MFA-ADFS-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, comp, makeFacts } from './facts.js';
import { ADFS_DIR, DATA, adfsHost, server70, withAdfs } from './hosts.js';

ruleTester('MFA-ADFS-001', {
  valid: [
    { name: 'the script passes -ConfigurationFilePath', facts: adfsHost(), opts: { stage: 'adfs' } },
    {
      name: 'stage pre',
      facts: withAdfs(adfsHost(), {
        registerScript: {
          path: `${ADFS_DIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`,
          passesConfigurationFilePath: false,
          readError: null,
        },
      }),
    },
    {
      name: 'MFA Server on the AD FS server: updated from the admin UI',
      facts: makeFacts({
        components: [server70(), comp('adfs-adapter', '7.0.2.1')],
        dataFile: backup(DATA),
        adfs: { ...adfsHost().adfs!, registerScript: { path: 'x.ps1', passesConfigurationFilePath: false, readError: null } },
      }),
      opts: { stage: 'adfs' },
    },
    {
      name: 'no Register script yet (that is MFA-ADFS-002)',
      facts: withAdfs(adfsHost(), { registerScript: null }),
      opts: { stage: 'adfs' },
    },
  ],
  invalid: [
    {
      name: 'the script lacks it',
      facts: withAdfs(adfsHost(), {
        registerScript: {
          path: `${ADFS_DIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`,
          passesConfigurationFilePath: false,
          readError: null,
        },
      }),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'missing',
          data: { path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Register-MultiFactorAuthenticationAdfsAdapter.ps1' },
          severity: 'high',
          component: 'adfs-adapter',
        },
      ],
    },
    {
      name: 'unreadable script: unknown',
      facts: withAdfs(adfsHost(), {
        registerScript: {
          path: `${ADFS_DIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`,
          passesConfigurationFilePath: null,
          readError: 'cannot be read',
        },
      }),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'unreadable',
          data: {
            path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Register-MultiFactorAuthenticationAdfsAdapter.ps1',
            why: 'cannot be read',
          },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
  ],
});
