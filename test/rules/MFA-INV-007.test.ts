/** MFA-INV-007: a PhoneFactor Agent upgrade stopped half way. */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import type { InterruptedUpgrade } from '../../src/types.js';

const PF = 'C:\\Program Files\\PhoneFactor';
const interrupted = (remaining: InterruptedUpgrade['remaining']): InterruptedUpgrade => ({
  installPath: PF,
  remaining,
  evidence: [
    { source: 'registry', location: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\\InstallPath', observed: `${PF}\\` },
  ],
});

ruleTester('MFA-INV-007', {
  valid: [
    { name: 'an agent still installed', facts: makeFacts({ components: [comp('agent', '5.2.1')] }) },
    { name: 'explicitly not interrupted', facts: makeFacts({ components: [comp('agent', '5.2.1')], interruptedUpgrade: null }) },
  ],
  invalid: [
    {
      name: 'the User Portal left: uninstall it, then install MFA Server over the path',
      facts: makeFacts({
        components: [comp('user-portal', '5.2.1')],
        host: { hostRole: 'mfa-host' },
        interruptedUpgrade: interrupted(['user-portal']),
      }),
      findings: [
        {
          messageId: 'interrupted',
          severity: 'high',
          component: 'server',
          data: {
            path: PF,
            remaining: 'Still installed: User Portal. ',
            next: 'uninstall the User Portal through Programs and Features, then ',
            target: '8.1',
          },
        },
      ],
    },
    {
      name: 'nothing left but the data file: install MFA Server next',
      facts: makeFacts({ host: { hostRole: 'mfa-host' }, interruptedUpgrade: interrupted([]) }),
      opts: { targetVersion: '8.0' },
      findings: [{ messageId: 'interrupted', severity: 'high', data: { remaining: '', next: '', target: '8.0' } }],
    },
  ],
});
