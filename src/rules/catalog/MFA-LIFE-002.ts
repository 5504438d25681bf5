import { defineRule } from '../types.js';
import { windowsRelease } from '../../util/windows.js';

export default defineRule({
  meta: {
    id: 'MFA-LIFE-002',
    title: 'Windows on this host is past the end of its extended support',
    severity: 'medium',
    component: 'host',
    // Before the window: after it (stage post) the verdict is about the change, as for MFA-LIFE-001.
    stages: ['pre', 'adfs'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Inventory and path' },
    procedure: 'tool-inventory',
    description:
      'Compares the Windows release (bundle.json os, or the Windows NT CurrentVersion key) with the end of its extended support: Server 2003 on 2015-07-14, Server 2008 and 2008 R2 on 2020-01-14 (Extended Security Updates to 2023-01-10), Server 2012 and 2012 R2 on 2023-10-10 (Extended Security Updates to 2026-10-13), Server 2016 on 2027-01-12, against the scan clock (--now).',
    messages: {
      ended:
        '{{os}} ({{version}}) left extended support on {{ended}}{{esu}}: it gets no security updates{{esuNow}}. Upgrading MFA Server does not change that; plan moving {{what}} to a supported Windows Server (2016 until 2027-01-12, 2019, 2022, 2025).',
    },
  },
  check({ facts, opts }) {
    const win = windowsRelease(facts.host.os);
    if (!win || (facts.components.length === 0 && !facts.interruptedUpgrade)) return [];
    const today = opts.now.slice(0, 10);
    if (today <= win.extendedEnd) return [];
    const inEsu = win.esuEnd !== null && today <= win.esuEnd;
    return [
      {
        messageId: 'ended',
        data: {
          os: win.name,
          version: facts.host.os.version ?? facts.host.os.caption ?? 'version unknown',
          ended: win.extendedEnd,
          esu: win.esuEnd ? ` (Extended Security Updates, where bought, ${inEsu ? 'run' : 'ran'} to ${win.esuEnd})` : '',
          esuNow: inEsu ? ' unless Extended Security Updates were bought' : '',
          what: facts.host.hostRole === 'mfa-host' ? 'MFA Server and its parts' : 'these parts',
        },
        evidence: [
          {
            source: 'bundle',
            location: 'bundle.json os, else HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
            observed: [facts.host.os.caption, facts.host.os.version, facts.host.os.architecture].filter(Boolean).join(', '),
          },
        ],
        key: 'os',
      },
    ];
  },
});
