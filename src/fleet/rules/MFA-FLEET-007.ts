import type { FleetHit } from '../types.js';
import { defineFleetRule, FLEET_SEED, hostsForUrl, isClientHost, isMfaHost } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-007',
    title: "A web or AD FS server's MFA Server is not in the fleet",
    severity: 'high',
    component: 'host',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade the User Portal; Upgrade the AD FS Adapters' },
    procedure: 'inplace-portal-3',
    description:
      "User Portal, Mobile App Web Service and AD FS servers are upgraded after their MFA Servers, from the installers in an upgraded MFA Server's install folder. Where none of the MFA Servers the host points at (by SDK URL; any, where its URLs are unknown) is in this fleet, the plan lacks what must come first.",
    messages: {
      noServer:
        "{{host}} ({{hostRole}}) is upgraded from an upgraded MFA Server's installers, but {{why}}. Add its MFA Servers so they come first in the plan.",
    },
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    const mfa = ctx.hosts.filter(isMfaHost);
    for (const h of ctx.hosts.filter(isClientHost)) {
      if (h.upgradePath === 'none') continue;
      const named = (h.sdkUrls ?? []).flatMap((u) => hostsForUrl(ctx, u.host)).filter(isMfaHost);
      const ok = h.sdkUrls && h.sdkUrls.length ? named.length > 0 : mfa.length > 0;
      if (ok) continue;
      const why =
        h.sdkUrls && h.sdkUrls.length
          ? `its SDK URLs name ${[...new Set(h.sdkUrls.map((u) => u.host))].join(', ')}, none of them an MFA Server of this fleet`
          : 'this fleet holds no MFA Server';
      hits.push({
        host: h.name,
        messageId: 'noServer',
        data: { host: h.name, hostRole: String(h.hostRole), why },
        evidence: [
          {
            source: 'file' as const,
            location: h.target,
            observed: `${h.name}: ${h.components.map((c) => `${c.component} ${c.version ?? '?'}`).join(', ')}`,
          },
        ],
        key: 'mfa-server-missing',
      });
    }
    return hits;
  },
});
