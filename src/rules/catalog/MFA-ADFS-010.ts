import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { NEW_PROVIDER, OLD_PROVIDER, hasName } from '../adfs-providers.js';

export default defineRule({
  meta: {
    id: 'MFA-ADFS-010',
    title: 'AD FS providers registered today',
    severity: 'info',
    component: 'adfs-adapter',
    stages: ['pre', 'adfs'],
    pendingOnly: true,
    planSteps: [STEP.adfsPolicyUncheck, STEP.adfsUnregisterOld],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Install new AD FS adapters, steps 3 and 4' },
    procedure: 'inplace-adfs-3',
    description:
      'Where the host copy holds the output of Get-AdfsAuthenticationProvider and Get-AdfsGlobalAuthenticationPolicy (adfs/*.json, recorded by collect on an AD FS server), which MFA Server provider AD FS has registered today and whether the global policy has it checked: the name to clear and unregister during the window. Silent where nothing is recorded (MFA-ADFS-005 then says how to find out).',
    messages: {
      registered:
        'AD FS has {{mfa}} registered (providers: {{names}}); the global policy checks {{checked}}. During the window clear and unregister {{unregister}}, then register {{new}}.',
      unreadable: 'The recorded AD FS cmdlet output {{location}} cannot be used: {{why}}.',
    },
  },
  check({ facts, component }) {
    const c = facts.adfsCmdlets;
    if (!c || (!component('adfs-adapter') && !facts.services?.adfs)) return [];
    if (!c.providers) {
      const err = c.errors[0];
      return err
        ? [
            {
              outcome: 'unknown',
              messageId: 'unreadable',
              data: { location: err.location, why: err.message },
              evidence: [{ source: 'file', location: err.location, observed: err.message }],
              key: 'adfs-providers-today',
            },
          ]
        : [];
    }
    const mfa = [OLD_PROVIDER, NEW_PROVIDER].filter((n) => hasName(c.providers!.names, n));
    const evidence = [
      { source: 'file' as const, location: c.providers.location, observed: `registered: ${c.providers.names.join(', ') || 'none'}` },
    ];
    if (c.globalPolicy)
      evidence.push({
        source: 'file',
        location: c.globalPolicy.location,
        observed: `AdditionalAuthenticationProvider: ${c.globalPolicy.additional.join(', ') || 'empty'}`,
      });
    return [
      {
        messageId: 'registered',
        data: {
          mfa: mfa.join(' and ') || 'no MFA Server provider',
          names: c.providers.names.join(', ') || 'none',
          checked: c.globalPolicy ? c.globalPolicy.additional.join(', ') || 'no additional provider' : 'an unrecorded list',
          unregister: mfa.join(' and ') || 'nothing',
          new: NEW_PROVIDER,
        },
        evidence,
        key: 'adfs-providers-today',
      },
    ];
  },
});
