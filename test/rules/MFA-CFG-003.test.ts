/** MFA-CFG-003: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { mfaHost } from './hosts.js';

ruleTester('MFA-CFG-003', {
  valid: [
    { name: 'no redirection.config', facts: mfaHost() },
    { name: 'redirection.config present but disabled', facts: mfaHost({ iis: { sharedConfig: { enabled: false, path: null } } }) },
  ],
  invalid: [
    {
      name: 'shared configuration on a UNC path',
      facts: mfaHost({ iis: { known: false, sharedConfig: { enabled: true, path: '\\\\fs01\\iisconfig' } } }),
      findings: [{ messageId: 'shared', data: { where: '\\\\fs01\\iisconfig' }, severity: 'medium' }],
    },
  ],
});
