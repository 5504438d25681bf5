import type { FleetHit } from '../types.js';
import { defineFleetRule, FLEET_SEED, hostsForUrl, isClientHost, usable } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-006',
    title: 'An SDK URL names a virtual directory its server does not have',
    severity: 'high',
    component: 'web-service-sdk',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 6' },
    procedure: 'inplace-server-6',
    description:
      "The SDK URL of a User Portal, Mobile App Web Service or AD FS adapter names a fleet host but a virtual directory IIS on that host does not serve (for example /PhoneFactorWebServiceSdk after the SDK moved to /MultiFactorAuthWebServiceSdk). Where the URL names a load-balancer or DNS alias (bundle.json `aliases`), every server behind it must serve the SDK under the URL's virtual directory: a member serving /MFASDK behind a pool URL of /MultiFactorAuthWebServiceSdk fails every request the balancer sends it. Unknown where that host's IIS applications are not known.",
    messages: {
      unknown: "{{file}} on {{host}} points at {{url}}, and {{server}}'s virtual directories are not known ({{why}}).",
      notServed:
        "{{file}} on {{host}} points at {{url}}, but {{server}} has no /{{vdir}} virtual directory (it serves {{served}}). Point the config at the SDK's virtual directory, or keep the old name when installing the SDK.",
      poolMember:
        '{{file}} on {{host}} points at {{url}}, a name shared by {{members}}; {{server}} has no /{{vdir}} virtual directory (it serves {{served}}), so every request the load balancer sends it fails. Serve the SDK under /{{vdir}} on every server behind the name (type {{vdir}} as the virtual directory when installing the SDK there).',
    },
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    for (const h of ctx.hosts.filter(isClientHost)) {
      for (const u of h.sdkUrls ?? []) {
        const servers = hostsForUrl(ctx, u.host);
        const pool = servers.length > 1;
        for (const server of servers) {
          const ev = { source: 'file' as const, location: u.file, observed: `${h.name}: ${u.url}` };
          const served = [
            ...(server.virtualDirectories ?? []),
            ...server.components.map((c) => c.virtualDirectory).filter((v): v is string => !!v),
          ].map((p) => p.split('/').filter(Boolean)[0]);
          if (
            !usable(server) ||
            (server.virtualDirectories === null && !server.components.some((c) => c.component === 'web-service-sdk' && c.virtualDirectory))
          ) {
            hits.push({
              host: h.name,
              outcome: 'unknown' as const,
              component: u.component,
              messageId: 'unknown',
              data: {
                file: u.file,
                host: h.name,
                url: u.url,
                server: server.name,
                why: server.status === 'failed' ? `its target failed: ${server.reason}` : 'no IIS configuration in its report',
              },
              evidence: [ev],
              key: `${u.file}|${u.url}${pool ? `|${server.name}` : ''}`.toLowerCase(),
            });
            continue;
          }
          if (served.some((v) => v?.toLowerCase() === u.vdir.toLowerCase())) continue;
          hits.push({
            host: h.name,
            component: u.component,
            messageId: pool ? 'poolMember' : 'notServed',
            data: {
              file: u.file,
              host: h.name,
              url: u.url,
              server: server.name,
              vdir: u.vdir,
              served:
                [...new Map(served.filter((v): v is string => !!v).map((v) => [v.toLowerCase(), v])).values()]
                  .map((v) => `/${v}`)
                  .join(', ') || 'none',
              members: servers.map((x) => x.name).join(', '),
            },
            evidence: [
              ev,
              {
                source: 'iis' as const,
                location: `${server.target}`,
                observed: `${server.name} applications: ${(server.virtualDirectories ?? []).join(', ') || 'none'}`,
              },
            ],
            key: `${u.file}|${u.url}${pool ? `|${server.name}` : ''}`.toLowerCase(),
          });
        }
      }
    }
    return hits;
  },
});
