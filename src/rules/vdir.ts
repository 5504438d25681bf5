import type { ComponentFact, ComponentId, Facts } from '../types.js';

/** Last segment of a URL path, for comparing virtual directory names ("/PhoneFactor" -> "phonefactor"). */
export function vdirName(urlPath: string | null): string | null {
  if (!urlPath) return null;
  return urlPath.split('/').filter(Boolean).pop()?.toLowerCase() ?? null;
}

export function vdirEvidence(c: ComponentFact) {
  return c.evidence.filter((e) => e.source === 'iis').slice(0, 2);
}

/** The components that reach the Web Service SDK by URL. */
const SDK_CONSUMERS: readonly ComponentId[] = ['user-portal', 'mobile-app', 'adfs-adapter'];
const CONSUMER_NAMES: Partial<Record<ComponentId, string>> = {
  'user-portal': 'User Portal',
  'mobile-app': 'Mobile App Web Service',
  'adfs-adapter': 'AD FS adapter',
};

/**
 * The other servers bundle.json lists that run a component calling the SDK by URL: where the SDK's virtual
 * directory changes, their configs change too. Returns their names with what each runs (empty when there are
 * none) and the evidence (source bundle).
 */
export function sdkConsumersElsewhere(facts: Pick<Facts, 'otherHostList'>): {
  /** "WEB01 (User Portal); ADFS01 (AD FS adapter)", or empty. */
  names: string;
  evidence: { source: 'bundle'; location: string; observed: string }[];
} {
  const hosts = facts.otherHostList
    .map((h) => ({ name: h.name, uses: h.components.filter((c) => SDK_CONSUMERS.includes(c)) }))
    .filter((h) => h.uses.length > 0);
  if (hosts.length === 0) return { names: '', evidence: [] };
  const named = hosts.map((h) => `${h.name} (${h.uses.map((c) => CONSUMER_NAMES[c]).join(', ')})`);
  return {
    names: named.join('; '),
    evidence: hosts.map((h) => ({
      source: 'bundle' as const,
      location: 'bundle.json otherHosts',
      observed: `${h.name}: ${h.uses.join(', ')}`,
    })),
  };
}
