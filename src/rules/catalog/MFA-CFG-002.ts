import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-CFG-002',
    title: 'A config file the scan needs cannot be parsed',
    severity: 'high',
    component: 'host',
    stages: 'all',
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Virtual directories and URLs' },
    procedure: 'tool-config',
    description:
      'A web.config, applicationHost.config or adapter config exists but is not well-formed; IIS or the installer will fail on it too, and the findings that rest on it are unknown.',
    messages: {
      unparsable: '{{path}} cannot be parsed: {{why}}',
    },
  },
  check({ facts }) {
    return facts.configErrors.map((e) => ({
      messageId: 'unparsable',
      data: { path: e.path, why: e.message },
      evidence: [{ source: 'file' as const, location: e.path, observed: e.message }],
      key: e.path.toLowerCase(),
    }));
  },
});
