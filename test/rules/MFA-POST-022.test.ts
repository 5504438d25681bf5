/** MFA-POST-022: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { ADFS_CFG, adfsHost, mfaHost, withAdfs } from './hosts.js';

const post = { stage: 'post' as const };
const SAVED = 'E:\\Backups\\ADFS\\MultiFactorAuthenticationAdfsAdapter.config';
const SDK = '/ConfigurationData/WebServiceSdkUrl';
const diff = (differences: NonNullable<NonNullable<ReturnType<typeof adfsHost>['adfs']>['configDiff']>['differences']) =>
  withAdfs(adfsHost('8.1.0.0'), { configDiff: { saved: SAVED, current: ADFS_CFG, differences } });

ruleTester('MFA-POST-022', {
  valid: [
    { name: 'no differences', facts: diff([]), opts: post },
    {
      name: 'only what the new release adds',
      facts: diff([{ kind: 'added', path: '/ConfigurationData/NewSetting', old: null, new: 'x' }]),
      opts: post,
    },
    {
      name: 'an old empty value gone',
      facts: diff([{ kind: 'removed', path: '/ConfigurationData/@Optional', old: '', new: null }]),
      opts: post,
    },
    {
      name: 'stage pre: not checked',
      facts: diff([{ kind: 'changed', path: SDK, old: 'https://mfa01/sdk', new: '' }]),
      opts: { stage: 'pre' },
    },
    { name: 'no adapter', facts: mfaHost(), opts: post },
    {
      name: 'config that does not parse (MFA-CFG says so)',
      facts: withAdfs(adfsHost('8.1.0.0'), { config: { path: ADFS_CFG, exists: true, parseError: 'bad XML', backup: null } }),
      opts: post,
    },
  ],
  invalid: [
    {
      name: 'the SDK address was not carried over',
      facts: diff([
        { kind: 'changed', path: SDK, old: 'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', new: '' },
        { kind: 'added', path: '/ConfigurationData/NewSetting', old: null, new: 'x' },
      ]),
      opts: post,
      findings: [{ messageId: 'lost', data: { count: 1, saved: SAVED, current: ADFS_CFG }, severity: 'medium', component: 'adfs-adapter' }],
    },
    {
      name: 'a setting removed',
      facts: diff([{ kind: 'removed', path: '/ConfigurationData/WebServiceSdkUsername', old: 'CONTOSO\\svc-mfa', new: null }]),
      opts: post,
      findings: [{ messageId: 'lost', data: { count: 1 }, severity: 'medium' }],
    },
    {
      name: 'no saved copy: unknown',
      facts: adfsHost('8.1.0.0'),
      opts: post,
      findings: [{ messageId: 'noSavedCopy', severity: 'medium', outcome: 'unknown' }],
    },
  ],
});
