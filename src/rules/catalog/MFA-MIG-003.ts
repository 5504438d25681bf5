import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { cloudOf, mustChange } from '../migration.js';

const short = (k: string) => k.replace(/^HKEY_LOCAL_MACHINE\\/i, 'HKLM\\');

export default defineRule({
  meta: {
    id: 'MFA-MIG-003',
    title: 'StsUrl and GraphUrl name different clouds',
    severity: 'critical',
    component: 'server',
    stages: ['pre', 'post'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [STEP.migrateConfigureUtility],
    seed: { file: 'rules.md', section: 'MFA Server migration: Configure the MFA Server Migration Utility' },
    procedure: 'migrate-configure',
    description:
      'The StsUrl and GraphUrl values the configure script writes under the PhoneFactor key must name one cloud: both commercial (.com) or both US government (.us). A mix sends the utility to one cloud for sign-in and another for Graph.',
    messages: {
      mixed:
        'StsUrl ({{sts}}) is {{stsCloud}} but GraphUrl ({{graph}}) is {{graphCloud}}: edit the configure script so every endpoint is .com (commercial) or every one .us (government), and run it again.',
    },
  },
  check({ facts }) {
    const m = facts.migration;
    if (!mustChange(facts) || !m?.stsUrl || !m.graphUrl) return [];
    const sts = cloudOf(m.stsUrl.value);
    const graph = cloudOf(m.graphUrl.value);
    if (!sts || !graph || sts === graph) return [];
    return [
      {
        messageId: 'mixed',
        data: { sts: m.stsUrl.value, graph: m.graphUrl.value, stsCloud: sts, graphCloud: graph },
        evidence: [
          { source: 'registry', location: `${short(m.stsUrl.key)}\\StsUrl`, observed: m.stsUrl.value },
          { source: 'registry', location: `${short(m.graphUrl.key)}\\GraphUrl`, observed: m.graphUrl.value },
        ],
        key: 'cloud-mix',
      },
    ];
  },
});
