import { SEVERITIES, type Finding, type Severity } from '../types.js';

/**
 * The one severity order, finding order and finding-id dedupe of the project (rules, report, gate, fleet).
 * A neutral module so the rule engine does not import the report side, nor the report the rules.
 */

/** Higher is more severe: info 0 … critical 4. */
export function severityRank(sev: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(sev);
}

/** Plain code-unit comparison: locale-independent, so the order never depends on the machine. */
export function cmpText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The report's finding order: severity (highest first), then ruleId, then id. */
export function compareFindings(a: Pick<Finding, 'severity' | 'ruleId' | 'id'>, b: Pick<Finding, 'severity' | 'ruleId' | 'id'>): number {
  return severityRank(b.severity) - severityRank(a.severity) || cmpText(a.ruleId, b.ruleId) || cmpText(a.id, b.id);
}

/** A sorted copy, in the report's finding order. */
export function sortFindings<T extends Pick<Finding, 'severity' | 'ruleId' | 'id'>>(findings: readonly T[]): T[] {
  return [...findings].sort(compareFindings);
}

/**
 * The one dedupe of finding ids: `make(key)` gives the id for a key (findingId over rule, host, component, key);
 * where it is taken already, `make(`${again}#2`)`, `#3`, … until it is free. The id is added to `seen`.
 */
export function uniqueId(seen: Set<string>, make: (key: string) => string, key: string, again: string = key): string {
  let id = make(key);
  for (let n = 2; seen.has(id); n++) id = make(`${again}#${n}`);
  seen.add(id);
  return id;
}
