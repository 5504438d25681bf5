import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';
import { NEW_PROVIDER, OLD_PROVIDER, hasName } from '../adfs-providers.js';

export default defineRule({
  meta: {
    id: 'MFA-ADFS-011',
    title: 'AD FS provider registrations disagree',
    severity: 'medium',
    component: 'adfs-adapter',
    stages: ['pre', 'adfs'],
    pendingOnly: true,
    planSteps: [STEP.adfsPolicyUncheck, STEP.adfsUnregisterOld],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Install new AD FS adapters, steps 3 and 4' },
    procedure: 'inplace-adfs-4',
    description:
      'From the recorded AD FS cmdlet output: both MFA Server providers registered at once (an earlier upgrade left the old one), or the global policy checking an MFA Server provider that is not registered. Either makes the Unregister step ambiguous: settle it before the window.',
    messages: {
      both: 'AD FS has both {{old}} and {{new}} registered ({{location}}): an earlier upgrade left one behind. Find which one the global policy uses, and unregister the other.',
      checkedNotRegistered:
        'The global policy checks {{name}} ({{policy}}), which is not registered ({{location}}): the policy points at nothing. Clear it, or register the provider again.',
    },
  },
  check({ facts, component }) {
    const c = facts.adfsCmdlets;
    if (!c?.providers || (!component('adfs-adapter') && !facts.services?.adfs)) return [];
    const p = c.providers;
    const ev = [{ source: 'file' as const, location: p.location, observed: `registered: ${p.names.join(', ') || 'none'}` }];
    const hits: RuleHit[] = [];
    if (hasName(p.names, OLD_PROVIDER) && hasName(p.names, NEW_PROVIDER))
      hits.push({
        messageId: 'both',
        data: { old: OLD_PROVIDER, new: NEW_PROVIDER, location: p.location },
        evidence: ev,
        key: 'adfs-both',
      });
    for (const name of [OLD_PROVIDER, NEW_PROVIDER]) {
      if (c.globalPolicy && hasName(c.globalPolicy.additional, name) && !hasName(p.names, name)) {
        hits.push({
          messageId: 'checkedNotRegistered',
          data: { name, policy: c.globalPolicy.location, location: p.location },
          evidence: [
            ...ev,
            {
              source: 'file',
              location: c.globalPolicy.location,
              observed: `AdditionalAuthenticationProvider: ${c.globalPolicy.additional.join(', ')}`,
            },
          ],
          key: `adfs-checked-${name.toLowerCase()}`,
        });
      }
    }
    return hits;
  },
});
