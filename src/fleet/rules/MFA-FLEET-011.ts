import type { FleetHit } from '../types.js';
import { defineFleetRule, FLEET_SEED, rolesEvidence, usable } from './helpers.js';

export default defineFleetRule({
  meta: {
    id: 'MFA-FLEET-011',
    title: 'An AD FS farm of one server: the adapter upgrade is an outage',
    severity: 'medium',
    component: 'adfs-adapter',
    stages: 'all',
    pendingOnly: false,
    planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade the AD FS Adapters, steps 1-10' },
    procedure: 'inplace-adfs-1',
    description:
      'The procedure takes part of the AD FS farm out of service while the rest keeps serving. A farm with one AD FS server (or an AD FS server whose farm bundle.json does not name, taken as a farm of its own) has nothing that keeps serving: from the adapter install until AzureMfaServerAuthentication is checked again, sign-ins through AD FS get no MFA Server second factor. The fleet plans it as one wave (adfs-single) and says so; announce the outage, or add a second AD FS server to the farm first.',
    messages: {
      single:
        "{{farm}} has one AD FS server in this fleet ({{host}}): upgrading its adapter is an outage of MFA sign-in through AD FS, from the adapter install until AzureMfaServerAuthentication is checked again. Plan and announce it as an outage (one wave, kind adfs-single), or add the farm's other servers to the fleet if it has some.",
    },
  },
  check(ctx) {
    const farms = new Map<string, (typeof ctx.hosts)[number][]>();
    for (const h of ctx.hosts) {
      if (!usable(h) || h.upgradePath === 'none' || h.upgradePath === null || !h.components.some((c) => c.component === 'adfs-adapter'))
        continue;
      const f = h.roles?.adfsFarm ?? `(${h.name})`;
      farms.set(f, [...(farms.get(f) ?? []), h]);
    }
    const hits: FleetHit[] = [];
    for (const [farm, members] of [...farms].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (members.length !== 1) continue;
      const h = members[0];
      hits.push({
        host: h.name,
        messageId: 'single',
        data: { farm: h.roles?.adfsFarm ? `AD FS farm ${farm}` : `${h.name}'s AD FS farm (not named in bundle.json)`, host: h.name },
        evidence: [rolesEvidence(h)],
        key: `farm:${farm.toLowerCase()}`,
      });
    }
    return hits;
  },
});
