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
    procedure: 'tool-config',
    description:
      'redirection.config points IIS at a configuration elsewhere; the local applicationHost.config is not what IIS runs. Scan with a copy of the shared applicationHost.config.',
    messages: {
      shared:
        'IIS reads its configuration from {{where}} (redirection.config): virtual directories are unknown. Copy that applicationHost.config into the bundle.',
    },
  },
  check({ facts }) {
    const s = facts.iis.sharedConfig;
    if (!s?.enabled) return [];
    return [
      {
        messageId: 'shared',
        data: { where: s.path ?? 'a shared location' },
        evidence: [
          {
            source: 'iis',
            location: 'C:\\Windows\\System32\\inetsrv\\config\\redirection.config',
            observed: `configurationRedirection enabled, path ${s.path ?? '?'}`,
          },
        ],
        key: 'redirection',
      },
    ];
  },
});
