import type { Report } from '../types.js';
import { REPORT_KEY_ORDER } from './report.generated.js';
import { normalizeReport } from './view.js';
import { ruleDocPath } from './procedures.js';

/**
 * A copy of `value` with its keys in the schema's order for `path` (REPORT_KEY_ORDER, generated from
 * schemas/report.schema.json); keys the schema does not list (fields added later) follow in code-unit order, so
 * nothing is dropped and no map order leaks. Own keys only, looked up in a Map: a key named `toString` or
 * `__proto__` in a saved report is a key like any other.
 */
function ordered(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, `${path}[]`));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const known = REPORT_KEY_ORDER.get(path) ?? [];
  const rest = Object.keys(obj)
    .filter((k) => !known.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...rest]) {
    if (Object.hasOwn(obj, k) && obj[k] !== undefined) {
      Object.defineProperty(out, k, {
        value: ordered(obj[k], path === '' ? k : `${path}.${k}`),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

/**
 * The JSON report: keys in the schema's order, findings and plan in their documented order,
 * 2-space indent, trailing newline. A waiver's absent host/finding/expires is written as null
 * so every waiver has the same shape.
 */
export function renderJson(report: Report): string {
  const r = normalizeReport(report);
  const shaped = {
    ...r,
    waivers: r.waivers.map((w) => ({ ...w, host: w.host ?? null, finding: w.finding ?? null, expires: w.expires ?? null })),
    // Each finding names its rule's page (docs/rules/<ID>.md, in the package), as the HTML and Markdown reports link it.
    findings: r.findings.map((f) => ({ ...f, rulePage: ruleDocPath(f.ruleId) })),
  };
  return JSON.stringify(ordered(shaped, ''), null, 2) + '\n';
}
