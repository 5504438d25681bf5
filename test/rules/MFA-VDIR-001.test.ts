/** MFA-VDIR-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { agent5, pfPortal, server70 } from './hosts.js';

ruleTester('MFA-VDIR-001', {
  valid: [
    {
      name: 'in-place path',
      facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: '/PhoneFactor' })] }),
    },
    {
      name: 'agent path, portal already under /MultiFactorAuth',
      facts: makeFacts({ components: [agent5(), comp('user-portal', '5.2.1.2')] }),
    },
    {
      name: 'agent path, no IIS application found for the portal',
      facts: makeFacts({ components: [agent5(), pfPortal({ virtualDirectory: null })] }),
    },
    { name: 'stage adfs', facts: makeFacts({ components: [agent5(), pfPortal()] }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    {
      name: 'portal under /PhoneFactor',
      facts: makeFacts({ components: [agent5(), pfPortal()] }),
      findings: [
        { messageId: 'oldName', data: { vdir: '/PhoneFactor', name: 'PhoneFactor' }, severity: 'medium', component: 'user-portal' },
      ],
    },
    {
      name: 'portal on its own server (web host, agent-era version)',
      facts: makeFacts({ components: [pfPortal()] }),
      findings: [{ messageId: 'oldName', data: { vdir: '/PhoneFactor', name: 'PhoneFactor' }, severity: 'medium' }],
    },
    // Issue 11 item 8: a name of its own on the PhoneFactor path is proposed /MultiFactorAuth just the same.
    {
      name: 'portal under a name of its own (/mfaportal), printed as configured',
      facts: makeFacts({ components: [agent5(), pfPortal({ virtualDirectory: '/mfaportal' })] }),
      findings: [
        { messageId: 'customName', data: { vdir: '/mfaportal', name: 'mfaportal' }, severity: 'medium', component: 'user-portal' },
      ],
    },
    {
      name: 'portal under a nested application (/Portals/MFA)',
      facts: makeFacts({ components: [agent5(), pfPortal({ virtualDirectory: '/Portals/MFA' })] }),
      findings: [{ messageId: 'customName', data: { vdir: '/Portals/MFA', name: 'Portals/MFA' }, severity: 'medium' }],
    },
    {
      name: 'no applicationHost.config: unknown',
      facts: makeFacts({ components: [agent5(), pfPortal({ virtualDirectory: null, virtualDirectoryKnown: false })] }),
      findings: [{ messageId: 'unknown', severity: 'medium', outcome: 'unknown' }],
    },
  ],
});
