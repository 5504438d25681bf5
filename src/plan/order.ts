import type { PlanPhase, PlanStep } from '../types.js';
import type { Draft } from './types.js';

/**
 * The plan's order (docs "The plan"): constraints between steps, then a deterministic order. Pure functions
 * of the drafted steps; the catalog says which steps there are and what each directly follows.
 */

const PHASES: readonly PlanPhase[] = ['before-window', 'in-window', 'after-upgrade'];
const CHANGES = ['drain', 'uninstall', 'install'];

/**
 * Every backup before any drain, uninstall or install (a backup in the window: before those after it), and the prerequisite installs before the window's
 * first step that installs anything; then each step keeps only its direct constraints (a dependency another
 * one already implies is left out). Steps come in procedure order, so a step's ancestors are done first.
 */
export function withBackupFirst(steps: Draft[]): Draft[] {
  const backups = steps.filter((s) => s.action === 'backup').map((s) => s.id);
  const byId = new Map(steps.map((s) => [s.id as string, s]));
  const ancestors = (s: Draft, seen = new Set<string>()): Set<string> => {
    for (const d of s.dependsOn) {
      if (seen.has(d)) continue;
      seen.add(d);
      const p = byId.get(d);
      if (p) ancestors(p, seen);
    }
    return seen;
  };
  const prereqs = steps.filter((s) => s.component === 'prerequisites').map((s) => s.id);
  for (const s of steps) {
    if (s.phase === 'before-window' || s.component === 'prerequisites') continue;
    if (CHANGES.includes(s.action) && s.dependsOn.every((d) => byId.get(d)?.phase === 'before-window' || !byId.has(d))) {
      const anc = ancestors(s);
      s.dependsOn.push(...prereqs.filter((p) => !anc.has(p)));
    }
  }
  // A backup in the window (the data file, with the service stopped) comes before the changes that follow it,
  // never before the drain it follows, nor before anything before the window.
  const inWindow = new Map(
    steps.filter((s) => s.action === 'backup' && s.phase !== 'before-window').map((s) => [s.id as string, ancestors(s)]),
  );
  for (const s of steps) {
    if (!CHANGES.includes(s.action)) continue;
    const anc = ancestors(s);
    const missing = backups.filter((b) => !anc.has(b) && !(inWindow.has(b) && (s.phase === 'before-window' || inWindow.get(b)!.has(s.id))));
    if (missing.length) s.dependsOn = [...missing, ...s.dependsOn];
  }
  for (const s of steps) s.dependsOn = [...new Set(s.dependsOn.filter((d) => byId.has(d)))];
  for (const s of steps) {
    const implied = new Set(s.dependsOn.flatMap((d) => [...ancestors(byId.get(d)!)]));
    s.dependsOn = s.dependsOn.filter((d) => !implied.has(d));
  }
  return steps;
}

/** Topological order over dependsOn; among the steps ready, the earliest phase first, then id. */
export function topoOrder(steps: Draft[]): PlanStep[] {
  const rank = (s: Draft) => PHASES.indexOf(s.phase);
  const byPhaseThenId = (a: Draft, b: Draft) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const done = new Set<string>();
  const out: PlanStep[] = [];
  const left = [...steps];
  while (left.length) {
    const ready = left.filter((s) => s.dependsOn.every((d) => done.has(d))).sort(byPhaseThenId);
    // A cycle cannot happen (every constraint points at a step drafted earlier); never hang all the same.
    const next = ready[0] ?? [...left].sort(byPhaseThenId)[0];
    done.add(next.id);
    left.splice(left.indexOf(next), 1);
    out.push({ order: out.length + 1, ...next });
  }
  // dependsOn read in plan order ("after: step 2, step 3"), not in the order the constraints were added.
  const at = new Map(out.map((s) => [s.id, s.order]));
  for (const s of out) s.dependsOn = [...s.dependsOn].sort((a, b) => at.get(a)! - at.get(b)!);
  return out;
}
