import type { ComponentFact, ComponentId, Evidence, Facts, Finding, Goal, ScanOptions, Severity, Stage, UpgradePath } from '../types.js';
import type { StepId } from '../plan/steps.js';

export type SeedFile =
  'upgrade-mfa-server-2024.md' | 'upgrade-phonefactor-agent-2024.md' | 'upgrade-phonefactor-agent-2017.md' | 'rules.md';

/** A value a message placeholder takes (`{{name}}` in a message template). */
export type MessageData = Record<string, string | number>;

export interface RuleMeta {
  /** Public, stable ID (docs/rules/README.md): never renamed, never reused. */
  id: string;
  title: string;
  /** The severity the catalog lists; where it depends on the host, the highest, and `severityNote` says how. */
  severity: Severity;
  severityNote?: string;
  component: Finding['component'];
  stages: Stage[] | 'all';
  /** The goals (`scan --goal`) it runs at; left out: `upgrade` only. */
  goals?: readonly Goal[];
  /** Runs only where the upgrade path is not `none` (docs/rules/README.md "When a rule runs"). */
  pendingOnly: boolean;
  /**
   * Where in Microsoft's procedures the check comes from, as it was first cited: kept because reports carry it
   * (`finding.seed`); `procedure` is the reference the project keeps.
   */
  seed: { file: SeedFile; section: string };
  /** The step of docs/procedures.md this rule checks (e.g. `inplace-server-2`); a test checks it exists there. */
  procedure?: string;
  /** The plan steps (src/plan/steps.ts) this rule's findings call for. */
  planSteps?: readonly StepId[];
  /**
   * The rule's messages by id, as ESLint rules declare them: `{{name}}` is replaced by `data.name` of the hit.
   * Hits name one with `messageId`; the engine formats the text.
   */
  messages?: Readonly<Record<string, string>>;
  /**
   * The target versions (`--target-version`) the rule is about, as a semver range (`>=7.0`, `<8.0`); the
   * engine calls `check` only where the target is in it. Left out: every target.
   */
  appliesTo?: string;
  /** What it checks, one or two sentences (for `rules` and the docs). */
  description: string;
}

/** What a rule reports; the engine adds id, title, seed, planSteps and waiver, and formats the message. */
export interface RuleHit {
  outcome?: 'fail' | 'unknown';
  /** The id of one of `meta.messages`, with the values of its placeholders in `data`. */
  messageId?: string;
  data?: MessageData;
  /** A literal message, for a rule that declares no `messages` (prefer messageId). */
  message?: string;
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
  /** Plain functions (rules destructure them from the context). */
  component: (c: ComponentId) => ComponentFact | undefined;
  /** Whether the target version is at least this (e.g. '7.0'). */
  targetAtLeast: (v: string) => boolean;
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
