import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';
import { ADFS_CMDLETS_HINT, NEW_PROVIDER, OLD_PROVIDER, hasName } from '../adfs-providers.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-024',
    title: 'The AD FS global policy has the new provider checked',
    severity: 'high',
    severityNote: 'high where the new provider is not checked; medium where the old one is still listed',
    component: 'adfs-adapter',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.adfsPolicyCheck],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Install new AD FS adapters, step 8' },
    procedure: 'inplace-adfs-8',
    description:
      'From the recorded output of Get-AdfsGlobalAuthenticationPolicy (adfs/global-policy.json in the bundle): AzureMfaServerAuthentication is in AdditionalAuthenticationProvider, so AD FS asks for the second factor again. Without that output the check is unknown, with the commands to record it.',
    messages: {
      notRecorded: 'The AD FS global authentication policy is not recorded in this host copy: {{hint}}.',
      unreadable: 'The recorded global policy {{location}} cannot be used ({{why}}): record it again: {{hint}}.',
      notChecked:
        'The global MFA policy does not have {{new}} checked ({{location}}: AdditionalAuthenticationProvider is {{list}}): AD FS asks for no MFA Server second factor. Tick it in the AD FS management console (Authentication Policies, global multi-factor authentication).',
      oldListed: 'The global MFA policy still lists the old provider {{old}} ({{location}}): clear it.',
    },
  },
  check({ facts, component }) {
    if (!component('adfs-adapter')) return [];
    const c = facts.adfsCmdlets;
    const g = c?.globalPolicy;
    if (!g) {
      const err = c?.errors.find((e) => /global-policy/i.test(e.location));
      if (err)
        return [
          {
            outcome: 'unknown',
            messageId: 'unreadable',
            data: { location: err.location, why: err.message, hint: ADFS_CMDLETS_HINT },
            evidence: [{ source: 'file', location: err.location, observed: err.message }],
            key: 'adfs-policy',
          },
        ];
      return [
        {
          outcome: 'unknown',
          messageId: 'notRecorded',
          data: { hint: ADFS_CMDLETS_HINT },
          evidence: [{ source: 'file', location: 'adfs/global-policy.json', observed: 'not in the host copy' }],
          key: 'adfs-policy',
        },
      ];
    }
    const list = g.additional.join(', ') || 'empty';
    const ev = [{ source: 'file' as const, location: g.location, observed: `AdditionalAuthenticationProvider: ${list}` }];
    const hits: RuleHit[] = [];
    if (!hasName(g.additional, NEW_PROVIDER))
      hits.push({ messageId: 'notChecked', data: { new: NEW_PROVIDER, location: g.location, list }, evidence: ev, key: 'adfs-policy-new' });
    if (hasName(g.additional, OLD_PROVIDER))
      hits.push({
        messageId: 'oldListed',
        data: { old: OLD_PROVIDER, location: g.location },
        severity: 'medium',
        evidence: ev,
        key: 'adfs-policy-old',
      });
    return hits;
  },
});
