/** MFA-ADFS-004: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, comp, makeFacts } from './facts.js';
import { ADFS_CFG, DATA, adfsHost, diff, server70, withAdfs } from './hosts.js';

ruleTester('MFA-ADFS-004', {
  valid: [
    { name: 'saved and new config are the same', facts: withAdfs(adfsHost(), { configDiff: diff(0) }), opts: { stage: 'adfs' } },
    { name: 'stage pre', facts: withAdfs(adfsHost(), { configDiff: diff(2) }) },
    {
      name: 'the new config does not parse (MFA-CFG-002 reports it)',
      facts: withAdfs(adfsHost(), {
        config: { path: ADFS_CFG, exists: true, parseError: 'line 3: unclosed tag', backup: backup(ADFS_CFG) },
      }),
      opts: { stage: 'adfs' },
    },
    {
      name: 'MFA host',
      facts: makeFacts({
        components: [server70(), comp('adfs-adapter', '7.0.2.1')],
        dataFile: backup(DATA),
        adfs: { ...adfsHost().adfs!, configDiff: diff(3) },
      }),
      opts: { stage: 'adfs' },
    },
  ],
  invalid: [
    {
      name: 'three differences',
      facts: withAdfs(adfsHost(), { configDiff: diff(3) }),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'differ',
          data: {
            count: 3,
            saved: 'E:\\Backups\\ADFS\\MultiFactorAuthenticationAdfsAdapter.config',
            current: 'C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapter.config',
            list: 'changed /ConfigurationData/Setting0; changed /ConfigurationData/Setting1; changed /ConfigurationData/Setting2',
          },
          severity: 'medium',
          component: 'adfs-adapter',
        },
      ],
    },
    {
      name: 'no saved copy to compare: unknown',
      facts: withAdfs(adfsHost(), { configDiff: null }),
      opts: { stage: 'adfs' },
      findings: [{ messageId: 'noSavedCopy', severity: 'medium', outcome: 'unknown' }],
    },
  ],
});
