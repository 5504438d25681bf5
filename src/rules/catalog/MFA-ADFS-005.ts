import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-ADFS-005',
    title: 'Provider to unregister, and the new provider name',
    severity: 'info',
    component: 'adfs-adapter',
    stages: ['pre', 'adfs'],
    pendingOnly: true,
    planSteps: [STEP.adfsPolicyUncheck, STEP.adfsUnregisterOld, STEP.adfsRegisterNew, STEP.adfsPolicyCheck],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Install new AD FS adapters, steps 3, 4 and 8' },
    procedure: 'inplace-adfs-4',
    description:
      'Unregister the old provider by its exact name (WindowsAzureMultiFactorAuthentication before 7.0, AzureMfaServerAuthentication from 7.0); the new one is AzureMfaServerAuthentication.',
    messages: {
      known:
        'The adapter {{version}} registered the provider "{{old}}": uncheck it in the global MFA policy and pass -Name "{{old}}" to the Unregister script. The new provider is "AzureMfaServerAuthentication".',
      unknownName:
        'The adapter\'s version does not tell which provider name is registered: check the global MFA policy for "WindowsAzureMultiFactorAuthentication" or "AzureMfaServerAuthentication" and pass that exact name to the Unregister script. The new provider is "AzureMfaServerAuthentication".',
    },
  },
  check({ component, facts }) {
    const a = component('adfs-adapter');
    if (!a) return [];
    const old = facts.adfs?.oldProviderName;
    return [
      {
        ...(old ? { messageId: 'known', data: { version: String(a.version), old } } : { messageId: 'unknownName' }),
        evidence: a.evidence.slice(0, 1),
        key: 'provider',
      },
    ];
  },
});
