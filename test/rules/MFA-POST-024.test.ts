/** MFA-POST-024: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost } from './hosts.js';
import { NEW, OLD, cmdlets } from './p2-facts.js';

const post = { stage: 'post' as const };
const host = (c: ReturnType<typeof cmdlets> | null) => adfsHost('8.1.0.0', { adfsCmdlets: c });

ruleTester('MFA-POST-024', {
  valid: [
    { name: 'the new provider checked', facts: host(cmdlets([NEW], ['CertificateAuthentication', NEW])), opts: post },
    { name: 'stage adfs: not checked', facts: host(cmdlets([NEW], [])), opts: { stage: 'adfs' } },
  ],
  invalid: [
    {
      name: 'nothing checked: no second factor',
      facts: host(cmdlets([NEW], [])),
      opts: post,
      findings: [{ messageId: 'notChecked', data: { new: NEW, list: 'empty' }, severity: 'high' }],
    },
    {
      name: 'still the old one checked',
      facts: host(cmdlets([NEW], [OLD])),
      opts: post,
      findings: [
        { messageId: 'notChecked', data: { list: OLD }, severity: 'high' },
        { messageId: 'oldListed', severity: 'medium' },
      ],
    },
    {
      name: 'not recorded: unknown with the commands',
      facts: host(cmdlets([NEW], null)),
      opts: post,
      findings: [{ messageId: 'notRecorded', severity: 'high', outcome: 'unknown' }],
    },
    {
      name: 'recorded but unreadable',
      facts: host(cmdlets([NEW], null, [{ location: 'adfs/global-policy.json', message: 'is not JSON' }])),
      opts: post,
      findings: [{ messageId: 'unreadable', data: { location: 'adfs/global-policy.json' }, outcome: 'unknown', severity: 'high' }],
    },
  ],
});
