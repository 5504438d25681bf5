import { defineRule } from '../types.js';
import { cloudOfValues, mustChange } from '../migration.js';

const ENDPOINTS = {
  commercial: 'https://graph.microsoft.com and https://login.microsoftonline.com',
  government: 'https://graph.microsoft.us and https://login.microsoftonline.us',
} as const;

export default defineRule({
  meta: {
    id: 'MFA-MIG-011',
    title: 'Outbound access to Microsoft Graph and the sign-in endpoint cannot be seen in a bundle',
    severity: 'medium',
    component: 'server',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'MFA Server migration: Configure the MFA Server Migration Utility' },
    procedure: 'migrate-configure',
    description:
      'The server that runs the Migration Utility reaches Microsoft Graph and the Microsoft Entra sign-in endpoint of its cloud (.com commercial, .us government). Proxies and firewalls are not in a bundle: always unknown, with the addresses to test.',
    messages: {
      test: 'Test from {{host}} that {{endpoints}} are reachable (proxy and firewall rules){{cloudNote}}.',
    },
  },
  check({ facts }) {
    if (!mustChange(facts)) return [];
    const cloud = cloudOfValues(facts);
    const endpoints =
      cloud === 'government'
        ? ENDPOINTS.government
        : cloud === 'commercial'
          ? ENDPOINTS.commercial
          : `${ENDPOINTS.commercial} (or ${ENDPOINTS.government} for the US government cloud)`;
    return [
      {
        messageId: 'test',
        outcome: 'unknown',
        data: {
          host: facts.host.name ?? 'this server',
          endpoints,
          cloudNote: cloud === 'mixed' ? '; StsUrl and GraphUrl name different clouds (MFA-MIG-003): settle the cloud first' : '',
        },
        evidence: [
          {
            source: 'bundle',
            location: 'outbound HTTPS from this server',
            observed: 'not recorded in a bundle: test with Invoke-WebRequest or curl from the server',
          },
        ],
        key: 'outbound',
      },
    ];
  },
});
