import { describe, expect, it } from 'vitest';
import { STEP_CATALOG } from '../../src/plan/catalog/index.js';
import { MIGRATE_STEPS } from '../../src/plan/catalog/migrate.js';
import { REASON_ORDER, becauseOf } from '../../src/plan/because.js';
import { topoOrder, withBackupFirst } from '../../src/plan/order.js';
import { STEP } from '../../src/plan/steps.js';
import type { Draft } from '../../src/plan/types.js';
import { RULES } from '../../src/rules/index.js';
import { RULE_STEPS } from './facts.js';

const STEP_IDS = new Set<string>(Object.values(STEP));

describe('the step catalog', () => {
  it('names only STEP constants, for the step and for what it comes after', () => {
    for (const def of STEP_CATALOG) {
      expect(STEP_IDS, def.id).toContain(def.id);
      if (Array.isArray(def.after)) for (const a of def.after) expect(STEP_IDS, `${def.id} after ${a}`).toContain(a);
    }
  });

  it('every step a rule links to is one the catalog can plan', () => {
    // The upgrade catalog (with its post-window part) and the --goal migrate one.
    const planned = new Set([...STEP_CATALOG, ...MIGRATE_STEPS].map((d) => d.id));
    for (const r of RULES) for (const s of r.meta.planSteps ?? []) expect(planned, `${r.meta.id} -> ${s}`).toContain(s);
  });

  it.each([
    ['upgrade', STEP_CATALOG],
    ['migrate', MIGRATE_STEPS],
  ] as const)('a step comes after steps listed before it (the %s catalog is in procedure order)', (_, catalog) => {
    const seen = new Set<string>();
    for (const def of catalog) {
      // AD FS preparation is listed with the adapter but is before the window: it names only earlier steps too.
      if (Array.isArray(def.after)) for (const a of def.after) expect(seen, `${def.id} after ${a}`).toContain(a);
      seen.add(def.id);
    }
  });

  it('the reason order lists each rule once, and only rules that exist', () => {
    expect(new Set(REASON_ORDER).size).toBe(REASON_ORDER.length);
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const r of REASON_ORDER) expect(ids, r).toContain(r);
  });
});

describe('because', () => {
  const backupData = STEP_CATALOG.find((d) => d.id === STEP.backupData)!;
  const cases: [string, string[], string[]][] = [
    ['backup rules fired: they are the reason', ['MFA-INV-001', 'MFA-BKP-003', 'MFA-BKP-001'], ['MFA-BKP-001', 'MFA-BKP-003']],
    ['no backup rule fired: the inventory', ['MFA-INV-001', 'MFA-LIFE-001'], ['MFA-INV-001']],
    ['nothing that links to it fired', ['MFA-LIFE-001'], []],
  ];
  it.each(cases)('%s', (_, fired, want) => {
    expect(becauseOf(backupData, new Set(fired), RULE_STEPS)).toEqual(want);
  });

  it('a rule not in the reason order comes after the others, in the map order', () => {
    const map = new Map<string, readonly (typeof STEP)[keyof typeof STEP][]>([
      ['X-NEW-002', [STEP.backupData]],
      ['MFA-BKP-002', [STEP.backupData]],
      ['X-NEW-001', [STEP.backupData]],
    ]);
    expect(becauseOf(backupData, new Set(['X-NEW-001', 'X-NEW-002', 'MFA-BKP-002']), map)).toEqual([
      'MFA-BKP-002',
      'X-NEW-002',
      'X-NEW-001',
    ]);
  });
});

describe('ordering', () => {
  const d = (
    id: string,
    phase: Draft['phase'],
    action: Draft['action'],
    dependsOn: string[] = [],
    component: Draft['component'] = 'server',
  ): Draft => ({ id: id as Draft['id'], action, component, phase, title: id, detail: '', because: [], dependsOn });

  it('ties go by phase, then id; constraints win over both', () => {
    const out = topoOrder([
      d('z:after', 'after-upgrade', 'verify'),
      d('b:x', 'in-window', 'install', ['z:first']),
      d('a:x', 'in-window', 'install'),
      d('z:first', 'before-window', 'prepare'),
    ]);
    expect(out.map((s) => [s.order, s.id])).toEqual([
      [1, 'z:first'],
      [2, 'a:x'],
      [3, 'b:x'],
      [4, 'z:after'],
    ]);
  });

  it('backups and prerequisites come before the first change, and only direct constraints stay', () => {
    const steps = withBackupFirst([
      d('backup:one', 'before-window', 'backup'),
      d('backup:two', 'before-window', 'backup'),
      d('install:prereq', 'before-window', 'install', [], 'prerequisites'),
      d('drain:h', 'in-window', 'drain'),
      d('install:s', 'in-window', 'install', ['drain:h']),
      d('verify:s', 'in-window', 'verify', ['install:s', 'drain:h']),
    ]);
    const deps = Object.fromEntries(steps.map((s) => [s.id, s.dependsOn]));
    expect(deps).toEqual({
      'backup:one': [],
      'backup:two': [],
      'install:prereq': ['backup:one', 'backup:two'],
      'drain:h': ['install:prereq'],
      'install:s': ['drain:h'],
      'verify:s': ['install:s'],
    });
  });
});
