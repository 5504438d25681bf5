import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildView, type ReportView } from '../../src/report/view.js';
import type { Report } from '../../src/types.js';
import { sampleReport } from './sample.js';

/**
 * docs/templates.md lists what a user's own template (`scan --template DIR`) can use. A field listed there that
 * the view lost, or whose type changed, breaks users' templates: this fails first. A field the view gained
 * without a line on the page fails too, so the page stays the whole contract.
 */
const PAGE = readFileSync(new URL('../../docs/templates.md', import.meta.url), 'utf8');
/** Fields under `change` belong to the after-the-window view, documented as one field for now. */
const UNLISTED_BELOW = ['change.'];

function documented(): Map<string, Set<string>> {
  const rows = new Map<string, Set<string>>();
  for (const line of PAGE.split('\n')) {
    const m = /^\| `([^`]+)` \| ([^|]+(?:\\\|[^|]+)*) \|/.exec(line);
    if (m) rows.set(m[1], new Set(m[2].split('\\|').map((t) => t.trim())));
  }
  return rows;
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

/** Every field path of the view with the types seen there (`a.b[].c`), over every item of every list. */
function observed(views: unknown[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (p: string, t: string) => (out.get(p) ?? out.set(p, new Set()).get(p)!).add(t);
  // A list is the row `x[]` (type list); the fields of its items are the rows `x[].y`.
  const walk = (v: unknown, p: string, isItem = false) => {
    if (Array.isArray(v)) {
      add(`${p}[]`, 'list');
      for (const x of v) walk(x, `${p}[]`, true);
      return;
    }
    if (p && !isItem) add(p, kind(v));
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p ? `${p}.${k}` : k);
  };
  for (const v of views) walk(v, '');
  return out;
}

/** Two reports that between them reach every documented field: the sample, and one with the optional parts filled. */
function reports(): Report[] {
  const plain = sampleReport();
  const full = sampleReport();
  const f = full.findings[0];
  f.waiver = { reason: 'Agreed with the change board', expires: '2027-01-31' };
  full.findings[1].waiver = { reason: 'No expiry', expires: null };
  full.plan[0].dependsOn = ['not-in-this-plan'];
  full.inventory.prerequisites.dotnet = {
    known: true,
    release: 528040,
    evidence: [
      { source: 'registry', location: 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full', observed: 'Release 528040' },
    ],
  };
  full.host.roles = { replication: 'primary', replicationGroup: 'G1', loadBalanced: true, adfsFarm: 'farm1', source: 'bundle' };
  full.migration = { role: 'primary', mustChange: true, why: 'The primary MFA Server.', migrationServer: 'MFA05', cloud: 'commercial' };
  full.waivers.push({ rule: 'MFA-VDIR-001', host: null, finding: 'MFA-VDIR-001-0000aaaa', reason: 'r', expires: null, status: 'expired' });
  return [plain, full];
}

function view(r: Report): ReportView {
  return buildView(r, (s) => s);
}

describe('the --template view (docs/templates.md)', () => {
  const docs = documented();
  const seen = observed(reports().map(view));

  it('the page lists fields', () => {
    expect(docs.size).toBeGreaterThan(100);
  });

  it('every field the page lists is in the view, with a listed type', () => {
    const problems: string[] = [];
    for (const [p, types] of docs) {
      const got = seen.get(p);
      if (!got) problems.push(`${p}: listed in docs/templates.md, missing from the view`);
      else
        for (const t of got)
          if (!types.has(t)) problems.push(`${p}: is ${t} in the view, docs/templates.md says ${[...types].join(' | ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('every field of the view is listed on the page', () => {
    const missing = [...seen.keys()].filter((p) => !docs.has(p) && !UNLISTED_BELOW.some((u) => p.startsWith(u)));
    expect(missing, 'add these to docs/templates.md').toEqual([]);
  });

  it('a field that disappears is caught (the check itself works)', () => {
    const v = view(sampleReport()) as unknown as Record<string, unknown>;
    delete v.hostName;
    expect(observed([v]).has('hostName')).toBe(false);
    expect(docs.has('hostName')).toBe(true);
  });
});
