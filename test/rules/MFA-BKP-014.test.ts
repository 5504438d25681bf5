/** MFA-BKP-014: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, candidate, comp, makeFacts } from './facts.js';
import { ADFS_CFG, DATA, adfsHost, server70, withAdfs } from './hosts.js';

ruleTester('MFA-BKP-014', {
  valid: [
    { name: 'pre: a current copy', facts: adfsHost() },
    {
      name: 'adfs: any saved copy counts (the folder now holds the new config)',
      facts: withAdfs(adfsHost(), {
        config: {
          path: ADFS_CFG,
          exists: true,
          parseError: null,
          backup: backup(ADFS_CFG, [
            candidate('E:\\Backups\\ADFS\\MultiFactorAuthenticationAdfsAdapter.config', false, { reason: 'backup-folder' }),
          ]),
        },
      }),
      opts: { stage: 'adfs' },
    },
    {
      name: 'the adapter on an MFA host is updated from the admin UI',
      facts: makeFacts({ components: [server70(), comp('adfs-adapter', '7.0.2.1')], dataFile: backup(DATA), adfs: adfsHost().adfs }),
    },
    // Issue 11 item 4: an Export-AdfsAuthenticationProviderConfigurationData output under any name, recognised by content.
    {
      name: 'pre: no copy by name, but an export recognised by its content',
      facts: withAdfs(adfsHost(), {
        config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG) },
        exports: [{ path: 'D:\\MFA-Upgrade\\adfs05-mfa-provider.xml', mtime: '2026-11-19T16:05:00.000Z' }],
      }),
    },
    {
      name: 'adfs: the registered config gone from the folder, an export kept',
      facts: withAdfs(adfsHost(), {
        config: { path: ADFS_CFG, exists: false, parseError: null, backup: null },
        exports: [{ path: 'E:\\Backups\\export.xml', mtime: null }],
      }),
      opts: { stage: 'adfs' },
    },
    {
      name: 'adapter at the target',
      facts: withAdfs(adfsHost('8.1.0.0'), { config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG) } }),
    },
  ],
  invalid: [
    {
      name: 'pre: no copy',
      facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG) } }),
      findings: [
        {
          messageId: 'noBackup',
          data: {
            current: 'current ',
            path: 'C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapter.config',
          },
          severity: 'high',
          component: 'adfs-adapter',
        },
      ],
    },
    {
      name: 'pre: only a stale copy',
      facts: withAdfs(adfsHost(), {
        config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG, [candidate(`${ADFS_CFG}.bak`, false)]) },
      }),
      findings: [
        {
          messageId: 'noBackup',
          data: {
            current: 'current ',
            path: 'C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapter.config',
          },
          severity: 'high',
        },
      ],
    },
    {
      name: 'adfs: no copy at all',
      facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG) } }),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'noBackup',
          data: { current: '', path: 'C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapter.config' },
          severity: 'high',
        },
      ],
    },
    {
      name: 'config not in the folder: unknown',
      facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: false, parseError: null, backup: null } }),
      findings: [
        {
          messageId: 'notFound',
          data: { path: 'C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapter.config' },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
  ],
});
