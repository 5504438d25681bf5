/**
 * Keeps the rule catalog honest: every rule file is registered, ids are unique and match file names, every
 * id of the public contract (rules.md tables) exists with the same severity and stages, and every rule has a
 * doc page (and every page a rule).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SHARED } from '../helpers/shared.js';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';
import { SEVERITIES, type Severity, type Stage } from '../../src/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOG = path.join(ROOT, 'src', 'rules', 'catalog');
const DOCS = path.join(ROOT, 'docs', 'rules');
const SPEC = process.env.MFA_SPEC_DIR ?? path.join(SHARED, 'spec');
const SEEDS = process.env.MFA_SEEDS_DIR ?? path.join(SHARED, 'seeds');

const ids = RULES.map((r) => r.meta.id);
const byId = new Map(RULES.map((r) => [r.meta.id, r] as const));

/** The highest severity named in a rules.md cell ("critical on a primary...; low on a subordinate" -> critical). */
function highest(cell: string): Severity | null {
  const found = [...cell.matchAll(/\b(critical|high|medium|low|info)\b/g)].map((m) => m[1] as Severity);
  if (found.length === 0) return null;
  return found.sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b))[0]!;
}

interface SpecRow {
  id: string;
  severityCell: string;
  severity: Severity;
  stages: Stage[] | 'all';
  line: number;
  table: string;
}

/** `| MFA-... | severity | stages | fires when |` rows of rules.md, with the table's section heading. */
function specRows(): SpecRow[] {
  const lines = readFileSync(path.join(SPEC, 'rules.md'), 'utf8').split(/\r?\n/);
  const raw: Omit<SpecRow, 'severity'>[] = [];
  let section = '';
  lines.forEach((l, i) => {
    const h = /^##\s+(.*)/.exec(l);
    if (h) section = h[1]!.trim();
    if (!/^\|\s*MFA-/.test(l)) return;
    const cells = l.replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
    const stagesCell = cells[2]!;
    raw.push({
      id: cells[0]!,
      severityCell: cells[1]!,
      stages: stagesCell === 'all' ? 'all' : (stagesCell.split(',').map((s) => s.trim()) as Stage[]),
      line: i + 1,
      table: section,
    });
  });
  const sev = new Map<string, Severity>();
  const resolve = (r: Omit<SpecRow, 'severity'>): Severity => {
    // "as PRQ-002": the severity of that row.
    const as = /^as\s+(?:MFA-)?([A-Z]+-\d{3})$/.exec(r.severityCell);
    if (as) {
      const other = raw.find((x) => x.id === `MFA-${as[1]}`);
      if (!other) throw new Error(`rules.md:${r.line}: ${r.id} refers to ${as[1]}, which has no row`);
      return sev.get(other.id) ?? resolve(other);
    }
    const s = highest(r.severityCell);
    if (!s) throw new Error(`rules.md:${r.line}: no severity in "${r.severityCell}"`);
    return s;
  };
  return raw.map((r) => {
    const s = resolve(r);
    sev.set(r.id, s);
    return { ...r, severity: s };
  });
}

/**
 * Where the catalog departs from a rules.md table on purpose, with the reason the rule's own description
 * gives. A test below checks each exception is still a real difference, so none outlives its cause.
 */
const STAGE_EXCEPTIONS: Record<string, { stages: Stage[] | 'all'; why: string }> = {
  // rules.md lists `pre`, and its own text says "Evaluated after the upgrade's files are in place, so only in a
  // fleet or with --stage adfs": before the window the new MSIs are not yet in the install folder.
  'MFA-CMP-002': { stages: ['adfs'], why: 'rules.md: "only in a fleet or with --stage adfs"' },
};
/** pendingOnly exceptions (rules.md "Pending upgrade"), same idea. */
const PENDING_EXCEPTIONS: Record<string, { pendingOnly: boolean; why: string }> = {
  // Runs at stage adfs on an MFA Server that is already upgraded (upgrade path none by then).
  'MFA-CMP-002': { pendingOnly: false, why: 'judged on an MFA Server already at the target' },
};

function sameStages(a: Stage[] | 'all', b: Stage[] | 'all'): boolean {
  if (a === 'all' || b === 'all') return a === b;
  return [...a].sort().join(',') === [...b].sort().join(',');
}

describe('catalog files and RULES', () => {
  const files = readdirSync(CATALOG).filter((f) => f.endsWith('.ts')).sort();

  it('has rule files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is a rule listed in RULES whose id matches the file name', async (f) => {
    const mod = (await import(pathToFileURL(path.join(CATALOG, f)).href)) as { default?: Rule };
    expect(mod.default, `${f} has no default export`).toBeDefined();
    expect(mod.default!.meta.id).toBe(f.replace(/\.ts$/, ''));
    expect(RULES.includes(mod.default!), `${f} is not listed in src/rules/index.ts RULES`).toBe(true);
  });

  it('RULES holds exactly one rule per catalog file, ids unique', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: meta is complete and well-formed', (id, r) => {
    const m = r.meta;
    expect(id).toMatch(/^MFA-[A-Z]+-\d{3}$/);
    expect(SEVERITIES).toContain(m.severity);
    expect(m.title.trim().length).toBeGreaterThan(0);
    expect(m.description.trim().length).toBeGreaterThan(0);
    expect(m.stages === 'all' || (m.stages.length > 0 && m.stages.every((s) => s === 'pre' || s === 'adfs'))).toBe(true);
    expect(typeof m.pendingOnly).toBe('boolean');
    expect(typeof r.check).toBe('function');
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: its seed names a real file and a real section heading', (_id, r) => {
    const { file, section } = r.meta.seed;
    const sources = file === 'rules.md' ? [path.join(SPEC, 'rules.md'), path.join(SPEC, 'report.md')] : [path.join(SEEDS, file)];
    for (const s of sources) expect(existsSync(s), s).toBe(true);
    const headings = sources.flatMap((s) => readFileSync(s, 'utf8').split(/\r?\n/).filter((l) => /^#{1,6}\s/.test(l))).map((h) => h.toLowerCase());
    // "Upgrade the User Portal, step 3" -> "Upgrade the User Portal"
    const head = section.split(/[,:;]|\s\(/)[0]!.trim().toLowerCase();
    expect(headings.some((h) => h.includes(head)), `no heading "${head}" in ${file}`).toBe(true);
  });
});

describe('rules.md tables and the catalog', () => {
  const rows = specRows();

  it('rules.md has the contract rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('the severity parser takes the highest of a range', () => {
    expect(highest('critical on a primary, standalone or role-unknown `mfa-host`; low on a subordinate')).toBe('critical');
    expect(highest('high (low on a subordinate)')).toBe('high');
    expect(highest('low on an `mfa-host`; critical on a `web-host`')).toBe('critical');
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s exists in the catalog with the severity and stages of rules.md', (id, row) => {
    const rule = byId.get(id);
    expect(rule, `rules.md:${row.line} ${id} is not in RULES`).toBeDefined();
    expect(rule!.meta.severity, `rules.md:${row.line} severity "${row.severityCell}"`).toBe(row.severity);
    const want = STAGE_EXCEPTIONS[id]?.stages ?? row.stages;
    expect(sameStages(rule!.meta.stages, want), `rules.md:${row.line} stages ${JSON.stringify(row.stages)}, catalog ${JSON.stringify(rule!.meta.stages)}`).toBe(true);
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s: severityNote is there exactly where rules.md gives a range', (id, row) => {
    const range = new Set([...row.severityCell.matchAll(/\b(critical|high|medium|low|info)\b/g)].map((m) => m[1])).size > 1 || /^as\s/.test(row.severityCell);
    expect(Boolean(byId.get(id)?.meta.severityNote), `rules.md:${row.line} "${row.severityCell}"`).toBe(range);
  });

  // rules.md "Pending upgrade": backups, prerequisites, virtual directories, components and installers, high
  // availability and AD FS adapter steps run only where the upgrade path is not `none`; a host at the target
  // still gets the inventory (INV, INP), lifecycle and config (CFG) findings.
  it.each(rows.map((r) => [r.id, r] as const))('%s: pendingOnly follows its table (rules.md "Pending upgrade")', (id, row) => {
    const pending = /^(Backups|Prerequisites|Components and installers|High availability|AD FS adapter)/.test(row.table) || /^MFA-VDIR-/.test(id);
    const want = PENDING_EXCEPTIONS[id]?.pendingOnly ?? pending;
    expect(byId.get(id)?.meta.pendingOnly, `rules.md:${row.line} in "${row.table}"`).toBe(want);
  });

  it('each exception is still a real difference from rules.md', () => {
    for (const [id, ex] of Object.entries(STAGE_EXCEPTIONS)) {
      const row = rows.find((r) => r.id === id)!;
      expect(sameStages(row.stages, ex.stages), `${id}: rules.md now agrees (${ex.why}); drop the exception`).toBe(false);
      expect(sameStages(byId.get(id)!.meta.stages, ex.stages)).toBe(true);
    }
    for (const [id, ex] of Object.entries(PENDING_EXCEPTIONS)) expect(byId.get(id)!.meta.pendingOnly, ex.why).toBe(ex.pendingOnly);
  });

  it('every catalog rule outside the rules.md tables is named, with its severity, in report.md', () => {
    const report = readFileSync(path.join(SPEC, 'report.md'), 'utf8');
    for (const id of ids.filter((x) => !rows.some((r) => r.id === x))) {
      const m = new RegExp(`\`?${id}\`?\\s*\\((critical|high|medium|low|info)\\)`).exec(report);
      expect(m, `${id} is in neither rules.md nor report.md`).not.toBeNull();
      expect(byId.get(id)!.meta.severity).toBe(m![1]);
    }
  });
});

describe('docs/rules', () => {
  const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));

  it('every rule has a page', () => {
    expect(ids.filter((id) => !pages.includes(id)), 'rules without docs/rules/<ID>.md').toEqual([]);
  });

  it('every page names a rule', () => {
    expect(pages.filter((p) => !byId.has(p)), 'pages for ids not in RULES').toEqual([]);
  });

  it.each(RULES.filter((r) => pages.includes(r.meta.id)).map((r) => [r.meta.id, r] as const))('%s.md agrees with the catalog', (id, r) => {
    const text = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
    const m = r.meta;
    expect(text.split('\n')[0]).toBe(`# ${id}: ${m.title}`);
    const field = (name: string) => new RegExp(`^\\*\\*${name}:\\*\\*\\s*(.*)$`, 'm').exec(text)?.[1] ?? '';
    expect(field('Severity').startsWith(m.severity), 'Severity line starts with the catalog severity').toBe(true);
    expect(field('Stages').startsWith(m.stages === 'all' ? 'all' : m.stages.map((s) => `\`${s}\``).join(', '))).toBe(true);
    expect(field('Runs').startsWith(m.pendingOnly ? 'only with a pending upgrade' : 'always'), 'Runs line follows pendingOnly').toBe(true);
    expect(field('Component')).toBe(`\`${m.component}\``);
    expect(text).toContain(m.seed.file);
    for (const h of ['## What it checks', '## Why it matters', '## How to fix', '## Waive it']) expect(text, h).toContain(h);
    // The waiver example waives this rule, for a host, with an expiry.
    const yaml = /```yaml\n([\s\S]*?)```/.exec(text.slice(text.indexOf('## Waive it')))?.[1] ?? '';
    expect(yaml).toContain(`rule: ${id}`);
    expect(yaml).toMatch(/host: \S+/);
    expect(yaml).toMatch(/expires: \d{4}-\d{2}-\d{2}/);
  });

  // A rule that can report `unknown` (its file, or the VC++ helper it uses, sets outcome 'unknown') must say
  // on its page what `unknown` means for it; one that cannot must not claim it.
  it.each(RULES.filter((r) => pages.includes(r.meta.id)).map((r) => [r.meta.id] as const))('%s.md explains `unknown` exactly where the rule can report it', (id) => {
    const src = readFileSync(path.join(CATALOG, `${id}.ts`), 'utf8');
    const canBeUnknown = /outcome:\s*'unknown'|'unknown' as const|\bvcRule\(/.test(src);
    const text = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');
    expect(text.includes('## When it is `unknown`')).toBe(canBeUnknown);
  });

  it('README.md indexes every rule with its severity, component, title and link', () => {
    const text = readFileSync(path.join(DOCS, 'README.md'), 'utf8');
    const rows = text.split('\n').filter((l) => /^\|\s*\[?MFA-/.test(l));
    expect(rows.length).toBe(RULES.length);
    for (const r of RULES) {
      const row = rows.find((l) => l.includes(`[${r.meta.id}](${r.meta.id}.md)`));
      expect(row, `${r.meta.id} not linked in README.md`).toBeDefined();
      const cells = row!.replace(/^\|/, '').replace(/\|\s*$/, '').split(' | ').map((c) => c.trim());
      expect(cells.slice(1)).toEqual([r.meta.severity, `\`${r.meta.component}\``, r.meta.title.replace(/\|/g, '\\|')]);
    }
  });
});
