/** MFA-INV-006: an Uninstall entry named like an MFA part that its publisher and files do not confirm. */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import type { IgnoredEntry } from '../../src/types.js';

const RSA = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{7F3A1C55-RSA}';
const rsa: IgnoredEntry = {
  displayName: 'RSA MFA Agent for Microsoft Windows',
  version: '2.3.6',
  publisher: 'RSA Security LLC',
  lookedLike: 'agent',
  installLocation: 'C:\\Program Files\\RSA\\RSA MFA Agent\\',
  evidence: [
    { source: 'registry', location: `${RSA}\\DisplayName`, observed: 'RSA MFA Agent for Microsoft Windows 2.3.6' },
    { source: 'registry', location: `${RSA}\\Publisher`, observed: 'RSA Security LLC' },
  ],
};

ruleTester('MFA-INV-006', {
  valid: [
    { name: 'nothing ignored', facts: makeFacts({ components: [comp('server', '7.3.0.3')], ignoredEntries: [] }) },
    { name: 'facts without the list (older probes)', facts: makeFacts({ components: [comp('server', '7.3.0.3')] }) },
  ],
  invalid: [
    {
      name: 'an RSA agent beside MFA Server: named, with its publisher and folder, as info',
      facts: makeFacts({ components: [comp('server', '7.3.0.3')], ignoredEntries: [rsa] }),
      findings: [
        {
          messageId: 'ignored',
          severity: 'info',
          component: 'host',
          data: {
            name: 'RSA MFA Agent for Microsoft Windows',
            version: ' 2.3.6',
            publisher: 'RSA Security LLC',
            where: ', at C:\\Program Files\\RSA\\RSA MFA Agent\\',
            component: 'agent',
          },
        },
      ],
    },
    {
      name: 'on a host with nothing else, and no publisher or location given',
      facts: makeFacts({
        ignoredEntries: [
          { ...rsa, displayName: 'Okta MFA Server Agent', version: null, publisher: null, installLocation: null, lookedLike: 'server' },
        ],
      }),
      findings: [
        {
          messageId: 'ignored',
          severity: 'info',
          data: { name: 'Okta MFA Server Agent', version: '', publisher: 'not given', where: '', component: 'server' },
        },
      ],
    },
  ],
});
