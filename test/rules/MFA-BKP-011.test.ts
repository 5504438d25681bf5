/** MFA-BKP-011: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, candidate, theme, webConfig } from './facts.js';
import { PORTAL_WC, portalHost, server81, themesDir } from './hosts.js';

ruleTester('MFA-BKP-011', {
  valid: [
    {
      name: 'custom theme with a current copy',
      facts: portalHost({
        webConfig: webConfig(PORTAL_WC, [candidate(`${PORTAL_WC}.bak`, true)]),
        themes: [
          theme('Default'),
          theme('Contoso', { backup: backup(`${themesDir}\\Contoso`, [candidate(`${themesDir}\\Contoso - Copy`, true)]) }),
        ],
      }),
    },
    { name: 'only the Default theme', facts: portalHost({ webConfig: null, themes: [theme('Default')] }) },
    {
      name: 'at the target',
      facts: portalHost({ webConfig: null, themes: [theme('Contoso', { backup: backup(`${themesDir}\\Contoso`) })] }, server81()),
    },
  ],
  invalid: [
    {
      name: 'two custom themes, one backed up, one stale',
      facts: portalHost({
        webConfig: null,
        themes: [
          theme('Default'),
          theme('Contoso', { backup: backup(`${themesDir}\\Contoso`) }),
          theme('Fabrikam', { backup: backup(`${themesDir}\\Fabrikam`, [candidate(`${themesDir}\\Fabrikam.old`, false)]) }),
          theme('Tailspin', { backup: backup(`${themesDir}\\Tailspin`, [candidate(`${themesDir}\\Tailspin.bak`, true)]) }),
        ],
      }),
      findings: [
        {
          messageId: 'noBackup',
          data: { name: 'Contoso', path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes\\Contoso' },
          severity: 'high',
        },
        {
          messageId: 'noBackup',
          data: { name: 'Fabrikam', path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes\\Fabrikam' },
          severity: 'high',
        },
      ],
    },
  ],
});
