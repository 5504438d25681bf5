import { createHash } from 'node:crypto';

/**
 * A finding's stable id: a short digest of its rule, host, component and primary evidence location.
 * Its own module, so `gate` gets it without loading the rule catalog.
 */
export function findingId(ruleId: string, host: string | null, component: string, key: string): string {
  const h = createHash('sha256')
    .update(`${ruleId}\u0000${(host ?? '').toLowerCase()}\u0000${component}\u0000${key}`)
    .digest('hex');
  return `${ruleId}-${h.slice(0, 8)}`;
}
