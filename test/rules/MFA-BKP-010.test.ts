/** MFA-BKP-010: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { candidate, comp, makeFacts, webConfig } from './facts.js';
import { PORTAL_WC, mfaHost, portalHost, server81 } from './hosts.js';

ruleTester('MFA-BKP-010', {
  valid: [
    {
      name: 'a current backup beside it',
      facts: portalHost({ webConfig: webConfig(PORTAL_WC, [candidate(`${PORTAL_WC}.bak`, true)]), themes: [] }),
    },
    {
      name: 'a same-content copy in a backup folder',
      facts: portalHost({
        webConfig: webConfig(PORTAL_WC, [candidate('E:\\Backups\\MultiFactorAuth\\web.config', true, { reason: 'same-content' })]),
        themes: [],
      }),
    },
    { name: 'stage adfs', facts: portalHost({ webConfig: webConfig(PORTAL_WC, []), themes: [] }), opts: { stage: 'adfs' } },
    { name: 'at the target', facts: portalHost({ webConfig: webConfig(PORTAL_WC, []), themes: [] }, server81()) },
    { name: 'no portal', facts: mfaHost() },
  ],
  invalid: [
    {
      name: 'no backup',
      facts: portalHost({ webConfig: webConfig(PORTAL_WC, []), themes: [] }),
      findings: [
        {
          messageId: 'none',
          data: { path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config' },
          severity: 'high',
          component: 'user-portal',
        },
      ],
    },
    {
      name: 'only an older copy',
      facts: portalHost({ webConfig: webConfig(PORTAL_WC, [candidate('C:\\inetpub\\wwwroot\\web.config - Copy', false)]), themes: [] }),
      findings: [{ messageId: 'stale', data: { path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config' }, severity: 'high' }],
    },
    {
      name: 'web.config not found: unknown',
      facts: portalHost({ webConfig: null, themes: [] }),
      findings: [
        { messageId: 'notFound', data: { where: ' in C:\\inetpub\\wwwroot\\MultiFactorAuth' }, severity: 'high', outcome: 'unknown' },
      ],
    },
    {
      name: 'a web host (portal on its own server)',
      facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')], userPortal: { webConfig: webConfig(PORTAL_WC, []), themes: [] } }),
      findings: [{ messageId: 'none', data: { path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config' }, severity: 'high' }],
    },
  ],
});
