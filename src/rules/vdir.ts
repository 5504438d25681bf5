import type { ComponentFact } from '../types.js';

/** Last segment of a URL path, for comparing virtual directory names ("/PhoneFactor" -> "phonefactor"). */
export function vdirName(urlPath: string | null): string | null {
  if (!urlPath) return null;
  return urlPath.split('/').filter(Boolean).pop()?.toLowerCase() ?? null;
}

export function vdirEvidence(c: ComponentFact) {
  return c.evidence.filter((e) => e.source === 'iis').slice(0, 2);
}
