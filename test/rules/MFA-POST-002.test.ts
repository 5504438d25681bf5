/** MFA-POST-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { after81, BASE_FILE, baseline, before73, POST } from './post-facts.js';

ruleTester('MFA-POST-002', {
  valid: [
    {
      name: 'every part still there; the Mobile App gone from 8.0 as the procedure says',
      facts: makeFacts({ components: after81() }),
      opts: { ...POST, baseline: baseline(before73()) },
    },
    {
      name: 'the agent replaced by MFA Server on the PhoneFactor path',
      facts: makeFacts({ components: [comp('server', '8.1.2.1')] }),
      opts: { ...POST, baseline: baseline([comp('agent', '5.2.0.1')]) },
    },
    { name: 'no baseline: nothing to compare (MFA-POST-019 says so)', facts: makeFacts({ components: [] }), opts: POST },
  ],
  invalid: [
    {
      name: 'the User Portal gone',
      facts: makeFacts({ components: [comp('server', '8.1.2.1'), comp('web-service-sdk', '8.1.2.1')] }),
      opts: { ...POST, baseline: baseline(before73()) },
      findings: [{ messageId: 'gone', data: { version: '7.3.0.3', baseline: BASE_FILE }, severity: 'high', component: 'user-portal' }],
    },
    {
      name: 'the Mobile App gone on a 7.x target is a finding',
      facts: makeFacts({ components: [comp('server', '7.3.0.3'), comp('user-portal', '7.3.0.3'), comp('web-service-sdk', '7.3.0.3')] }),
      opts: { ...POST, targetVersion: '7.3', baseline: baseline(before73()) },
      findings: [{ messageId: 'gone', severity: 'high', component: 'mobile-app' }],
    },
  ],
});
