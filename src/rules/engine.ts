import type { ComponentFact, Facts, Finding, ScanOptions, UpgradePath } from '../types.js';
import { sortFindings, uniqueId } from '../util/findings.js';
import { compareVersions, majorOf } from '../util/version.js';
import { RULES } from './index.js';
import type { Rule, RuleContext, RuleMeta } from './types.js';
import { findingId } from './id.js';
import { formatMessage } from './messages.js';
import { targetIn } from './applies.js';

/** docs/rules/README.md "Upgrade path". A component of unknown version is taken as needing the upgrade. */
export function computeUpgradePath(components: ComponentFact[], targetVersion: string): UpgradePath {
  if (components.length === 0) return 'none';
  if (components.some((c) => c.component === 'agent' || (majorOf(c.version) ?? 99) <= 5)) return 'phonefactor-agent';
  if (components.some((c) => !c.version || compareVersions(c.version, targetVersion) < 0)) return 'in-place';
  return 'none';
}

/** The one severity order and finding order (src/util/findings.ts). */
export { severityRank, sortFindings } from '../util/findings.js';

export function ruleRuns(meta: RuleMeta, opts: ScanOptions, upgradePath: UpgradePath): boolean {
  if (meta.stages !== 'all' && !meta.stages.includes(opts.stage)) return false;
  if (!(meta.goals ?? ['upgrade']).includes(opts.goal ?? 'upgrade')) return false;
  if (meta.pendingOnly && upgradePath === 'none') return false;
  return true;
}

export interface RuleRun {
  upgradePath: UpgradePath;
  findings: Finding[];
  /** The rules that ran (for JUnit: one testcase per rule that ran). */
  ran: RuleMeta[];
}

/** What a rule's check is given: the facts, the options and what the engine derives from them. */
export function ruleContext(facts: Facts, opts: ScanOptions): RuleContext {
  // A PhoneFactor Agent upgrade stopped half way is still on that path, whatever parts are left.
  const upgradePath = facts.interruptedUpgrade ? 'phonefactor-agent' : computeUpgradePath(facts.components, opts.targetVersion);
  const r = facts.host.roles;
  return {
    facts,
    opts,
    upgradePath,
    component: (c) => facts.components.find((x) => x.component === c),
    targetAtLeast: (v) => compareVersions(opts.targetVersion, v) >= 0,
    multiServer: r.replication === 'primary' || r.replication === 'subordinate' || r.loadBalanced === true,
  };
}

export function runRules(facts: Facts, opts: ScanOptions, rules: readonly Rule[] = RULES): RuleRun {
  const ctx = ruleContext(facts, opts);
  const { upgradePath } = ctx;
  const findings: Finding[] = [];
  const ran: RuleMeta[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!ruleRuns(rule.meta, opts, upgradePath)) continue;
    ran.push(rule.meta);
    if (!targetIn(opts.targetVersion, rule.meta.appliesTo)) continue;
    for (const hit of rule.check(ctx)) {
      const component = hit.component ?? rule.meta.component;
      const id = uniqueId(
        seen,
        (k) => findingId(rule.meta.id, facts.host.name, component, k),
        hit.key ?? hit.evidence[0]?.location ?? '',
        hit.key ?? '',
      );
      findings.push({
        id,
        ruleId: rule.meta.id,
        outcome: hit.outcome ?? 'fail',
        severity: hit.severity ?? rule.meta.severity,
        title: rule.meta.title,
        message: formatMessage(rule.meta, hit),
        component,
        evidence: hit.evidence,
        seed: rule.meta.seed,
        planSteps: [],
        waiver: null,
      });
    }
  }
  return { upgradePath, findings: sortFindings(findings), ran };
}
