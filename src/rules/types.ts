import type { ComponentFact, ComponentId, Evidence, Facts, Finding, ScanOptions, Severity, Stage, UpgradePath } from '../types.js';

export type SeedFile =
  | 'upgrade-mfa-server-2024.md'
  | 'upgrade-phonefactor-agent-2024.md'
  | 'upgrade-phonefactor-agent-2017.md'
  | 'rules.md';

export interface RuleMeta {
  /** Public, stable ID (rules.md): never renamed, never reused. */
  id: string;
  title: string;
  /** The severity the catalog lists; where it depends on the host, the highest, and `severityNote` says how. */
  severity: Severity;
  severityNote?: string;
  component: Finding['component'];
  stages: Stage[] | 'all';
  /** Runs only where the upgrade path is not `none` (rules.md "Pending upgrade"). */
  pendingOnly: boolean;
  /** Where in Microsoft's procedures the step comes from. */
  seed: { file: SeedFile; section: string };
  /** What it checks, one or two sentences (for `rules` and the docs). */
  description: string;
}

/** What a rule reports; the engine adds id, title, seed, planSteps and waiver. */
export interface RuleHit {
  outcome?: 'fail' | 'unknown';
  message: string;
  severity?: Severity;
  component?: Finding['component'];
  evidence: Evidence[];
  /** The primary evidence location that makes this finding distinct (for its stable id). */
  key?: string;
}

export interface RuleContext {
  facts: Facts;
  opts: ScanOptions;
  upgradePath: UpgradePath;
  component(c: ComponentId): ComponentFact | undefined;
  /** Whether the target version is at least this (e.g. '7.0'). */
  targetAtLeast(v: string): boolean;
  /** Replication is primary or subordinate, or loadBalanced. */
  multiServer: boolean;
}

export interface Rule {
  meta: RuleMeta;
  /** A pure function of the facts. */
  check(ctx: RuleContext): RuleHit[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
