import type { StepId } from './steps.js';
import type { RuleSteps, StepDef } from './types.js';

/**
 * Why a step is in the plan: the rules that fired and name the step in their metadata (`planSteps`), minus
 * those that do not speak for this variant of it; where none is left, the step's `becauseOtherwise` rules.
 */

/**
 * The order a step lists its reasons in. It is the order the plan listed them in when each step named its
 * rules itself, kept so that reports keep their bytes (the inventory before what the step is specifically
 * about, the web.config backup before the themes). A rule not listed comes after these, in the order the
 * caller's map gives; nothing else depends on this list.
 */
export const REASON_ORDER: readonly string[] = [
  'MFA-ADFS-001',
  'MFA-ADFS-003',
  'MFA-ADFS-004',
  'MFA-ADFS-005',
  'MFA-BKP-001',
  'MFA-BKP-002',
  'MFA-BKP-003',
  'MFA-BKP-010',
  'MFA-BKP-013',
  'MFA-BKP-014',
  'MFA-VDIR-003',
  'MFA-INV-001',
  'MFA-CMP-003',
  'MFA-HA-002',
  'MFA-LIFE-001',
  'MFA-INV-002',
  'MFA-PRQ-002',
  'MFA-PRQ-003',
  'MFA-HA-001',
  'MFA-VDIR-001',
  'MFA-VDIR-002',
  'MFA-CFG-001',
  'MFA-BKP-011',
  'MFA-BKP-012',
  'MFA-VDIR-004',
  'MFA-CMP-001',
];
const rank = (rule: string) => {
  const i = REASON_ORDER.indexOf(rule);
  return i < 0 ? REASON_ORDER.length : i;
};

/** Fired rules that name this step id, in reason order. */
export function rulesFor(id: StepId, fired: ReadonlySet<string>, ruleSteps: RuleSteps, except: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [rule, steps] of ruleSteps) {
    if (fired.has(rule) && !except.includes(rule) && steps.includes(id)) out.push(rule);
  }
  // A stable sort: rules not in REASON_ORDER keep the map's order after the others.
  return out.sort((a, b) => rank(a) - rank(b));
}

export function becauseOf(step: StepDef, fired: ReadonlySet<string>, ruleSteps: RuleSteps): string[] {
  const otherwise = step.becauseOtherwise ?? [];
  const own = rulesFor(step.id, fired, ruleSteps, [...(step.notBecause ?? []), ...otherwise]);
  return own.length ? own : otherwise.filter((r) => fired.has(r));
}
