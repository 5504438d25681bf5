/** MFA-POST-007: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { makeFacts } from './facts.js';
import { post, POST } from './post-facts.js';

/** From 8.0 the Mobile App is uninstalled, not carried over: these cases upgrade to 7.3. */
const P73 = { ...POST, targetVersion: '7.3' };
import type { ConfigDifference } from '../../src/types.js';

const WC = 'C:\\\\inetpub\\\\wwwroot\\\\MultiFactorAuthMobileAppWebService\\\\web.config';
const SAVED = `${WC}.bak`;
const settings = (differences: ConfigDifference[] | null, error: string | null = null) =>
  makeFacts({
    post: post({ settings: [{ component: 'mobile-app', current: WC, saved: differences ? SAVED : null, differences, error }] }),
  });
const app = (key: string, old: string | null, now: string | null, kind: ConfigDifference['kind'] = 'changed'): ConfigDifference => ({
  kind,
  path: `/configuration/appSettings/add[@key='${key}']/@value`,
  old,
  new: now,
});
const setting = (name: string, old: string, now: string): ConfigDifference => ({
  kind: 'changed',
  path: `/configuration/applicationSettings/pfpaws.Properties.Settings/setting[@name='${name}']/value`,
  old,
  new: now,
});

ruleTester('MFA-POST-007', {
  valid: [
    { name: 'nothing differs', facts: settings([]), opts: P73 },
    {
      name: 'settings the new release adds or drops are its own',
      facts: settings([app('NEW_SETTING', null, 'x', 'added'), app('OLD_SETTING', 'y', null, 'removed')]),
      opts: P73,
    },
    {
      name: 'the SDK address changed with its virtual directory (the URL rules judge it)',
      facts: settings([
        setting(
          '',
          'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx',
          'https://localhost/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
        ),
      ]),
      opts: P73,
    },
    { name: 'not at stage pre', facts: settings([app('LANG', 'de', 'en')]) },
    { name: 'a target of 8.0 or later uninstalls it instead', facts: settings([app('LANG', 'de', 'en')]), opts: POST },
  ],
  invalid: [
    {
      name: 'an appSetting back at the default',
      facts: settings([app('DEFAULT_LANGUAGE', 'de', 'en')]),
      opts: P73,
      findings: [
        {
          messageId: 'notCarried',
          data: { setting: 'DEFAULT_LANGUAGE', old: 'de', new: 'en', saved: SAVED, file: WC },
          severity: 'high',
          component: 'mobile-app',
        },
      ],
    },
    {
      name: 'an applicationSetting emptied',
      facts: settings([setting('WEB_SERVICE_SDK_AUTHENTICATION_USERNAME', 'CONTOSO\\svc-mfasdk', '')]),
      opts: P73,
      findings: [{ messageId: 'notCarried', data: { setting: 'WEB_SERVICE_SDK_AUTHENTICATION_USERNAME', new: 'empty' }, severity: 'high' }],
    },
    {
      name: 'no saved copy: unknown',
      facts: settings(null, 'no saved copy of web.config was found'),
      opts: P73,
      findings: [
        { messageId: 'noSaved', data: { why: 'no saved copy of web.config was found', file: WC }, severity: 'high', outcome: 'unknown' },
      ],
    },
  ],
});
