/** MFA-BKP-003: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, comp, makeFacts } from './facts.js';
import { DATA, mfaHost, server81 } from './hosts.js';

ruleTester('MFA-BKP-003', {
  valid: [
    { name: 'data file on disk', facts: mfaHost() },
    { name: 'a web host has no data file', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }) },
    { name: 'at the target', facts: mfaHost({ dataFile: null }, server81()) },
  ],
  invalid: [
    {
      name: 'data file missing from the install folder',
      facts: mfaHost({ dataFile: backup(DATA, [], { exists: false, source: 'none', size: null, mtime: null }) }),
      findings: [
        {
          messageId: 'missing',
          data: { path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata' },
          severity: 'high',
          component: 'data',
        },
      ],
    },
    {
      name: 'no install folder to look in',
      facts: mfaHost({ dataFile: null }),
      findings: [{ messageId: 'missing', data: { path: '<install path>\\Data\\PhoneFactor.pfdata' }, severity: 'high' }],
    },
    // Where a rule's facts could not be read the finding is `unknown`: the registry's install path is on a drive the
    // copy does not have (MFA-INV-002 says unknown), so the data file's absence is not established.
    {
      name: 'the install drive is absent from the copy: unknown, not fail',
      facts: mfaHost({
        dataFile: null,
        installPaths: [
          {
            path: 'D:\\MFA',
            exists: null,
            evidence: {
              source: 'registry',
              location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{x}\\InstallLocation',
              observed: 'D:\\MFA',
            },
          },
        ],
      }),
      findings: [{ messageId: 'driveMissing', data: { installPath: 'D:\\MFA' }, severity: 'high', outcome: 'unknown' }],
    },
  ],
});
