import { defineRule } from '../types.js';
import { migrationRole } from '../migration.js';

export default defineRule({
  meta: {
    id: 'MFA-MIG-010',
    title: 'RADIUS and LDAP clients of the MFA Server need a way forward',
    severity: 'medium',
    component: 'server',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'MFA Server migration: Authentication services' },
    procedure: 'migrate-dependencies',
    description:
      'The RADIUS and LDAP clients an MFA Server proxies live in its data file, which no bundle shows: always unknown, with where to look and the way forward for each kind.',
    messages: {
      look: 'Which RADIUS and LDAP clients use {{host}} cannot be read from a bundle. In the MFA Server UI open RADIUS Authentication and LDAP Authentication and list the clients: federate those that support modern authentication with Microsoft Entra ID, put RADIUS ones behind an NPS server with the Microsoft Entra MFA NPS extension, and check Microsoft Entra Domain Services for LDAP ones.',
    },
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'mfa-host' || migrationRole(facts) === 'migration-server') return [];
    return [
      {
        messageId: 'look',
        outcome: 'unknown',
        data: { host: facts.host.name ?? 'this MFA Server' },
        evidence: [
          {
            source: 'file',
            location: facts.dataFile?.original.path ?? 'Data\\PhoneFactor.pfdata',
            observed: 'RADIUS and LDAP clients are kept in the data file: see MFA Server UI > RADIUS Authentication / LDAP Authentication',
          },
        ],
        key: 'radius-ldap',
      },
    ];
  },
});
