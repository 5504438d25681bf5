/** MFA-CFG-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { PORTAL_WC, mfaHost, server81 } from './hosts.js';

ruleTester('MFA-CFG-002', {
  valid: [{ name: 'every config parsed', facts: mfaHost() }],
  invalid: [
    {
      name: 'a broken web.config and applicationHost.config',
      facts: mfaHost(
        {
          configErrors: [
            { path: PORTAL_WC, message: 'line 12: unclosed tag <appSettings>' },
            { path: 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config', message: 'line 1: not XML' },
          ],
        },
        server81(),
      ),
      findings: [
        {
          messageId: 'unparsable',
          data: { path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config', why: 'line 12: unclosed tag <appSettings>' },
          severity: 'high',
          component: 'host',
        },
        {
          messageId: 'unparsable',
          data: { path: 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config', why: 'line 1: not XML' },
          severity: 'high',
        },
      ],
    },
  ],
});
