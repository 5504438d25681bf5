// Types of scripts/gen-rules.mjs for the tests that import it (test/rules/catalog.test.ts).
import type { RuleMeta } from '../src/rules/types.js';

interface HasMeta {
  meta: RuleMeta;
}
export const PATHS: {
  catalog: string;
  fleet: string;
  index: string;
  fleetCatalog: string;
  docs: string;
  readme: string;
  procedures: string;
  proceduresTable: string;
};
export interface ProcedureRow {
  id: string;
  text: string;
  page: string;
  section: string;
  /** The address column as written: a Microsoft Learn address, or rules/README.md for the tool's own steps. */
  url: string;
}
export function ruleFiles(dir: string): string[];
export function renderIndex(ids: string[]): string;
export function renderFleetCatalog(ids: string[]): string;
export function parseProcedures(markdown: string): Map<string, ProcedureRow>;
export function renderProceduresTable(steps: Map<string, ProcedureRow>): string;
export function renderHeader(meta: RuleMeta, scope: 'host' | 'fleet' | 'both', procedures: Map<string, ProcedureRow>): string;
export function withHeader(page: string, header: string): string;
export function renderReadmeTable(hostMetas: RuleMeta[], fleetMetas: RuleMeta[]): string;
export function withReadmeTable(readme: string, table: string): string;
export function expectedFiles(input: { hostRules: readonly HasMeta[]; fleetRules: readonly HasMeta[]; read?: (p: string) => string }): [string, string][];
