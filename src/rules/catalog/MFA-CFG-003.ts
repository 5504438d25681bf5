import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-CFG-003',
    title: 'IIS uses shared configuration: virtual directories are unknown',
    severity: 'medium',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'rules.md', section: 'Virtual directories and URLs' },
    description: 'redirection.config points IIS at a configuration elsewhere; the local applicationHost.config is not what IIS runs. Scan with a copy of the shared applicationHost.config.',
  },
  check({ facts }) {
    const s = facts.iis.sharedConfig;
    if (!s?.enabled) return [];
    return [{
      message: `IIS reads its configuration from ${s.path ?? 'a shared location'} (redirection.config): virtual directories are unknown. Copy that applicationHost.config into the bundle.`,
      evidence: [{ source: 'iis', location: 'C:\\Windows\\System32\\inetsrv\\config\\redirection.config', observed: `configurationRedirection enabled, path ${s.path ?? '?'}` }],
      key: 'redirection',
    }];
  },
});
