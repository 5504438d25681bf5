/** MFA-POST-020: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { agent5, mfaHost, server81 } from './hosts.js';
import { comp } from './facts.js';
import { MFA_DIR, service, services } from './p2-facts.js';

const post = { stage: 'post' as const };
const server = () => comp('server', '8.1.0.0', { installPath: MFA_DIR });

ruleTester('MFA-POST-020', {
  valid: [
    { name: 'registered, automatic, in the install folder', facts: mfaHost({ services: services(service()) }, server()), opts: post },
    {
      name: 'install folder given with a trailing backslash and another case',
      facts: mfaHost(
        { services: services(service({ executable: 'c:\\program files\\multi-factor authentication server\\PFSVC.EXE' })) },
        comp('server', '8.1.0.0', { installPath: `${MFA_DIR}\\` }),
      ),
      opts: post,
    },
    { name: 'stage pre: not checked', facts: mfaHost({ services: services(null) }, server()), opts: { stage: 'pre' } },
    { name: 'no MFA Server on the host', facts: mfaHost({ components: [], services: services(null) }), opts: post },
    { name: 'facts built without the services probe', facts: mfaHost({}, server81()), opts: post },
  ],
  invalid: [
    {
      name: 'not registered',
      facts: mfaHost({ services: services(null) }, server()),
      opts: post,
      findings: [{ messageId: 'notRegistered', data: { names: 'MultiFactorAuthSvc or pfsvc' }, severity: 'high', component: 'server' }],
    },
    {
      name: 'Services not exported: unknown with the export to add',
      facts: mfaHost({ services: services(null, false) }, server()),
      opts: post,
      findings: [
        { messageId: 'notExported', data: { key: 'HKLM\\SYSTEM\\CurrentControlSet\\Services' }, severity: 'high', outcome: 'unknown' },
      ],
    },
    {
      name: 'manual start',
      facts: mfaHost({ services: services(service({ start: 3 })) }, server()),
      opts: post,
      findings: [{ messageId: 'notAutomatic', data: { name: 'pfsvc', start: 'manual (Start = 3)' }, severity: 'medium' }],
    },
    {
      name: 'disabled',
      facts: mfaHost({ services: services(service({ start: 4 })) }, server()),
      opts: post,
      findings: [{ messageId: 'notAutomatic', data: { start: 'disabled (Start = 4)' }, severity: 'medium' }],
    },
    {
      name: 'still the old PhoneFactor folder after a reinstall elsewhere',
      facts: mfaHost({ services: services(service({ executable: 'C:\\Program Files\\PhoneFactor\\pfsvc.exe' })) }, server()),
      opts: post,
      findings: [{ messageId: 'elsewhere', data: { exe: 'C:\\Program Files\\PhoneFactor\\pfsvc.exe', folder: MFA_DIR }, severity: 'high' }],
    },
    {
      name: 'a sibling folder whose name starts like the install folder is elsewhere',
      facts: mfaHost({ services: services(service({ executable: `${MFA_DIR} (old)\\pfsvc.exe` })) }, server()),
      opts: post,
      findings: [{ messageId: 'elsewhere', severity: 'high' }],
    },
    {
      name: 'manual and elsewhere: both',
      facts: mfaHost({ services: services(service({ start: 3, executable: 'D:\\MFA\\pfsvc.exe' })) }, server()),
      opts: post,
      findings: [
        { messageId: 'notAutomatic', severity: 'medium' },
        { messageId: 'elsewhere', severity: 'high' },
      ],
    },
    {
      name: 'no ImagePath: unknown',
      facts: mfaHost({ services: services(service({ executable: null })) }, server()),
      opts: post,
      findings: [{ messageId: 'noImagePath', severity: 'high', outcome: 'unknown' }],
    },
    {
      name: 'an agent host not upgraded: still checked',
      facts: mfaHost({ services: services(null) }, agent5()),
      opts: post,
      findings: [{ messageId: 'notRegistered', severity: 'high' }],
    },
  ],
});
