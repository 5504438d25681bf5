import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { backupEvidence } from '../helpers.js';
import { migrationRole, needsUtilityBuild } from '../migration.js';

export default defineRule({
  meta: {
    id: 'MFA-MIG-007',
    title: "The primary's data file has no current backup for a rollback of the migration build",
    severity: 'critical',
    component: 'data',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [STEP.backupData],
    seed: { file: 'rules.md', section: 'MFA Server migration: Backup MFA Server datafile' },
    procedure: 'migrate-backup',
    description:
      "The migration build upgrades the primary's data file in place; the rollback puts a copy back. No copy as new as the data file was found beside it, in its parent folder or in a backup folder.",
    messages: {
      none: 'No backup of the data file {{path}} was found: copy it right before running the installer (changes after the copy are lost on a rollback), and keep the installer of the version installed now.',
      stale:
        'The backups of the data file {{path}} are older than the file itself ({{count}} found): copy it again right before running the installer.',
      unreadable:
        'Whether the data file {{path}} has a current backup cannot be told (its folder could not be read): check it by hand before the install.',
      missing:
        'The data file {{path}} is not in the install folder, so there is nothing to roll back to: find where this server keeps it before the install.',
    },
  },
  check({ facts }) {
    const d = facts.dataFile;
    if (!d || migrationRole(facts) === 'migration-server' || !needsUtilityBuild(facts)) return [];
    const key = d.original.path.toLowerCase();
    if (!d.original.exists) {
      if (d.original.unreadable)
        return [
          {
            messageId: 'unreadable',
            outcome: 'unknown',
            data: { path: d.original.path },
            evidence: [{ source: 'file', location: d.original.path, observed: 'its folder could not be read' }],
            key,
          },
        ];
      return [
        {
          messageId: 'missing',
          severity: 'high',
          data: { path: d.original.path },
          evidence: [{ source: 'file', location: d.original.path, observed: 'not found' }],
          key,
        },
      ];
    }
    if (d.candidates.length === 0) return [{ messageId: 'none', data: { path: d.original.path }, evidence: backupEvidence(d), key }];
    if (d.candidates.some((c) => c.current)) return [];
    return [{ messageId: 'stale', data: { path: d.original.path, count: d.candidates.length }, evidence: backupEvidence(d), key }];
  },
});
