import { defineFleetRule, FLEET_SEED, hostForUrl, isClientHost, usable } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-006', title: 'An SDK URL names a virtual directory its server does not have', severity: 'high', component: 'web-service-sdk', stages: 'all', pendingOnly: false, planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade Microsoft Entra Multifactor Authentication Server, step 6' },
    description: 'The SDK URL of a User Portal, Mobile App Web Service or AD FS adapter names a fleet host but a virtual directory IIS on that host does not serve (for example /PhoneFactorWebServiceSdk after the SDK moved to /MultiFactorAuthWebServiceSdk). Unknown where that host\'s IIS applications are not known.',
  },
  check(ctx) {
    const hits = [];
    for (const h of ctx.hosts.filter(isClientHost)) {
      for (const u of h.sdkUrls ?? []) {
        const server = hostForUrl(ctx, u.host);
        if (!server) continue;
        const ev = { source: 'file' as const, location: u.file, observed: `${h.name}: ${u.url}` };
        const served = [
          ...(server.virtualDirectories ?? []),
          ...server.components.map((c) => c.virtualDirectory).filter((v): v is string => !!v),
        ].map((p) => p.split('/').filter(Boolean)[0]?.toLowerCase());
        if (!usable(server) || (server.virtualDirectories === null && !server.components.some((c) => c.component === 'web-service-sdk' && c.virtualDirectory))) {
          hits.push({ host: h.name, outcome: 'unknown' as const, component: u.component, message: `${u.file} on ${h.name} points at ${u.url}, and ${server.name}'s virtual directories are not known (${server.status === 'failed' ? `its target failed: ${server.reason}` : 'no IIS configuration in its report'}).`, evidence: [ev], key: `${u.file}|${u.url}`.toLowerCase() });
          continue;
        }
        if (served.includes(u.vdir.toLowerCase())) continue;
        hits.push({
          host: h.name, component: u.component,
          message: `${u.file} on ${h.name} points at ${u.url}, but ${server.name} has no /${u.vdir} virtual directory (it serves ${[...new Set(served.filter(Boolean))].map((v) => `/${v}`).join(', ') || 'none'}). Point the config at the SDK's virtual directory, or keep the old name when installing the SDK.`,
          evidence: [ev, { source: 'iis' as const, location: `${server.target}`, observed: `${server.name} applications: ${(server.virtualDirectories ?? []).join(', ') || 'none'}` }],
          key: `${u.file}|${u.url}`.toLowerCase(),
        });
      }
    }
    return hits;
  },
});
