import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-BKP-003',
    title: 'The data file is missing from the install path',
    severity: 'high',
    component: 'data',
    stages: ['pre'],
    pendingOnly: true,
    planSteps: [STEP.backupData],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Install the Multifactor Authentication Server' },
    procedure: 'pf-install-path',
    description:
      'An MFA host whose Data\\PhoneFactor.pfdata is neither on disk nor described in manifest.json: the installer would find nothing to upgrade, or the copy left it out.',
    messages: {
      driveMissing: 'The install path {{installPath}} is on a drive this copy does not have, so the data file cannot be checked.',
      missing:
        'The data file {{path}} is not there (not on disk and not in manifest.json). If the bundle left it out, describe it in manifest.json; if it is really missing, find the data before upgrading.',
    },
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'mfa-host') return [];
    const d = facts.dataFile;
    if (d && d.original.exists) return [];
    // Not "missing" where its folder could not be read: MFA-BKP-001 reports that as unknown.
    if (d?.original.unreadable) return [];
    const where = d?.original.path ?? '<install path>\\Data\\PhoneFactor.pfdata';
    // The install path is on a drive this copy does not have: the data file cannot be looked for.
    if (
      !d &&
      facts.installPaths.length > 0 &&
      facts.installPaths.every((p) => p.exists !== false) &&
      facts.installPaths.some((p) => p.exists === null)
    ) {
      return [
        {
          outcome: 'unknown',
          messageId: 'driveMissing',
          data: { installPath: facts.installPaths[0].path },
          evidence: [facts.installPaths[0].evidence],
          key: where.toLowerCase(),
        },
      ];
    }
    return [
      {
        messageId: 'missing',
        data: { path: where },
        evidence: [{ source: 'file', location: where, observed: 'not found' }],
        key: where.toLowerCase(),
      },
    ];
  },
});
