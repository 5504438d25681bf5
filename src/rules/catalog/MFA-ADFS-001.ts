import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-ADFS-001',
    title: 'The Register script does not pass -ConfigurationFilePath',
    severity: 'high',
    component: 'adfs-adapter',
    stages: ['adfs'],
    pendingOnly: true,
    planSteps: [STEP.configureAdfsRegisterScript, STEP.adfsRegisterNew],
    seed: {
      file: 'upgrade-mfa-server-2024.md',
      section: 'Upgrade the AD FS Adapters: If MFA runs on different servers than AD FS, step 3',
    },
    procedure: 'inplace-adfs-copy-3',
    description:
      'Edit Register-MultiFactorAuthenticationAdfsAdapter.ps1: add -ConfigurationFilePath <path to the config> to the end of the Register-AdfsAuthenticationProvider command, or the new provider registers without your settings.',
    messages: {
      missing:
        '{{path}} calls Register-AdfsAuthenticationProvider without -ConfigurationFilePath. Add -ConfigurationFilePath "<full path to MultiFactorAuthenticationAdfsAdapter.config or the exported file>" to the end of that command.',
      unreadable: '{{path}}: {{why}}; check by hand that it passes -ConfigurationFilePath.',
    },
  },
  check({ facts }) {
    const s = facts.adfs?.registerScript;
    if (facts.host.hostRole !== 'adfs-host' || !s) return [];
    if (s.passesConfigurationFilePath === true) return [];
    if (s.passesConfigurationFilePath === null) {
      return [
        {
          outcome: 'unknown',
          messageId: 'unreadable',
          data: { path: s.path, why: s.readError ?? 'no Register-AdfsAuthenticationProvider command found' },
          evidence: [{ source: 'file', location: s.path, observed: s.readError ?? 'no Register-AdfsAuthenticationProvider command' }],
          key: s.path.toLowerCase(),
        },
      ];
    }
    return [
      {
        messageId: 'missing',
        data: { path: s.path },
        evidence: [{ source: 'file', location: s.path, observed: 'Register-AdfsAuthenticationProvider without -ConfigurationFilePath' }],
        key: s.path.toLowerCase(),
      },
    ];
  },
});
