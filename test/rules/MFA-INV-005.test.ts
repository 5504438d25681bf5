/** MFA-INV-005: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { makeFacts } from './facts.js';
import { server70, server81 } from './hosts.js';

ruleTester('MFA-INV-005', {
  valid: [{ name: 'Uninstall keys covered', facts: makeFacts({ components: [server70()] }) }],
  invalid: [
    {
      name: 'no registry export at all',
      facts: makeFacts({ registry: { coversUninstall: false, files: 0 } }),
      findings: [{ messageId: 'notCovered', data: { files: 0 }, severity: 'high', component: 'host' }],
    },
    {
      name: 'exports without the Uninstall key, host at target',
      facts: makeFacts({ components: [server81()], registry: { coversUninstall: false, files: 3 } }),
      findings: [{ messageId: 'notCovered', data: { files: 3 }, severity: 'high' }],
    },
  ],
});
