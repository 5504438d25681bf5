/** MFA-ADFS-003: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, comp, makeFacts } from './facts.js';
import { DATA, adfsHost, mfaHost, server70 } from './hosts.js';

ruleTester('MFA-ADFS-003', {
  valid: [
    { name: 'no adapter', facts: mfaHost() },
    { name: 'adapter at the target', facts: adfsHost('8.1.0.0') },
  ],
  invalid: [
    { name: 'AD FS host, stage pre', facts: adfsHost(), findings: [{ messageId: 'window', severity: 'high', component: 'adfs-adapter' }] },
    { name: 'AD FS host, stage adfs', facts: adfsHost(), opts: { stage: 'adfs' }, findings: [{ messageId: 'window', severity: 'high' }] },
    {
      name: 'adapter on an MFA host too',
      facts: makeFacts({ components: [server70(), comp('adfs-adapter', '7.0.2.1')], dataFile: backup(DATA) }),
      findings: [{ messageId: 'window', severity: 'high' }],
    },
  ],
});
