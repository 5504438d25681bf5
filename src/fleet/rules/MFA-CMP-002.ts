import type { ComponentId } from '../../types.js';
import { INSTALLERS } from '../../util/product.js';
import hostRule from '../../rules/catalog/MFA-CMP-002.js';
import { defineFleetRule, isClientHost, isMfaHost } from './helpers.js';
import type { FleetHit } from '../types.js';

/**
 * MFA-CMP-002 across the fleet: the fleet knows which web and AD FS servers exist, so each MFA Server's install
 * folder must hold their installers. The rule is defined once, in src/rules/catalog/MFA-CMP-002.ts (metadata,
 * messages, doc page); this is only its cross-host check, so waivers carry over.
 */
export default defineFleetRule({
  meta: hostRule.meta,
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
    const hits: FleetHit[] = [];
    for (const h of ctx.hosts.filter(isMfaHost)) {
      const want = [...needed].sort();
      if (!h.installers) {
        hits.push({ host: h.name, outcome: 'unknown' as const, messageId: 'fleetUnknown', data: { host: h.name, installers: want.join(', '), why: h.status === 'read' ? 'read from a saved report' : 'no install folder found' }, evidence: [{ source: 'file' as const, location: h.target, observed: 'install folder not checked' }], key: 'installers-unknown' });
        continue;
      }
      for (const n of want.filter((n) => !h.installers!.present.some((p) => p.toLowerCase() === n.toLowerCase()))) {
        hits.push({
          host: h.name,
          messageId: 'fleetMissing',
          data: { installer: n, folder: h.installers.folder, host: h.name },
          evidence: [{ source: 'file' as const, location: `${h.installers.folder}\\${n}`, observed: 'not found' }],
          key: n.toLowerCase(),
        });
      }
    }
    return hits;
  },
});
