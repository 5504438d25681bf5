import type { FleetHit } from '../types.js';
import { defineFleetRule, hostsForUrl, isClientHost, isMfaHost } from './helpers.js';

/** The Web Service SDK's default virtual directory from MFA Server on (pf-install-2). */
export const NEW_SDK_VDIR = 'MultiFactorAuthWebServiceSdk';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-010',
    title: "The SDK's virtual directory changes on the PhoneFactor path: these applications use it",
    severity: 'high',
    component: 'web-service-sdk',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Install the Multifactor Authentication Server, step 2' },
    procedure: 'pf-install-2',
    description:
      'Where MFA Server replaces a PhoneFactor Agent, the Web Service SDK is uninstalled and installed again from the MFA Server UI, which proposes a new virtual directory (MultiFactorAuthWebServiceSdk instead of PhoneFactorWebServiceSdk). Every User Portal, Mobile App Web Service and AD FS adapter that reaches the SDK under the old name, on that server and on the other servers of the fleet (by SDK URL, also through a load-balancer alias), stops working if the new default is taken. The finding names them, so the person at the installer types the old name or has a list of configs to change.',
    messages: {
      consumers:
        'On {{server}} the Web Service SDK ({{vdir}}) is reinstalled with MFA Server, whose installer proposes /{{newVdir}}. These use {{vdir}}: {{consumers}}. Type {{vdirName}} as the virtual directory when installing the SDK, or change each of them to /{{newVdir}} in the window.',
    },
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    for (const server of ctx.hosts.filter((h) => isMfaHost(h) && h.upgradePath === 'phonefactor-agent')) {
      const sdk = server.components.find((c) => c.component === 'web-service-sdk' && c.virtualDirectory);
      const vdirName = sdk?.virtualDirectory?.split('/').filter(Boolean)[0];
      if (!vdirName || vdirName.toLowerCase() === NEW_SDK_VDIR.toLowerCase()) continue;
      const uses: { host: string; component: string; file: string; url: string }[] = [];
      // Its own configs (a portal or Mobile App Web Service beside the agent: localhost or its own name) ...
      for (const u of server.sdkUrls ?? []) {
        if (u.vdir.toLowerCase() !== vdirName.toLowerCase()) continue;
        if (u.host === 'localhost' || u.host === '127.0.0.1' || hostsForUrl(ctx, u.host).includes(server))
          uses.push({ host: server.name, component: u.component, file: u.file, url: u.url });
      }
      // ... and the other servers' configs that name it (or a name it answers to).
      for (const h of ctx.hosts.filter(isClientHost)) {
        for (const u of h.sdkUrls ?? []) {
          if (u.vdir.toLowerCase() === vdirName.toLowerCase() && hostsForUrl(ctx, u.host).includes(server))
            uses.push({ host: h.name, component: u.component, file: u.file, url: u.url });
        }
      }
      if (uses.length === 0) continue;
      hits.push({
        host: server.name,
        messageId: 'consumers',
        data: {
          server: server.name,
          vdir: sdk.virtualDirectory!,
          newVdir: NEW_SDK_VDIR,
          vdirName,
          consumers: uses.map((u) => `${u.host} ${u.component} (${u.file})`).join('; '),
        },
        evidence: uses.map((u) => ({ source: 'file' as const, location: u.file, observed: `${u.host}: ${u.url}` })),
        key: `sdk-consumers|${vdirName.toLowerCase()}`,
      });
    }
    return hits;
  },
});
