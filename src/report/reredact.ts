import type { Report } from '../types.js';
import { redactText } from '../xml/redact.js';

/**
 * A saved report as it may be shown again: every string passed through the one redaction policy
 * (src/xml/redact.ts: connection-string secrets, URL passwords, private keys). A report this tool wrote is
 * already redacted, so this changes nothing there; a report written by an older version with a narrower policy,
 * or edited by hand, does not carry a secret into a fleet report or a re-rendered file. Keys are kept as they are
 * (own data properties: a key named `__proto__` stays a key), ids and times hold nothing the policy hides.
 */
export function redactSavedReport<T extends Report>(report: T): T {
  return deep(report) as T;
}

function deep(v: unknown): unknown {
  if (typeof v === 'string') return redactText(v);
  if (Array.isArray(v)) return v.map(deep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]));
  return v;
}
