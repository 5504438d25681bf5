/** MFA-CMP-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { adfsHost, installers, mfaHost, server81 } from './hosts.js';

ruleTester('MFA-CMP-002', {
  valid: [
    { name: 'stage pre (the upgrade has not put the new MSIs there yet)', facts: mfaHost({ installers: installers([], ['MultiFactorAuthenticationUserPortalSetup64.msi']) }, server81()) },
    { name: 'the MSI is there (name case-insensitive)', facts: mfaHost({ installers: installers(['multifactorauthenticationuserportalsetup64.MSI'], ['MultiFactorAuthenticationUserPortalSetup64.msi']) }, server81()), opts: { stage: 'adfs' } },
    { name: 'no other host needs one', facts: mfaHost({ installers: installers([], []) }, server81()), opts: { stage: 'adfs' } },
    { name: 'not an MFA host', facts: adfsHost('7.3.0.3', { installers: installers([], ['MultiFactorAuthenticationUserPortalSetup64.msi']) }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    {
      name: 'upgraded server lacks the portal and adapter MSIs (runs with nothing pending)',
      facts: mfaHost({ installers: installers(['MultiFactorAuthenticationUserPortalSetup64.msi'], ['MultiFactorAuthenticationAdfsAdapterSetup64.msi', 'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi']) }, server81()),
      opts: { stage: 'adfs' },
      findings: [{ messageId: 'missing', data: { installer: 'MultiFactorAuthenticationAdfsAdapterSetup64.msi', folder: 'C:\\Program Files\\Multi-Factor Authentication Server' }, severity: 'high', component: 'server' }, { messageId: 'missing', data: { installer: 'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi', folder: 'C:\\Program Files\\Multi-Factor Authentication Server' }, severity: 'high' }],
    },
  ],
});

