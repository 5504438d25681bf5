import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';
import { ADFS_CMDLETS_HINT, NEW_PROVIDER, OLD_PROVIDER, hasName } from '../adfs-providers.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-023',
    title: 'AD FS has the new provider registered and the old one unregistered',
    severity: 'high',
    severityNote: 'high where the new provider is not registered; medium where the old one still is',
    component: 'adfs-adapter',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.adfsUnregisterOld, STEP.adfsRegisterNew],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Install new AD FS adapters, steps 4 and 5' },
    procedure: 'inplace-adfs-5',
    description:
      'From the recorded output of Get-AdfsAuthenticationProvider (adfs/authentication-providers.json in the bundle): AzureMfaServerAuthentication is registered and WindowsAzureMultiFactorAuthentication is not. Without that output the check is unknown, with the commands to record it.',
    messages: {
      notRecorded: 'Which AD FS providers are registered is not recorded in this host copy: {{hint}}.',
      unreadable: 'The recorded provider list {{location}} cannot be used ({{why}}): record it again: {{hint}}.',
      newMissing:
        'The new provider {{new}} is not registered in AD FS ({{location}} lists {{names}}): run Register-MultiFactorAuthenticationAdfsAdapter.ps1 once for the farm, then restart AD FS.',
      oldStill:
        'The old provider {{old}} is still registered in AD FS ({{location}}): clear it in the global MFA policy and run Unregister-MultiFactorAuthenticationAdfsAdapter.ps1 -Name "{{old}}".',
    },
  },
  check({ facts, component }) {
    if (!component('adfs-adapter')) return [];
    const c = facts.adfsCmdlets;
    const p = c?.providers;
    if (!p) {
      const err = c?.errors.find((e) => /authentication-providers/i.test(e.location));
      if (err)
        return [
          {
            outcome: 'unknown',
            messageId: 'unreadable',
            data: { location: err.location, why: err.message, hint: ADFS_CMDLETS_HINT },
            evidence: [{ source: 'file', location: err.location, observed: err.message }],
            key: 'adfs-providers',
          },
        ];
      return [
        {
          outcome: 'unknown',
          messageId: 'notRecorded',
          data: { hint: ADFS_CMDLETS_HINT },
          evidence: [{ source: 'file', location: 'adfs/authentication-providers.json', observed: 'not in the host copy' }],
          key: 'adfs-providers',
        },
      ];
    }
    const ev = [{ source: 'file' as const, location: p.location, observed: `registered: ${p.names.join(', ') || 'none'}` }];
    const hits: RuleHit[] = [];
    if (!hasName(p.names, NEW_PROVIDER))
      hits.push({
        messageId: 'newMissing',
        data: { new: NEW_PROVIDER, location: p.location, names: p.names.join(', ') || 'none' },
        evidence: ev,
        key: 'adfs-provider-new',
      });
    if (hasName(p.names, OLD_PROVIDER))
      hits.push({
        messageId: 'oldStill',
        data: { old: OLD_PROVIDER, location: p.location },
        severity: 'medium',
        evidence: ev,
        key: 'adfs-provider-old',
      });
    return hits;
  },
});
