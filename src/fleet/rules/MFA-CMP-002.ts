import type { ComponentId } from '../../types.js';
import { INSTALLERS } from '../../probes/index.js';
import { defineFleetRule, FLEET_SEED, isClientHost, isMfaHost } from './helpers.js';

/**
 * MFA-CMP-002 judged in the fleet (rules.md): the fleet knows which web and AD FS servers exist, so each MFA
 * Server's install folder must hold their installers. Same id as the host rule, so waivers carry over.
 */
export default defineFleetRule({
  meta: {
    id: 'MFA-CMP-002', title: 'The MFA Server\'s install folder lacks an installer another host needs', severity: 'high', component: 'server', stages: 'all', pendingOnly: false, planSteps: [],
    seed: { file: FLEET_SEED, section: 'Upgrade the User Portal, step 3; Upgrade the AD FS Adapters, step 2' },
    description: 'In a fleet with separate User Portal, Mobile App Web Service or AD FS servers, each MFA Server\'s install folder must hold their MSIs (copied from there after the upgrade). Unknown where the folder could not be checked (a saved report).',
  },
  check(ctx) {
    const needed = new Set<string>();
    for (const h of ctx.hosts.filter(isClientHost)) {
      if (h.upgradePath === 'none') continue;
      for (const c of h.components) {
        const msi = INSTALLERS[c.component as ComponentId];
        if (msi) needed.add(msi);
      }
    }
    if (needed.size === 0) return [];
    const hits = [];
    for (const h of ctx.hosts.filter(isMfaHost)) {
      const want = [...needed].sort();
      if (!h.installers) {
        hits.push({ host: h.name, outcome: 'unknown' as const, message: `Whether ${h.name}'s install folder holds ${want.join(', ')} could not be checked (${h.status === 'read' ? 'read from a saved report' : 'no install folder found'}).`, evidence: [{ source: 'file' as const, location: h.target, observed: 'install folder not checked' }], key: 'installers-unknown' });
        continue;
      }
      for (const n of want.filter((n) => !h.installers!.present.some((p) => p.toLowerCase() === n.toLowerCase()))) {
        hits.push({
          host: h.name,
          message: `${n} is not in ${h.installers.folder} on ${h.name}, and a server of this fleet needs it. After the upgrade, get it from the latest MFA Server release.`,
          evidence: [{ source: 'file' as const, location: `${h.installers.folder}\\${n}`, observed: 'not found' }],
          key: n.toLowerCase(),
        });
      }
    }
    return hits;
  },
});
