import type { Report } from '../types.js';
import { normalizeReport } from './view.js';

/**
 * Key order per path (report.md's order, then src/types.ts's for keys report.md leaves out).
 * Keys not listed here (fields added later) follow in code-unit order, so nothing is dropped
 * and no map order leaks. `[]` marks an array's items.
 */
const EVIDENCE = ['source', 'location', 'observed'];
const ORDER: Record<string, string[]> = {
  '': ['schemaVersion', 'tool', 'scan', 'host', 'inventory', 'verdict', 'waivers', 'findings', 'plan', 'problems'],
  tool: ['name', 'version', 'rulesetVersion'],
  scan: ['startedAt', 'target', 'targetVersion', 'stage', 'inputDigest'],
  'scan.target': ['kind', 'location'],
  host: ['name', 'os', 'roles', 'hostRole'],
  'host.os': ['caption', 'version', 'architecture'],
  'host.roles': ['replication', 'replicationGroup', 'loadBalanced', 'adfsFarm', 'source'],
  inventory: ['upgradePath', 'components', 'prerequisites', 'virtualDirectories'],
  'inventory.components[]': ['component', 'installed', 'version', 'displayName', 'installPath', 'installDate', 'virtualDirectory', 'virtualDirectoryKnown', 'evidence'],
  'inventory.components[].evidence[]': EVIDENCE,
  'inventory.prerequisites': ['dotnet', 'vcredist'],
  'inventory.prerequisites.dotnet': ['known', 'release', 'evidence'],
  'inventory.prerequisites.dotnet.evidence[]': EVIDENCE,
  'inventory.prerequisites.vcredist': ['x64', 'x86'],
  'inventory.prerequisites.vcredist.x64': ['arch', 'known', 'installed', 'version', 'major', 'minor', 'bld', 'evidence'],
  'inventory.prerequisites.vcredist.x86': ['arch', 'known', 'installed', 'version', 'major', 'minor', 'bld', 'evidence'],
  'inventory.prerequisites.vcredist.x64.evidence[]': EVIDENCE,
  'inventory.prerequisites.vcredist.x86.evidence[]': EVIDENCE,
  'inventory.virtualDirectories[]': ['site', 'app', 'vdir', 'urlPath', 'physicalPath'],
  verdict: ['status', 'failOn', 'counts', 'waived', 'gate'],
  'verdict.counts': ['critical', 'high', 'medium', 'low', 'info'],
  'waivers[]': ['rule', 'host', 'finding', 'reason', 'expires', 'status'],
  'findings[]': ['id', 'ruleId', 'outcome', 'severity', 'title', 'message', 'component', 'evidence', 'seed', 'planSteps', 'waiver'],
  'findings[].evidence[]': EVIDENCE,
  'findings[].seed': ['file', 'section'],
  'findings[].waiver': ['reason', 'expires'],
  'plan[]': ['order', 'id', 'action', 'component', 'phase', 'title', 'detail', 'because', 'dependsOn'],
  'problems[]': ['location', 'message'],
};

function ordered(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, `${path}[]`));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const known = ORDER[path] ?? [];
  const rest = Object.keys(obj).filter((k) => !known.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...rest]) {
    if (k in obj && obj[k] !== undefined) out[k] = ordered(obj[k], path === '' ? k : `${path}.${k}`);
  }
  return out;
}

/**
 * The JSON report: keys in report.md's order, findings and plan in their documented order,
 * 2-space indent, trailing newline. A waiver's absent host/finding/expires is written as null
 * so every waiver has the same shape.
 */
export function renderJson(report: Report): string {
  const r = normalizeReport(report);
  const shaped = {
    ...r,
    waivers: r.waivers.map((w) => ({ ...w, host: w.host ?? null, finding: w.finding ?? null, expires: w.expires ?? null })),
  };
  return JSON.stringify(ordered(shaped, ''), null, 2) + '\n';
}
