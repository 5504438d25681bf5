import { RULES } from '../rules/index.js';
import { FLEET_RULES } from '../fleet/rules/index.js';
import { PROCEDURE_STEPS } from './procedures.generated.js';

/**
 * A step of docs/procedures.md, as a report shows it: Microsoft Learn's page and step, not a file of ours.
 * The steps are data (procedures.generated.ts), written by scripts/gen-rules.mjs, the one reader of that page.
 */
export interface ProcedureStep {
  id: string;
  /** The step in the project's words (one line). */
  text: string;
  /** The procedure's title, e.g. "Upgrade to the latest Microsoft Entra Multifactor Authentication Server". */
  page: string;
  /** The section of the page the step sits in, e.g. "The MFA Servers". */
  section: string;
  /** The Microsoft Learn address (with the section's fragment), or null for the steps this tool adds. */
  url: string | null;
}

/** Where a finding's rule page is, relative to the project (and package) root. */
export const RULE_DOCS_DIR = 'docs/rules';
/** The rule page's address as a relative link, e.g. `docs/rules/MFA-BKP-001.md` (no page for an id not ours). */
export function ruleDocPath(ruleId: string): string | null {
  return ruleIds().has(ruleId) ? `${RULE_DOCS_DIR}/${ruleId}.md` : null;
}

let rulesCache: Map<string, string | undefined> | null = null;
function ruleIds(): Map<string, string | undefined> {
  if (!rulesCache) {
    rulesCache = new Map();
    for (const r of [...RULES, ...FLEET_RULES]) rulesCache.set(r.meta.id, r.meta.procedure);
  }
  return rulesCache;
}

let procCache: Map<string, ProcedureStep> | null = null;
function procedures(): Map<string, ProcedureStep> {
  procCache ??= new Map(PROCEDURE_STEPS.map((s) => [s.id, s]));
  return procCache;
}

/** The procedure step a finding's rule checks (its `procedure` metadata), or null. */
export function procedureOfRule(ruleId: string): ProcedureStep | null {
  const id = ruleIds().get(ruleId);
  return id ? (procedures().get(id) ?? null) : null;
}
