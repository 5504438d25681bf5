import type {
  ComponentFact,
  ComponentId,
  Facts,
  HostRole,
  PlanAction,
  PlanComponent,
  PlanPhase,
  PlanStep,
  ScanOptions,
  UpgradePath,
} from '../types.js';
import type { StepId } from './steps.js';

/** What a step's `when`, `title`, `detail` and `after` may look at: the facts and what the rules found. */
export interface PlanContext {
  facts: Facts;
  opts: ScanOptions;
  upgradePath: UpgradePath;
  /** Rule ids with at least one finding (waived ones too: a waiver does not take the step away). */
  fired: ReadonlySet<string>;
  has(c: ComponentId): boolean;
  component(c: ComponentId): ComponentFact | undefined;
  role: HostRole;
  /** The PhoneFactor Agent path: uninstall the old parts, install the server over the same path. */
  pf: boolean;
  /** An upgrade is pending (the path is not `none`). */
  pending: boolean;
  /**
   * The component is on this host and below the target (or of unknown version): a step belongs to a
   * component's own version, so a part already at the target is not installed again (e.g. at stage adfs).
   */
  due(c: ComponentId): boolean;
  /** The MFA Server itself is to be installed here: the PhoneFactor Agent path, or a server below the target. */
  serverDue: boolean;
  /** The target version is 8.0 or later (no Mobile App Web Service). */
  target8: boolean;
  /** Primary or subordinate of a replication group, or behind a load balancer. */
  multi: boolean;
  /** Whether a rule that fired names this step in its `planSteps` (rules in `except` left out). */
  calledFor(id: StepId, except?: readonly string[]): boolean;
}

type Text = string | ((ctx: PlanContext) => string);

/**
 * One step of the procedures, as data. A step id may have several records (variants) whose `when`s exclude
 * each other: the in-place and the PhoneFactor Agent `install:server` say different things.
 */
export interface StepDef {
  id: StepId;
  action: PlanAction;
  component: PlanComponent;
  phase: PlanPhase;
  /** Whether the step is in this host's plan. */
  when(ctx: PlanContext): boolean;
  title: Text;
  detail: Text;
  /**
   * The steps this one comes after, where they are in the plan (a step not planned is skipped; a chain
   * "after the last of these" is written as all of them: only direct constraints are kept in the end).
   */
  after?: readonly StepId[] | ((ctx: PlanContext) => readonly StepId[]);
  /**
   * Rules that name this step id in their `planSteps` but do not speak for this variant of it (the
   * PhoneFactor Agent path's `install:server` is not the one that prompts for the Visual C++ runtime).
   */
  notBecause?: readonly string[];
  /**
   * Rules named only where no other rule linked to the step fired: a backup is the procedure's step
   * whatever the backup rules found, and the inventory is then why it is in the plan.
   */
  becauseOtherwise?: readonly string[];
}

/** A planned step before ordering. */
export type Draft = Omit<PlanStep, 'order' | 'id'> & { id: StepId };

/** Rule id -> the plan steps its findings call for (built from the rules' metadata by the caller). */
export type RuleSteps = ReadonlyMap<string, readonly StepId[]>;
