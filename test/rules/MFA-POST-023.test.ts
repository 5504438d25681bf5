/** MFA-POST-023: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost, mfaHost } from './hosts.js';
import { NEW, OLD, cmdlets } from './p2-facts.js';

const post = { stage: 'post' as const };
const host = (c: ReturnType<typeof cmdlets> | null) => adfsHost('8.1.0.0', { adfsCmdlets: c });

ruleTester('MFA-POST-023', {
  valid: [
    { name: 'new registered, old gone', facts: host(cmdlets(['FormsAuthentication', NEW], [NEW])), opts: post },
    { name: 'names compared without case', facts: host(cmdlets(['azuremfaserverauthentication'], null)), opts: post },
    { name: 'no adapter on the host', facts: mfaHost({ adfsCmdlets: cmdlets([OLD], null) }), opts: post },
    { name: 'stage pre: not checked', facts: host(cmdlets([OLD], null)), opts: { stage: 'pre' } },
  ],
  invalid: [
    {
      name: 'the old provider still registered, the new one not',
      facts: host(cmdlets(['FormsAuthentication', OLD], [OLD])),
      opts: post,
      findings: [
        { messageId: 'newMissing', data: { new: NEW, names: `FormsAuthentication, ${OLD}` }, severity: 'high' },
        { messageId: 'oldStill', data: { old: OLD }, severity: 'medium' },
      ],
    },
    {
      name: 'both registered',
      facts: host(cmdlets([NEW, OLD], [NEW])),
      opts: post,
      findings: [{ messageId: 'oldStill', severity: 'medium' }],
    },
    {
      name: 'not recorded: unknown with the commands',
      facts: host(null),
      opts: post,
      findings: [{ messageId: 'notRecorded', severity: 'high', outcome: 'unknown' }],
    },
    {
      name: 'recorded but unreadable: unknown naming the file',
      facts: host(cmdlets(null, [NEW], [{ location: 'adfs/authentication-providers.json', message: 'is not JSON' }])),
      opts: post,
      findings: [
        {
          messageId: 'unreadable',
          data: { location: 'adfs/authentication-providers.json', why: 'is not JSON' },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
  ],
});
