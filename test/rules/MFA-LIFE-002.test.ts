/** MFA-LIFE-002: the host's Windows past its end of extended support, against the scan clock. */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';

const portal = [comp('user-portal', '6.3.0.1')];
const on = (caption: string, version: string | null, architecture = 'x64') =>
  makeFacts({ components: portal, host: { os: { caption, version, architecture } } });

ruleTester('MFA-LIFE-002', {
  valid: [
    { name: 'Server 2016 before 2027-01-12', facts: on('Windows Server 2016 Standard', '10.0.14393') },
    {
      name: 'Server 2012 R2 on its last day',
      facts: on('Windows Server 2012 R2 Standard', '6.3.9600'),
      opts: { now: '2023-10-10T23:00:00Z' },
    },
    { name: 'nothing installed', facts: makeFacts({ host: { os: { caption: 'Windows Server 2008 Standard', version: '6.0.6002' } } }) },
    { name: 'an OS it does not know', facts: on('Windows Server vNext', '10.0.99999') },
  ],
  invalid: [
    {
      name: 'Server 2008 SP2 (32-bit), by version',
      facts: on('Windows Server 2008 Standard', '6.0.6002', 'x86'),
      findings: [
        {
          messageId: 'ended',
          severity: 'medium',
          component: 'host',
          data: {
            os: 'Windows Server 2008',
            version: '6.0.6002',
            ended: '2020-01-14',
            esu: ' (Extended Security Updates, where bought, ran to 2023-01-10)',
            esuNow: '',
            what: 'these parts',
          },
        },
      ],
    },
    {
      name: 'Server 2012 R2 while its ESU still ran: says so',
      facts: makeFacts({
        components: [comp('server', '7.3.0.3')],
        host: { os: { caption: 'Windows Server 2012 R2 Standard', version: '6.3.9600' } },
      }),
      opts: { now: '2025-06-01T00:00:00Z' },
      findings: [
        {
          messageId: 'ended',
          severity: 'medium',
          data: {
            os: 'Windows Server 2012 R2',
            ended: '2023-10-10',
            esu: ' (Extended Security Updates, where bought, run to 2026-10-13)',
            esuNow: ' unless Extended Security Updates were bought',
            what: 'MFA Server and its parts',
          },
        },
      ],
    },
    {
      name: 'Server 2008 R2 known by its caption only (no version)',
      facts: on('Windows Server 2008 R2 Enterprise', null),
      findings: [
        { messageId: 'ended', severity: 'medium', data: { os: 'Windows Server 2008 R2', version: 'Windows Server 2008 R2 Enterprise' } },
      ],
    },
    {
      name: 'Server 2016 after 2027-01-12',
      facts: on('Windows Server 2016 Standard', '10.0.14393'),
      opts: { now: '2027-02-01T00:00:00Z' },
      findings: [{ messageId: 'ended', severity: 'medium', data: { os: 'Windows Server 2016', ended: '2027-01-12', esu: '' } }],
    },
  ],
});
