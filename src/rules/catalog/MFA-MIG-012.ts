import { defineRule } from '../types.js';
import { isAdfsServer } from '../migration.js';

export default defineRule({
  meta: {
    id: 'MFA-MIG-012',
    title: 'AD FS access control policies must not require MFA on premises',
    severity: 'medium',
    component: 'adfs-adapter',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'MFA Server migration: Limitations and requirements' },
    procedure: 'migrate-adfs-policies',
    description:
      'Users moved to Microsoft Entra MFA cannot pass an AD FS access control policy that requires MFA to happen on premises. The policies live in the AD FS configuration database, not in a bundle: always unknown, with where to look.',
    messages: {
      look: 'Review the AD FS access control policies of the farm {{farm}}: none may require MFA on premises. Run Get-AdfsAccessControlPolicy and Get-AdfsRelyingPartyTrust | Select-Object Name, AccessControlPolicyName on the primary AD FS server; move such trusts to additional authentication rules (Set-AdfsRelyingPartyTrust -AccessControlPolicyName $null) as the guide describes.',
    },
  },
  check({ facts }) {
    if (!isAdfsServer(facts)) return [];
    return [
      {
        messageId: 'look',
        outcome: 'unknown',
        data: { farm: facts.host.roles.adfsFarm ?? 'this server belongs to' },
        evidence: [
          {
            source: 'bundle',
            location: 'AD FS configuration database (Get-AdfsAccessControlPolicy)',
            observed: 'not recorded in a bundle',
          },
        ],
        key: 'adfs-acp',
      },
    ];
  },
});
