/** MFA-PRQ-001: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { comp, makeFacts } from './facts.js';
import { mfaHost, server81 } from './hosts.js';

ruleTester('MFA-PRQ-001', {
  valid: [
    { name: '.NET 4.5 exactly (378389)', facts: mfaHost({ dotnet: { known: true, release: 378389, evidence: [] } }) },
    {
      name: 'target 6.3 does not need it',
      facts: makeFacts({ components: [comp('server', '6.2.1.0')], dotnet: { known: true, release: null, evidence: [] } }),
      opts: { targetVersion: '6.3.0' },
    },
    { name: 'at the target', facts: mfaHost({ dotnet: { known: true, release: null, evidence: [] } }, server81()) },
  ],
  invalid: [
    // Checked at stage adfs too: the adapter's installer needs .NET 4.5 (issue 11 item 3).
    {
      name: 'stage adfs',
      facts: mfaHost({ dotnet: { known: true, release: 30319, evidence: [] } }),
      opts: { stage: 'adfs' },
      findings: [{ messageId: 'missing', data: { found: 'Release 30319 < 378389', target: '8.1' }, severity: 'critical' }],
    },
    {
      name: 'Release 378388',
      facts: mfaHost({ dotnet: { known: true, release: 378388, evidence: [] } }),
      findings: [
        {
          messageId: 'missing',
          data: { found: 'Release 378388 < 378389', target: '8.1' },
          severity: 'critical',
          component: 'prerequisites',
        },
      ],
    },
    {
      name: 'no v4\\Full Release',
      facts: makeFacts({ components: [comp('user-portal', '6.3.0.0')], dotnet: { known: true, release: null, evidence: [] } }),
      findings: [{ messageId: 'missing', data: { found: 'no Release value under NDP\\v4\\Full', target: '8.1' }, severity: 'critical' }],
    },
    // What the Windows can install: 4.8 where it can, 4.6 on Server 2008 SP2, nothing on Server 2003.
    {
      name: 'Server 2012 R2: install 4.8',
      facts: makeFacts({
        components: [comp('user-portal', '6.3.0.0')],
        host: { os: { caption: 'Windows Server 2012 R2 Standard', version: '6.3.9600' } },
        dotnet: { known: true, release: null, evidence: [] },
      }),
      findings: [{ messageId: 'missing', data: { net: '4.8' }, severity: 'critical' }],
    },
    {
      name: 'Server 2008 SP2: 4.6 is the newest it takes',
      facts: makeFacts({
        components: [comp('server', '6.3.0.1')],
        host: { os: { caption: 'Windows Server 2008 Standard', version: '6.0.6002', architecture: 'x86' } },
        dotnet: { known: true, release: null, evidence: [] },
      }),
      findings: [{ messageId: 'missing', data: { net: '4.6', found: 'no Release value under NDP\\v4\\Full' }, severity: 'critical' }],
    },
    {
      name: 'Server 2003: no .NET 4.5 at all, move the part',
      facts: makeFacts({
        components: [comp('user-portal', '6.3.0.0')],
        host: { os: { caption: 'Microsoft Windows Server 2003 R2', version: '5.2.3790' } },
        dotnet: { known: true, release: null, evidence: [] },
      }),
      findings: [{ messageId: 'osCannot', data: { os: 'Windows Server 2003' }, severity: 'critical' }],
    },
    {
      name: 'NDP not exported: unknown, still critical',
      facts: mfaHost({ dotnet: { known: false, release: null, evidence: [] } }),
      findings: [{ messageId: 'unknown', severity: 'critical', outcome: 'unknown' }],
    },
  ],
});
