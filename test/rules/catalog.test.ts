/**
 * Keeps the rule catalog honest, against the repository's own documentation only (as ESLint's build does):
 * every rule file is registered, ids are unique and match file names, every rule (host and fleet) has a test
 * file, a doc page and a step of docs/procedures.md, every message it declares is used by its code and asserted
 * by its test, and what scripts/gen-rules.mjs generates (the index, the fleet list, each page's header, the
 * README table) is fresh.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { expectedFiles, parseProcedures } from '../../scripts/gen-rules.mjs';
import { FLEET_RULES } from '../../src/fleet/rules/index.js';
import { STEP } from '../../src/plan/steps.js';
import { RULES } from '../../src/rules/index.js';
import { placeholders } from '../../src/rules/messages.js';
import type { Rule, RuleMeta } from '../../src/rules/types.js';
import { SEVERITIES } from '../../src/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOG = path.join(ROOT, 'src', 'rules', 'catalog');
const FLEET = path.join(ROOT, 'src', 'fleet', 'rules');
const DOCS = path.join(ROOT, 'docs', 'rules');
const TESTS = path.join(ROOT, 'test', 'rules');
const read = (p: string) => readFileSync(p, 'utf8');

const ids = RULES.map((r) => r.meta.id);
const fleetIds = FLEET_RULES.map((r) => r.meta.id);
/** Every rule once: the host catalog, then the fleet rules that are not host rules too (MFA-CMP-002 is both). */
const ALL: { meta: RuleMeta; source: string }[] = [
  ...RULES.map((r) => ({ meta: r.meta, source: path.join(CATALOG, `${r.meta.id}.ts`) })),
  ...FLEET_RULES.filter((r) => !ids.includes(r.meta.id)).map((r) => ({ meta: r.meta, source: path.join(FLEET, `${r.meta.id}.ts`) })),
];
const procedures = parseProcedures(read(path.join(ROOT, 'docs', 'procedures.md')));
const STEP_IDS = new Set<string>(Object.values(STEP));
/** Rules another engineer's change still has to complete; each entry names what is missing, and a test below fails once it is not. */
const PENDING: Record<string, string[]> = {};
const pending = (id: string, what: string) => PENDING[id]?.includes(what) ?? false;
/** The source of a rule and of the helpers that build its hits (the VC++ rules report through src/rules/vc.ts). */
const codeOf = (source: string) => {
  const id = path.basename(source, '.ts');
  return [
    read(source),
    /\bvcRule\(/.test(read(source)) ? read(path.join(ROOT, 'src', 'rules', 'vc.ts')) : '',
    // A host rule also judged across hosts: its fleet check reports some of its messages.
    source.startsWith(CATALOG) && existsSync(path.join(FLEET, `${id}.ts`)) ? read(path.join(FLEET, `${id}.ts`)) : '',
  ].join('\n');
};

describe('catalog files, RULES and FLEET_RULES', () => {
  const files = readdirSync(CATALOG)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const fleetFiles = readdirSync(FLEET)
    .filter((f) => /^MFA-.*\.ts$/.test(f))
    .sort();

  it.each(files)('%s is a rule listed in RULES whose id matches the file name', async (f) => {
    const mod = (await import(pathToFileURL(path.join(CATALOG, f)).href)) as { default?: Rule };
    expect(mod.default, `${f} has no default export`).toBeDefined();
    expect(mod.default!.meta.id).toBe(f.replace(/\.ts$/, ''));
    expect(RULES.includes(mod.default!), `${f} is not listed in src/rules/index.ts RULES`).toBe(true);
  });

  it('RULES holds exactly one rule per catalog file, FLEET_RULES one per fleet rule file, ids unique', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
    expect(new Set(fleetIds).size).toBe(fleetIds.length);
    expect([...fleetIds].sort()).toEqual(fleetFiles.map((f) => f.replace(/\.ts$/, '')));
  });

  it("a rule in both lists is one rule: the fleet check shares the catalog rule's metadata", () => {
    const both = fleetIds.filter((id) => ids.includes(id));
    expect(both).toEqual(['MFA-CMP-002']);
    for (const id of both) expect(FLEET_RULES.find((r) => r.meta.id === id)!.meta).toBe(RULES.find((r) => r.meta.id === id)!.meta);
  });

  it('fleet rules are MFA-FLEET-* (or a host rule also judged across hosts)', () => {
    for (const id of fleetIds) expect(id.startsWith('MFA-FLEET-') || ids.includes(id), id).toBe(true);
  });
});

describe.each(ALL.map((r) => [r.meta.id, r] as const))('%s', (id, { meta: m, source }) => {
  it('meta is complete and well-formed', () => {
    expect(id).toMatch(/^MFA-[A-Z]+-\d{3}$/);
    expect(SEVERITIES).toContain(m.severity);
    expect(m.title.trim().length).toBeGreaterThan(0);
    expect(m.description.trim().length).toBeGreaterThan(0);
    expect(m.stages === 'all' || (m.stages.length > 0 && m.stages.every((s) => s === 'pre' || s === 'adfs' || s === 'post'))).toBe(true);
    expect(typeof m.pendingOnly).toBe('boolean');
    if (m.appliesTo !== undefined)
      expect(semver.validRange(m.appliesTo), `${id}: appliesTo "${m.appliesTo}" is not a semver range`).not.toBeNull();
  });

  it('waits for a pending upgrade exactly where its family does (docs/rules/README.md, "When a rule runs")', () => {
    const family = /^MFA-([A-Z]+)-/.exec(id)![1];
    // MFA-CMP-002 is judged once the upgrade's files are in place, on a server that is by then up to date.
    const want = id === 'MFA-CMP-002' ? false : ['BKP', 'PRQ', 'VDIR', 'CMP', 'HA', 'ADFS'].includes(family);
    expect(m.pendingOnly).toBe(want);
  });

  it('names a step of docs/procedures.md', () => {
    if (pending(id, 'procedure')) return expect(m.procedure, `${id} has its procedure now: drop it from PENDING`).toBeUndefined();
    expect(m.procedure, `${id}: meta.procedure`).toBeDefined();
    expect(procedures.has(m.procedure!), `${id}: "${m.procedure}" is not a step of docs/procedures.md`).toBe(true);
  });

  it('its planSteps are plan step ids (src/plan/steps.ts), each once', () => {
    const steps = m.planSteps ?? [];
    for (const s of steps) expect(STEP_IDS.has(s), `${id}: ${s}`).toBe(true);
    expect(new Set(steps).size).toBe(steps.length);
    if (pending(id, 'planSteps')) return expect(m.planSteps, `${id} has planSteps now: drop it from PENDING`).toBeUndefined();
    expect(m.planSteps, `${id}: meta.planSteps`).toBeDefined();
  });

  it('declares its messages, reports by id, and uses every message it declares', () => {
    const messages = Object.entries(m.messages ?? {});
    expect(messages.length, `${id}: meta.messages`).toBeGreaterThan(0);
    const code = codeOf(source);
    expect(code, `${id} reports a literal message`).not.toMatch(/\bmessage:\s*[`'"]/);
    for (const [mid, text] of messages) {
      expect(mid).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(text.trim().length).toBeGreaterThan(0);
      expect(code.includes(`'${mid}'`), `${id}: message "${mid}" is declared but never reported`).toBe(true);
      for (const p of placeholders(text)) expect(code, `${id}: "${mid}" needs data.${p}`).toMatch(new RegExp(`\\b${p}\\b`));
    }
  });

  it('has a test file that asserts every message it declares', () => {
    const test = path.join(TESTS, `${id}.test.ts`);
    expect(existsSync(test), `test/rules/${id}.test.ts`).toBe(true);
    const text = read(test);
    expect(text).toContain(id);
    // A message the test never expects is a branch nobody checked (the VC++ rules share their cases in hosts.ts).
    const cases = text + (/\bvcCases\(/.test(text) ? read(path.join(TESTS, 'hosts.ts')) : '');
    for (const mid of Object.keys(m.messages ?? {}))
      expect(cases, `${id}: no case expects messageId '${mid}'`).toContain(`messageId: '${mid}'`);
  });

  it('has a doc page with the sections every page has', () => {
    const page = path.join(DOCS, `${id}.md`);
    expect(existsSync(page), `docs/rules/${id}.md`).toBe(true);
    const text = read(page);
    for (const h of ['## What it checks', '## Why it matters', '## How to fix', '## Waive it']) expect(text, h).toContain(h);
    // The waiver example waives this rule, for a host, with an expiry.
    const yaml = /```yaml\n([\s\S]*?)```/.exec(text.slice(text.indexOf('## Waive it')))?.[1] ?? '';
    expect(yaml).toContain(`rule: ${id}`);
    expect(yaml).toMatch(/host: \S+/);
    expect(yaml).toMatch(/expires: \d{4}-\d{2}-\d{2}/);
    // A rule that can report `unknown` says on its page what that means for it; one that cannot does not claim it.
    const canBeUnknown = /outcome:\s*'unknown'|'unknown' as const|\bvcRule\(/.test(read(source));
    expect(text.includes('## When it is `unknown`'), 'a "When it is `unknown`" section exactly where the rule can report it').toBe(
      canBeUnknown,
    );
  });
});

describe('docs/rules and docs/procedures.md', () => {
  const pages = readdirSync(DOCS)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.replace(/\.md$/, ''));

  it('every page names a rule', () => {
    expect(
      pages.filter((p) => !ALL.some((r) => r.meta.id === p)),
      'pages for ids in neither RULES nor FLEET_RULES',
    ).toEqual([]);
  });

  it('every test file of test/rules/ named after a rule tests a rule that exists', () => {
    const tests = readdirSync(TESTS)
      .filter((f) => /^MFA-.*\.test\.ts$/.test(f))
      .map((f) => f.replace(/\.test\.ts$/, ''));
    expect(tests.filter((t) => !ALL.some((r) => r.meta.id === t))).toEqual([]);
  });

  it('the procedures page has its steps, each with an address, ids unique', () => {
    const text = read(path.join(ROOT, 'docs', 'procedures.md'));
    const rows = text.split('\n').filter((l) => /^\|\s*`[a-z0-9-]+`/.test(l));
    expect(rows.length).toBe(procedures.size);
    expect(procedures.size).toBeGreaterThanOrEqual(40);
    for (const [step, { url }] of procedures) {
      expect(step).toMatch(/^(inplace|pf|pf2017|migrate|tool)-[a-z0-9-]+$/);
      expect(url, step).toMatch(step.startsWith('tool-') ? /^rules\/README\.md$/ : /^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('nothing in the rules or their docs reads or names files outside the repository', () => {
    const files = [
      ...readdirSync(CATALOG).map((f) => path.join(CATALOG, f)),
      ...readdirSync(FLEET).map((f) => path.join(FLEET, f)),
      ...readdirSync(DOCS).map((f) => path.join(DOCS, f)),
      path.join(ROOT, 'docs', 'procedures.md'),
    ];
    for (const f of files) expect(read(f), f).not.toMatch(/\.\.\/shared|shared\/(seeds|spec)/);
  });

  it('what scripts/gen-rules.mjs generates is fresh (run npm run build after changing a rule)', () => {
    for (const [p, want] of expectedFiles({ hostRules: RULES, fleetRules: FLEET_RULES })) {
      expect(existsSync(path.join(ROOT, p)), p).toBe(true);
      expect(read(path.join(ROOT, p)), `${p} is stale: run npm run build`).toBe(want);
    }
  });
});
