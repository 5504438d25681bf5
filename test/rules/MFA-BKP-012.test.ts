/** MFA-BKP-012: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, candidate, theme } from './facts.js';
import { DEFAULT_THEME, portalHost, ref, server81, themesDir } from './hosts.js';

ruleTester('MFA-BKP-012', {
  valid: [
    { name: 'Default unchanged since install', facts: portalHost({ webConfig: null, themes: [theme('Default', { reference: ref })] }) },
    {
      name: 'changed, and a current copy exists',
      facts: portalHost({
        webConfig: null,
        themes: [
          theme('Default', {
            reference: ref,
            changedFiles: [`${DEFAULT_THEME}\\Default.css`],
            backup: backup(DEFAULT_THEME, [candidate(`${themesDir}\\Default - Copy`, true)]),
          }),
        ],
      }),
    },
    { name: 'no App_Themes folder', facts: portalHost({ webConfig: null, themes: [] }) },
    {
      name: 'at the target',
      facts: portalHost(
        {
          webConfig: null,
          themes: [theme('Default', { reference: ref, changedFiles: [`${DEFAULT_THEME}\\Default.css`], backup: backup(DEFAULT_THEME) })],
        },
        server81(),
      ),
    },
  ],
  invalid: [
    {
      name: 'changed, no backup',
      facts: portalHost({
        webConfig: null,
        themes: [
          theme('Default', {
            reference: ref,
            changedFiles: [`${DEFAULT_THEME}\\Default.css`, `${DEFAULT_THEME}\\logo.png`],
            backup: backup(DEFAULT_THEME),
          }),
        ],
      }),
      findings: [
        {
          messageId: 'changed',
          data: {
            count: 2,
            path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes\\Default',
            source: 'Uninstall InstallDate',
            date: '2025-03-04',
          },
          severity: 'high',
          component: 'user-portal',
        },
      ],
    },
    {
      name: 'changed, only a stale copy',
      facts: portalHost({
        webConfig: null,
        themes: [
          theme('Default', {
            reference: ref,
            changedFiles: [`${DEFAULT_THEME}\\Default.css`],
            backup: backup(DEFAULT_THEME, [candidate(`${themesDir}\\Default.bak`, false)]),
          }),
        ],
      }),
      findings: [
        {
          messageId: 'changed',
          data: {
            count: 1,
            path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes\\Default',
            source: 'Uninstall InstallDate',
            date: '2025-03-04',
          },
          severity: 'high',
        },
      ],
    },
    {
      name: 'no InstallDate and no Default.aspx: unknown',
      facts: portalHost({ webConfig: null, themes: [theme('Default')] }),
      findings: [
        {
          messageId: 'noReference',
          data: { path: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes\\Default' },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
  ],
});
