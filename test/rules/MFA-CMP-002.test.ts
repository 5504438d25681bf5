/** MFA-CMP-002: valid and invalid cases (see tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { ADFS_MSI, MFA_DIR, MOBILE_MSI, PORTAL_MSI, host, portal, sdk } from './fleet-hosts.js';
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


// The same rule judged across a fleet (src/fleet/rules/MFA-CMP-002.ts): the fleet knows which web and AD FS
// servers exist, so each MFA Server's install folder must hold their installers.
fleetRuleTester('MFA-CMP-002', {
  valid: [
    { name: 'the MFA Server holds every MSI', hosts: [host('MFA01'), portal('WEB01', sdk('MFA01'))] },
    { name: 'no web or AD FS server in the fleet', hosts: [host('MFA01', { installers: { folder: MFA_DIR, present: [] } })] },
    { name: 'the web server has nothing pending', hosts: [host('MFA01', { installers: { folder: MFA_DIR, present: [] } }), portal('WEB01', sdk('MFA01'), { upgradePath: 'none' })] },
  ],
  invalid: [
    {
      name: 'the portal MSI is missing on the MFA Server',
      hosts: [host('MFA01', { installers: { folder: MFA_DIR, present: [MOBILE_MSI, ADFS_MSI] } }), portal('WEB01', sdk('MFA01'))],
      findings: [{ host: 'MFA01', messageId: 'fleetMissing', data: { installer: PORTAL_MSI, folder: MFA_DIR, host: 'MFA01' }, severity: 'high' }],
    },
    {
      name: 'a saved report does not say: unknown',
      hosts: [host('MFA01', { status: 'read', installers: null }), portal('WEB01', sdk('MFA01'))],
      findings: [{ host: 'MFA01', messageId: 'fleetUnknown', data: { host: 'MFA01', installers: PORTAL_MSI, why: 'read from a saved report' }, severity: 'high', outcome: 'unknown' }],
    },
  ],
});
