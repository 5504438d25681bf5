import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { mustChange, utilityPresent } from '../migration.js';

const KEY = 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';
const short = (k: string) => k.replace(/^HKEY_LOCAL_MACHINE\\/i, 'HKLM\\');

export default defineRule({
  meta: {
    id: 'MFA-MIG-004',
    title: 'The Migration Utility is not configured: StsUrl or GraphUrl is missing',
    severity: 'high',
    severityNote:
      'high where one of the two values is set and the other is not (a configure run that stopped half way); info where the utility is installed and neither is set yet (the configure step is next).',
    component: 'server',
    stages: ['pre'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [STEP.migrateConfigureUtility],
    seed: { file: 'rules.md', section: 'MFA Server migration: Configure the MFA Server Migration Utility' },
    procedure: 'migrate-configure',
    description:
      'After Configure-MultiFactorAuthMigrationUtility.ps1 has run, StsUrl and GraphUrl are both set under the PhoneFactor key. One without the other means the script stopped; neither, on a server with the utility, means it has not run yet.',
    messages: {
      half: '{{present}} is set under the PhoneFactor key but {{absent}} is not: the configure script did not finish. Run Configure-MultiFactorAuthMigrationUtility.ps1 again in an elevated PowerShell.',
      notYet:
        'The Migration Utility is installed but not configured yet (no StsUrl or GraphUrl under {{key}}): run Configure-MultiFactorAuthMigrationUtility.ps1, then grant admin consent.',
      unknownRegistry:
        'The registry export does not cover the PhoneFactor key, so whether StsUrl and GraphUrl are set is not known: export {{key}} with the bundle.',
    },
  },
  check({ facts }) {
    const m = facts.migration;
    if (!mustChange(facts) || !m) return [];
    const loc = (name: string, key?: string) => `${key ? short(key) : KEY}\\${name}`;
    if (!!m.stsUrl !== !!m.graphUrl) {
      const [present, absent] = m.stsUrl ? ['StsUrl', 'GraphUrl'] : ['GraphUrl', 'StsUrl'];
      const set = (m.stsUrl ?? m.graphUrl)!;
      return [
        {
          messageId: 'half',
          data: { present, absent },
          evidence: [
            { source: 'registry', location: loc(present, set.key), observed: set.value },
            { source: 'registry', location: loc(absent, set.key), observed: 'absent' },
          ],
          key: 'utility-config',
        },
      ];
    }
    if (m.stsUrl || utilityPresent(facts) !== true) return [];
    if (!m.registryKnown) {
      return [
        {
          messageId: 'unknownRegistry',
          outcome: 'unknown',
          severity: 'info',
          data: { key: KEY },
          evidence: [{ source: 'registry', location: KEY, observed: 'not in the registry exports' }],
          key: 'utility-config',
        },
      ];
    }
    return [
      {
        messageId: 'notYet',
        severity: 'info',
        data: { key: KEY },
        evidence: [
          { source: 'registry', location: loc('StsUrl'), observed: 'absent' },
          { source: 'registry', location: loc('GraphUrl'), observed: 'absent' },
        ],
        key: 'utility-config',
      },
    ];
  },
});
