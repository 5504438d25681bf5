/** MFA-INV-003: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { makeFacts } from './facts.js';
import { server81 } from './hosts.js';

ruleTester('MFA-INV-003', {
  valid: [
    { name: 'a component is found', facts: makeFacts({ components: [server81()] }) },
    {
      name: 'the exports do not cover Uninstall (absence not proven)',
      facts: makeFacts({ registry: { coversUninstall: false, files: 1 } }),
    },
  ],
  invalid: [
    {
      name: 'nothing found and Uninstall covered',
      facts: makeFacts(),
      findings: [{ messageId: 'nothing', severity: 'info', component: 'host' }],
    },
    { name: 'stage adfs too', facts: makeFacts(), opts: { stage: 'adfs' }, findings: [{ messageId: 'nothing', severity: 'info' }] },
  ],
});
