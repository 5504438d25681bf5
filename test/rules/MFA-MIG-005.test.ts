/** MFA-MIG-005: AD FS older than Windows Server 2016 with other relying parties (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost } from './hosts.js';
import { MIGRATE, migrationFact } from './migration-facts.js';
import type { Facts } from '../../src/types.js';

const OS2012R2 = { caption: 'Windows Server 2012 R2 Standard', version: '6.3.9600' };
const rp = (...names: string[]) => ({ location: 'adfs/relying-party-trusts.json', names });
const adfs = (os: Partial<Facts['host']['os']>, relyingParties: ReturnType<typeof rp> | null = null) =>
  adfsHost('7.3.0.3', { host: { os }, migration: migrationFact({ folder: null, files: [], relyingParties }) });

ruleTester('MFA-MIG-005', {
  valid: [
    {
      name: 'Windows Server 2016',
      facts: adfs({ caption: 'Windows Server 2016 Datacenter', version: '10.0.14393' }, rp('Payroll')),
      opts: MIGRATE,
    },
    {
      name: '2012 R2 serving Office 365 only',
      facts: adfs(OS2012R2, rp('Microsoft Office 365 Identity Platform', 'Device Registration Service')),
      opts: MIGRATE,
    },
    { name: 'goal upgrade: not run', facts: adfs(OS2012R2, rp('Payroll')) },
  ],
  invalid: [
    {
      name: '2012 R2 serving two other applications',
      facts: adfs(OS2012R2, rp('Microsoft Office 365 Identity Platform', 'Payroll', 'Intranet')),
      opts: MIGRATE,
      findings: [
        {
          messageId: 'others',
          severity: 'high',
          component: 'adfs-adapter',
          data: { count: 2, names: 'Payroll, Intranet', os: 'Windows Server 2012 R2 Standard' },
        },
      ],
    },
    {
      name: '2012 R2, trusts not recorded: unknown',
      facts: adfs(OS2012R2),
      opts: MIGRATE,
      findings: [{ messageId: 'notRecorded', severity: 'high', outcome: 'unknown' }],
    },
    {
      name: 'OS not known: unknown',
      facts: adfs({ caption: null, version: null }),
      opts: MIGRATE,
      findings: [{ messageId: 'osUnknown', severity: 'high', outcome: 'unknown' }],
    },
  ],
});
