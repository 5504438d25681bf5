import type { ComponentId, Facts, Finding, PlanStep, ScanOptions, UpgradePath } from '../types.js';
import { compareVersions } from '../util/version.js';
import { becauseOf, rulesFor } from './because.js';
import { STEP_CATALOG } from './catalog/index.js';
import { POST_STEPS } from './catalog/post.js';
import { MIGRATE_STEPS } from './catalog/migrate.js';
import { topoOrder, withBackupFirst } from './order.js';
import type { StepId } from './steps.js';
import type { Draft, PlanContext, RuleSteps, StepDef } from './types.js';

/**
 * The remediation plan (docs "The plan"): the catalog's steps whose `when` holds for this host, each with the
 * rules that call for it (`because`, from the rules' own `planSteps`), ordered by the procedures' constraints
 * (`dependsOn`), then by phase and id. The plan reads no rule code: the caller passes the rules' links.
 */

export interface PlanInput {
  facts: Facts;
  upgradePath: UpgradePath;
  findings: Finding[];
  opts: ScanOptions;
  /** Rule id -> the steps its findings call for (from each rule's meta.planSteps). */
  ruleSteps: RuleSteps;
}

function planContext({ facts, upgradePath, findings, opts, ruleSteps }: PlanInput): PlanContext {
  const fired = new Set(findings.map((f) => f.ruleId));
  const r = facts.host.roles;
  const find = (c: ComponentId) => facts.components.find((x) => x.component === c);
  const due = (c: ComponentId) => {
    const f = find(c);
    return !!f && (!f.version || compareVersions(f.version, opts.targetVersion) < 0);
  };
  const pf = upgradePath === 'phonefactor-agent';
  return {
    facts,
    opts,
    upgradePath,
    fired,
    has: (c: ComponentId) => facts.components.some((x) => x.component === c),
    component: (c: ComponentId) => facts.components.find((x) => x.component === c),
    role: facts.host.hostRole,
    pf,
    due,
    // No server component (only the data file and install path left) counts as due: the install is what is next.
    serverDue: pf || !find('server') || due('server'),
    pending: upgradePath !== 'none',
    target8: compareVersions(opts.targetVersion, '8.0') >= 0,
    multi: r.replication === 'primary' || r.replication === 'subordinate' || r.loadBalanced === true,
    calledFor: (id, except = []) => rulesFor(id, fired, ruleSteps, except).length > 0,
  };
}

const text = (t: StepDef['title'], ctx: PlanContext) => (typeof t === 'function' ? t(ctx) : t);

/** The steps of the catalog that apply here, in catalog order, each after the planned steps it names. */
function draftSteps(ctx: PlanContext, ruleSteps: RuleSteps, catalog: readonly StepDef[] = STEP_CATALOG): Draft[] {
  const steps: Draft[] = [];
  const planned = new Set<StepId>();
  for (const def of catalog) {
    if (!def.when(ctx)) continue;
    const after = typeof def.after === 'function' ? def.after(ctx) : (def.after ?? []);
    steps.push({
      id: def.id,
      action: def.action,
      component: def.component,
      phase: def.phase,
      title: text(def.title, ctx),
      detail: text(def.detail, ctx),
      because: becauseOf(def, ctx.fired, ruleSteps),
      dependsOn: after.filter((id) => planned.has(id)),
    });
    planned.add(def.id);
  }
  return steps;
}

export function buildPlan(input: PlanInput): PlanStep[] {
  // --goal migrate: only what the Migration Utility needs (src/plan/catalog/migrate.ts).
  // --stage post: only what is left after the window (src/plan/catalog/post.ts).
  const catalog = input.opts.goal === 'migrate' ? MIGRATE_STEPS : input.opts.stage === 'post' ? POST_STEPS : STEP_CATALOG;
  return topoOrder(withBackupFirst(draftSteps(planContext(input), input.ruleSteps, catalog)));
}

/** Which plan steps each finding calls for. */
export function linkFindings(findings: Finding[], plan: PlanStep[]): Finding[] {
  return findings.map((f) => ({ ...f, planSteps: plan.filter((s) => s.because.includes(f.ruleId)).map((s) => s.id) }));
}
