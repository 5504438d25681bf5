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
    description: 'An MFA host whose Data\\PhoneFactor.pfdata is neither on disk nor described in manifest.json: the installer would find nothing to upgrade, or the copy left it out.',
  },
  check({ facts }) {
    if (facts.host.hostRole !== 'mfa-host') return [];
    const d = facts.dataFile;
    if (d && d.original.exists) return [];
    // Not "missing" where its folder could not be read: MFA-BKP-001 reports that as unknown.
    if (d?.original.unreadable) return [];
    const where = d?.original.path ?? '<install path>\\Data\\PhoneFactor.pfdata';
    // The install path is on a drive this copy does not have: the data file cannot be looked for.
    if (!d && facts.installPaths.length > 0 && facts.installPaths.every((p) => p.exists !== false) && facts.installPaths.some((p) => p.exists === null)) {
      return [{
        outcome: 'unknown',
        message: `The install path ${facts.installPaths[0]!.path} is on a drive this copy does not have, so the data file cannot be checked.`,
        evidence: [facts.installPaths[0]!.evidence],
        key: where.toLowerCase(),
      }];
    }
    return [{
      message: `The data file ${where} is not there (not on disk and not in manifest.json). If the bundle left it out, describe it in manifest.json; if it is really missing, find the data before upgrading.`,
      evidence: [{ source: 'file', location: where, observed: 'not found' }],
      key: where.toLowerCase(),
    }];
  },
});
