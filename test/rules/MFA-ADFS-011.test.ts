/** MFA-ADFS-011: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost } from './hosts.js';
import { NEW, OLD, cmdlets } from './p2-facts.js';

const host = (c: ReturnType<typeof cmdlets> | null, version = '7.3.0.3') => adfsHost(version, { adfsCmdlets: c });

ruleTester('MFA-ADFS-011', {
  valid: [
    { name: 'one provider, checked', facts: host(cmdlets([NEW], [NEW])) },
    { name: 'one provider, policy not recorded', facts: host(cmdlets([OLD], null)) },
    { name: 'nothing recorded', facts: host(null) },
    { name: 'stage post: MFA-POST-023 judges', facts: host(cmdlets([OLD, NEW], [NEW])), opts: { stage: 'post' } },
  ],
  invalid: [
    {
      name: 'both registered',
      facts: host(cmdlets([NEW, OLD], [NEW])),
      findings: [{ messageId: 'both', data: { old: OLD, new: NEW }, severity: 'medium', component: 'adfs-adapter' }],
    },
    {
      name: 'the policy checks a provider that is not registered',
      facts: host(cmdlets([NEW], [OLD])),
      findings: [{ messageId: 'checkedNotRegistered', data: { name: OLD }, severity: 'medium' }],
    },
  ],
});
