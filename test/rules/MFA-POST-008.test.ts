/** MFA-POST-008: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts, theme } from './facts.js';
import { post, POST } from './post-facts.js';

const SAVED = 'E:\\Backups\\MFA\\MultiFactorAuth\\App_Themes';
const host = (now: string[], custom: string[]) =>
  makeFacts({
    components: [comp('user-portal', '8.1.2.1')],
    userPortal: { webConfig: null, themes: now.map((n) => theme(n)) },
    post: post({ themes: { sources: [SAVED], custom, defaultNotRestored: [] } }),
  });

ruleTester('MFA-POST-008', {
  valid: [
    { name: 'the custom theme is back (any case)', facts: host(['Default', 'contoso'], ['Contoso']), opts: POST },
    { name: 'no custom theme before', facts: host(['Default'], []), opts: POST },
  ],
  invalid: [
    {
      name: 'Contoso lost',
      facts: host(['Default'], ['Contoso']),
      opts: POST,
      findings: [
        {
          messageId: 'lost',
          data: { theme: 'Contoso', source: SAVED, themes: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes' },
          severity: 'medium',
        },
      ],
    },
  ],
});
