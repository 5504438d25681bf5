import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-CFG-002',
    title: 'A config file the scan needs cannot be parsed',
    severity: 'high',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Virtual directories and URLs' },
    description: 'A web.config, applicationHost.config or adapter config exists but is not well-formed; IIS or the installer will fail on it too, and the findings that rest on it are unknown.',
  },
  check({ facts }) {
    return facts.configErrors.map((e) => ({
      message: `${e.path} cannot be parsed: ${e.message}`,
      evidence: [{ source: 'file' as const, location: e.path, observed: e.message }],
      key: e.path.toLowerCase(),
    }));
  },
});
