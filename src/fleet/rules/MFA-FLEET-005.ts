import type { FleetHit } from '../types.js';
import { defineFleetRule, FLEET_SEED, hostForUrl, isClientHost } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-005',
    title: 'An SDK URL points at a host that is not in the fleet',
    severity: 'medium',
    component: 'web-service-sdk',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade the User Portal, step 4; Upgrade the AD FS Adapters' },
    procedure: 'inplace-portal-4',
    description:
      "A User Portal, Mobile App Web Service or AD FS adapter reaches the Web Service SDK by URL. Where that URL names a server the fleet does not hold, its upgrade is not in this plan (or the name is a load-balancer or DNS alias that no bundle.json lists in `aliases`). Outcome unknown where the host's report does not give its SDK URLs.",
    messages: {
      unknown:
        "{{host}}'s report does not give the SDK URL its {{components}} config points at, so whether that server is in this fleet cannot be told.",
      notInFleet:
        "{{file}} on {{host}} points at {{url}}; no host of this fleet is {{urlHost}}. Add that MFA Server's bundle so its upgrade is planned first; where {{urlHost}} is a load-balancer or DNS alias, name it in the bundle.json `aliases` of the servers behind it (`collect --alias {{urlHost}}`) so the fleet checks each of them.",
    },
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    for (const h of ctx.hosts.filter(isClientHost)) {
      const clients = h.components.filter(
        (c) => c.component === 'user-portal' || c.component === 'mobile-app' || c.component === 'adfs-adapter',
      );
      if (clients.length === 0) continue;
      if (h.sdkUrls === null) {
        hits.push({
          host: h.name,
          outcome: 'unknown' as const,
          component: clients[0].component,
          messageId: 'unknown',
          data: { host: h.name, components: clients.map((c) => c.component).join(', ') },
          evidence: [{ source: 'file' as const, location: h.target, observed: `${h.name}: no SDK URL in the report` }],
          key: 'sdk-urls-unknown',
        });
        continue;
      }
      for (const u of h.sdkUrls) {
        if (hostForUrl(ctx, u.host)) continue;
        hits.push({
          host: h.name,
          component: u.component,
          messageId: 'notInFleet',
          data: { file: u.file, host: h.name, url: u.url, urlHost: u.host },
          evidence: [{ source: 'file' as const, location: u.file, observed: `${h.name}: ${u.url}` }],
          key: `${u.file}|${u.url}`.toLowerCase(),
        });
      }
    }
    return hits;
  },
});
