/** MFA-ADFS-010: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost, mfaHost } from './hosts.js';
import { NEW, OLD, cmdlets } from './p2-facts.js';

ruleTester('MFA-ADFS-010', {
  valid: [
    { name: 'nothing recorded: silent (MFA-ADFS-005 says how to find out)', facts: adfsHost('7.3.0.3', { adfsCmdlets: null }) },
    { name: 'not an AD FS host', facts: mfaHost({ adfsCmdlets: cmdlets([OLD], [OLD]) }) },
    {
      name: 'stage post: MFA-POST-023/024 judge',
      facts: adfsHost('7.3.0.3', { adfsCmdlets: cmdlets([OLD], [OLD]) }),
      opts: { stage: 'post' },
    },
  ],
  invalid: [
    {
      name: 'the old provider registered and checked today',
      facts: adfsHost('6.3.0.0', { adfsCmdlets: cmdlets(['FormsAuthentication', OLD], [OLD]) }),
      findings: [
        {
          messageId: 'registered',
          data: { mfa: OLD, names: `FormsAuthentication, ${OLD}`, checked: OLD, unregister: OLD, new: NEW },
          severity: 'info',
          component: 'adfs-adapter',
        },
      ],
    },
    {
      name: 'at stage adfs too, policy not recorded',
      facts: adfsHost('7.3.0.3', { adfsCmdlets: cmdlets([NEW], null) }),
      opts: { stage: 'adfs' },
      findings: [{ messageId: 'registered', data: { mfa: NEW, checked: 'an unrecorded list' }, severity: 'info' }],
    },
    {
      name: 'unreadable file: unknown',
      facts: adfsHost('7.3.0.3', {
        adfsCmdlets: cmdlets(null, null, [{ location: 'adfs/authentication-providers.json', message: 'is not JSON' }]),
      }),
      findings: [{ messageId: 'unreadable', outcome: 'unknown', severity: 'info' }],
    },
  ],
});
