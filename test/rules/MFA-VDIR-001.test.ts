/** MFA-VDIR-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { agent5, pfPortal, server70 } from './hosts.js';

ruleTester('MFA-VDIR-001', {
  valid: [
    { name: 'in-place path', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: '/PhoneFactor' })] }) },
    { name: 'agent path, portal already under /MultiFactorAuth', facts: makeFacts({ components: [agent5(), comp('user-portal', '5.2.1.2')] }) },
    { name: 'stage adfs', facts: makeFacts({ components: [agent5(), pfPortal()] }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    { name: 'portal under /PhoneFactor', facts: makeFacts({ components: [agent5(), pfPortal()] }), findings: [{ messageId: 'oldName', data: { vdir: '/PhoneFactor', name: 'PhoneFactor' }, severity: 'medium', component: 'user-portal' }] },
    { name: 'portal on its own server (web host, agent-era version)', facts: makeFacts({ components: [pfPortal()] }), findings: [{ messageId: 'oldName', data: { vdir: '/PhoneFactor', name: 'PhoneFactor' }, severity: 'medium' }] },
    { name: 'no applicationHost.config: unknown', facts: makeFacts({ components: [agent5(), pfPortal({ virtualDirectory: null, virtualDirectoryKnown: false })] }), findings: [{ messageId: 'unknown', severity: 'medium', outcome: 'unknown' }] },
  ],
});

