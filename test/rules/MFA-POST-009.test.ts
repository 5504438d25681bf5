/** MFA-POST-009: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts, theme } from './facts.js';
import { post, POST } from './post-facts.js';

const CHANGED = 'E:\\Backups\\MFA\\MultiFactorAuth\\App_Themes\\Default\\Default.css';
const host = (now: string[], customBefore: string[], changed: string[]) =>
  makeFacts({
    components: [comp('user-portal', '8.1.2.1')],
    userPortal: { webConfig: null, themes: now.map((n) => theme(n)) },
    post: post({
      themes: { sources: ['E:\\Backups\\MFA\\MultiFactorAuth\\App_Themes'], custom: customBefore, defaultNotRestored: changed },
    }),
  });

ruleTester('MFA-POST-009', {
  valid: [
    { name: 'Default restored', facts: host(['Default'], [], []), opts: POST },
    { name: 'moved to a theme of their own', facts: host(['Default', 'ContosoBrand'], [], [CHANGED]), opts: POST },
  ],
  invalid: [
    {
      name: 'lost with the new Default',
      facts: host(['Default'], [], [CHANGED]),
      opts: POST,
      findings: [{ messageId: 'notRestored', data: { count: 1, first: CHANGED }, severity: 'medium' }],
    },
    {
      name: 'an old custom theme does not carry them',
      facts: host(['Default', 'Contoso'], ['Contoso'], [CHANGED]),
      opts: POST,
      findings: [{ messageId: 'notRestored', severity: 'medium' }],
    },
  ],
});
