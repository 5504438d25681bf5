import { defineRule } from '../types.js';
import type { Facts } from '../../types.js';
import { RELYING_PARTY_FILE, isAdfsServer } from '../migration.js';

/** Relying parties the guide leaves out of the Windows Server 2016 requirement: Microsoft Entra ID and Office 365. */
const MICROSOFT = /office 365|microsoft entra|azure ad|microsoftonline|urn:federation:microsoftonline|device registration service/i;

/** Windows Server 2016 or later (10.0 and up); null where the OS is not known. */
function atLeast2016(os: Facts['host']['os']): boolean | null {
  const major = os.version ? Number(/^(\d+)\./.exec(os.version)?.[1]) : NaN;
  if (Number.isFinite(major)) return major >= 10;
  if (os.caption) {
    if (/\b(2008|2012)\b/.test(os.caption)) return false;
    if (/\b20(1[6-9]|[2-9]\d)\b/.test(os.caption)) return true;
  }
  return null;
}

export default defineRule({
  meta: {
    id: 'MFA-MIG-005',
    title: 'AD FS older than Windows Server 2016 serves relying parties other than Microsoft Entra ID and Office 365',
    severity: 'high',
    component: 'adfs-adapter',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'MFA Server migration: Limitations and requirements' },
    procedure: 'migrate-adfs-2016',
    description:
      'MFA for AD FS relying parties other than Microsoft Entra ID and Office 365 needs AD FS on Windows Server 2016 or later. On an older AD FS server, the recorded relying party trusts (adfs/relying-party-trusts.json) say whether any other is served; without them the finding is unknown.',
    messages: {
      others:
        'This AD FS server runs {{os}} and serves {{count}} relying party trust(s) besides Microsoft Entra ID / Office 365 ({{names}}): upgrade the farm to AD FS on Windows Server 2016 or later, or federate those applications with Microsoft Entra ID directly.',
      notRecorded:
        'This AD FS server runs {{os}}: if it serves relying parties other than Microsoft Entra ID / Office 365, they need AD FS on Windows Server 2016 or later. Look with Get-AdfsRelyingPartyTrust | Select-Object Name on the primary AD FS server (record it as {{file}}).',
      osUnknown:
        'The Windows version of this AD FS server is not known: relying parties other than Microsoft Entra ID / Office 365 need AD FS on Windows Server 2016 or later. Check winver, and Get-AdfsRelyingPartyTrust | Select-Object Name.',
    },
  },
  check({ facts }) {
    if (!isAdfsServer(facts)) return [];
    const modern = atLeast2016(facts.host.os);
    if (modern === true) return [];
    const os = facts.host.os.caption ?? `Windows ${facts.host.os.version ?? '(version unknown)'}`;
    const osEvidence = {
      source: 'registry' as const,
      location: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
      observed: `${facts.host.os.caption ?? '?'} ${facts.host.os.version ?? ''}`.trim(),
    };
    if (modern === null) return [{ messageId: 'osUnknown', outcome: 'unknown', evidence: [osEvidence], key: 'adfs-os' }];
    const rp = facts.migration?.relyingParties;
    if (!rp) {
      return [
        {
          messageId: 'notRecorded',
          outcome: 'unknown',
          data: { os, file: RELYING_PARTY_FILE },
          evidence: [osEvidence, { source: 'bundle', location: RELYING_PARTY_FILE, observed: 'not recorded' }],
          key: 'adfs-os',
        },
      ];
    }
    const others = rp.names.filter((n) => !MICROSOFT.test(n));
    if (!others.length) return [];
    return [
      {
        messageId: 'others',
        data: { os, count: others.length, names: others.join(', ') },
        evidence: [osEvidence, { source: 'bundle', location: rp.location, observed: others.join(', ') }],
        key: 'adfs-os',
      },
    ];
  },
});
