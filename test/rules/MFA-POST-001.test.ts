/** MFA-POST-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { after81, POST } from './post-facts.js';

ruleTester('MFA-POST-001', {
  valid: [
    { name: 'every part at the target', facts: makeFacts({ components: after81() }), opts: POST },
    {
      name: "the Mobile App left at 7.3 on 8.1 is MFA-POST-003's",
      facts: makeFacts({ components: [...after81(), comp('mobile-app', '7.3.0.3')] }),
      opts: POST,
    },
    { name: 'not at stage pre', facts: makeFacts({ components: [comp('server', '7.3.0.3')] }) },
  ],
  invalid: [
    {
      name: 'the SDK left at 7.3',
      facts: makeFacts({ components: [comp('server', '8.1.2.1'), comp('web-service-sdk', '7.3.0.3')] }),
      opts: POST,
      findings: [{ messageId: 'below', data: { version: '7.3.0.3', target: '8.1' }, severity: 'high', component: 'web-service-sdk' }],
    },
    {
      name: 'the PhoneFactor Agent still installed',
      facts: makeFacts({ components: [comp('agent', '5.2.0.1')] }),
      opts: POST,
      findings: [{ messageId: 'agentLeft', data: { version: '5.2.0.1' }, severity: 'high', component: 'agent' }],
    },
    {
      name: 'version unknown: unknown',
      facts: makeFacts({ components: [comp('server', null)] }),
      opts: POST,
      findings: [{ messageId: 'versionUnknown', severity: 'high', outcome: 'unknown', component: 'server' }],
    },
    {
      name: 'the Mobile App below a 7.x target is judged like any part',
      facts: makeFacts({ components: [comp('server', '7.3.0.3'), comp('mobile-app', '7.0.0.9')] }),
      opts: { ...POST, targetVersion: '7.3' },
      findings: [{ messageId: 'below', data: { version: '7.0.0.9', target: '7.3' }, severity: 'high', component: 'mobile-app' }],
    },
  ],
});
