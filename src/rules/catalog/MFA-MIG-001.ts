import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { belowMinimum, mfaServerOf, migrationRole, mustChange, UTILITY_BUILD } from '../migration.js';

export default defineRule({
  meta: {
    id: 'MFA-MIG-001',
    title: 'The MFA Server build lacks the Migration Utility',
    severity: 'medium',
    component: 'server',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [STEP.migrateKeepInstaller, STEP.backupData, STEP.installServer],
    seed: { file: 'rules.md', section: 'MFA Server migration: Install MFA Server update' },
    procedure: 'migrate-overview',
    description: `On the server that runs the Migration Utility (the primary, or the dedicated migration server), the utility's files are not in the MFA Server install folder: the ${UTILITY_BUILD} build that carries them is to be installed in place.`,
    messages: {
      missing:
        'The {{role}} runs MFA Server {{version}}, whose install folder {{folder}} lacks {{files}}: install the {{build}} build in place to get the Migration Utility.',
      unreadable: 'Whether the Migration Utility is in {{folder}} is not known (the folder could not be read): look for {{files}} there.',
      noFolder:
        'The MFA Server install folder of the {{role}} is not known, so whether it has the Migration Utility is not known: look for MultiFactorAuthMigrationUtilityUI.exe in it.',
    },
  },
  check({ facts }) {
    if (!mustChange(facts) || belowMinimum(facts)) return [];
    const role = migrationRole(facts) === 'migration-server' ? 'dedicated migration server' : 'primary MFA Server';
    const m = facts.migration;
    if (!m || !m.folder || m.files.length === 0) {
      return [
        {
          messageId: 'noFolder',
          outcome: 'unknown',
          data: { role },
          evidence: [
            {
              source: 'registry',
              location: 'HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor\\InstallPath',
              observed: 'no install folder found',
            },
          ],
          key: 'utility-folder',
        },
      ];
    }
    const missing = m.files.filter((f) => f.present === false);
    if (missing.length) {
      return [
        {
          messageId: 'missing',
          data: {
            role,
            version: mfaServerOf(facts)?.version ?? 'of unknown version',
            folder: m.folder,
            files: missing.map((f) => f.name).join(' and '),
            build: UTILITY_BUILD,
          },
          evidence: missing.map((f) => ({ source: 'file' as const, location: f.path, observed: 'not found' })),
          key: 'utility-files',
        },
      ];
    }
    const unknown = m.files.filter((f) => f.present === null);
    if (unknown.length) {
      return [
        {
          messageId: 'unreadable',
          outcome: 'unknown',
          data: { folder: m.folder, files: unknown.map((f) => f.name).join(' and ') },
          evidence: unknown.map((f) => ({ source: 'file' as const, location: f.path, observed: 'folder could not be read' })),
          key: 'utility-files',
        },
      ];
    }
    return [];
  },
});
