/** MFA-CMP-002: valid and invalid cases (see tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { ADFS_MSI, MFA_DIR, MOBILE_MSI, PORTAL_MSI, host, portal, roles, sdk } from './fleet-hosts.js';
import { ruleTester } from './tester.js';
import { adfsHost, installers, mfaHost, server81 } from './hosts.js';

ruleTester('MFA-CMP-002', {
  valid: [
    {
      name: 'stage pre (the upgrade has not put the new MSIs there yet)',
      facts: mfaHost({ installers: installers([], ['MultiFactorAuthenticationUserPortalSetup64.msi']) }, server81()),
    },
    {
      name: 'the MSI is there (name case-insensitive)',
      facts: mfaHost(
        { installers: installers(['multifactorauthenticationuserportalsetup64.MSI'], ['MultiFactorAuthenticationUserPortalSetup64.msi']) },
        server81(),
      ),
      opts: { stage: 'adfs' },
    },
    { name: 'no other host needs one', facts: mfaHost({ installers: installers([], []) }, server81()), opts: { stage: 'adfs' } },
    {
      name: 'not an MFA host',
      facts: adfsHost('7.3.0.3', { installers: installers([], ['MultiFactorAuthenticationUserPortalSetup64.msi']) }),
      opts: { stage: 'adfs' },
    },
  ],
  invalid: [
    {
      name: 'upgraded server lacks the portal and adapter MSIs (runs with nothing pending)',
      facts: mfaHost(
        {
          installers: installers(
            ['MultiFactorAuthenticationUserPortalSetup64.msi'],
            ['MultiFactorAuthenticationAdfsAdapterSetup64.msi', 'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi'],
          ),
        },
        server81(),
      ),
      opts: { stage: 'adfs' },
      findings: [
        {
          messageId: 'missing',
          data: {
            installer: 'MultiFactorAuthenticationAdfsAdapterSetup64.msi',
            folder: 'C:\\Program Files\\Multi-Factor Authentication Server',
          },
          severity: 'high',
          component: 'server',
        },
        {
          messageId: 'missing',
          data: {
            installer: 'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi',
            folder: 'C:\\Program Files\\Multi-Factor Authentication Server',
          },
          severity: 'high',
        },
      ],
    },
  ],
});

// The same rule judged across a fleet (src/fleet/rules/MFA-CMP-002.ts, issue 11 item 13): one server per
// deployment needs the installers, of the target release, after its own upgrade.
const done = { upgradePath: 'none' as const };
const bare = { folder: MFA_DIR, present: [] };
fleetRuleTester('MFA-CMP-002', {
  valid: [
    { name: 'the MFA Server holds every MSI', hosts: [host('MFA01', done), portal('WEB01', sdk('MFA01'))] },
    { name: 'no web or AD FS server in the fleet', hosts: [host('MFA01', { ...done, installers: bare })] },
    {
      name: 'the web server has nothing pending',
      hosts: [host('MFA01', { ...done, installers: bare }), portal('WEB01', sdk('MFA01'), { upgradePath: 'none' })],
    },
    {
      name: "an upgrade pending in the deployment brings the target release's MSIs (a PhoneFactor 5.x folder too)",
      hosts: [host('MFA01', { installers: bare, upgradePath: 'phonefactor-agent' }), portal('WEB01', sdk('MFA01'))],
    },
    {
      name: 'one server of the group holds it: enough',
      hosts: [
        host('MFA01', { ...done, roles: roles('primary'), installers: bare }),
        host('MFA02', { ...done, roles: roles('subordinate') }),
        portal('WEB01', sdk('MFA01')),
      ],
    },
    {
      name: 'the other deployment serves the portal',
      hosts: [
        host('MFA01', { ...done, roles: roles('primary'), installers: bare }),
        host('MFA11', { ...done, roles: roles('primary', 'EU') }),
        portal('WEB11', sdk('MFA11')),
      ],
    },
  ],
  invalid: [
    {
      name: 'a group at the target whose servers all lack the portal MSI: once, on the primary',
      hosts: [
        host('MFA01', { ...done, roles: roles('primary'), installers: { folder: MFA_DIR, present: [MOBILE_MSI, ADFS_MSI] } }),
        host('MFA02', { ...done, roles: roles('subordinate'), installers: bare }),
        portal('WEB01', sdk('MFA02')),
      ],
      findings: [
        {
          host: 'MFA01',
          messageId: 'fleetDeploymentMissing',
          data: { installer: PORTAL_MSI, deployment: 'group HQ', clients: 'WEB01', host: 'MFA01', target: '8.1' },
          severity: 'high',
        },
      ],
    },
    {
      name: 'saved reports do not say: one unknown for the deployment',
      hosts: [host('MFA01', { ...done, status: 'read', installers: null }), portal('WEB01', sdk('MFA01'))],
      findings: [
        {
          host: 'MFA01',
          messageId: 'fleetDeploymentUnknown',
          data: { deployment: 'server MFA01', installers: PORTAL_MSI, clients: 'WEB01', why: 'read from saved reports' },
          severity: 'high',
          outcome: 'unknown',
        },
      ],
    },
  ],
});
