import type { Node as YamlNode } from 'yaml';
import type { Finding, WaiverEntry, WaiverStatus } from '../types.js';
import { readTextFile } from './load.js';
import { validateWaiverFile } from './schema.js';
import WVR001, { expiredWaiverHits, EXPIRED_WAIVER_RULE } from '../rules/catalog/MFA-WVR-001.js';
import { formatMessage } from '../rules/messages.js';
import { findingId } from '../rules/id.js';
import { uniqueId } from '../util/findings.js';

// yaml (70-odd modules) loads only when a waiver file is read, not on every scan.
let Y: typeof import('yaml');

export { EXPIRED_WAIVER_RULE };

/** A waiver file above this is refused: a real one is a few KiB. */
export const WAIVERS_MAX_BYTES = 1024 * 1024;

/** Thrown for an unreadable or invalid waiver file; `message` is one line: `FILE:LINE: field: what is wrong`. */
export class WaiverFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WaiverFileError';
  }
}

type WaiverField = 'rule' | 'host' | 'finding' | 'reason' | 'expires';

/**
 * Reads a waiver file (YAML, or JSON, which YAML parses too): `{ waivers: [ … ] }` or a bare list, checked
 * against schemas/waivers.schema.json. An empty file or `waivers:` with nothing under it is no waivers.
 * Unknown keys are errors (a misspelt `expire:` must not make a waiver eternal); an empty `host` or
 * `finding` is an error (it would match everything). Numbers in `rule`/`host`/`finding` keep their source
 * text (`finding: 0123` stays "0123"). Regular files of at most 1 MiB, UTF-8 or UTF-16 (PowerShell).
 */
export async function loadWaivers(file: string): Promise<WaiverEntry[]> {
  const text = await readTextFile(file, WAIVERS_MAX_BYTES, 'waiver file', (d) => new WaiverFileError(`${file}: ${d}`));
  Y ??= await import('yaml');
  const lc = new Y.LineCounter();
  const doc = Y.parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  // Errors found at the end of the input (an unclosed quote) point at the last line with text.
  const lastText = Math.max(0, text.trimEnd().length - 1);
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lc.linePos(Math.min(offset, lastText)).line);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    // yaml's messages can span lines (a code frame); keep the first.
    throw new WaiverFileError(`${file}:${lineOf(err.pos[0])}: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const root = doc.contents as YamlNode | null;
  if (root === null || (Y.isScalar(root) && (root.value === null || root.value === ''))) return [];
  const bare = Y.isSeq(root);
  const value: unknown = bare ? { waivers: doc.toJS() } : doc.toJS();
  const list = (bare ? root : Y.isMap(root) ? root.get('waivers', true) : null) as YamlNode | null | undefined;

  /** The node a JSON pointer names, or the nearest one above it that exists. */
  const nodeAt = (pointer: string): YamlNode | null => {
    const parts = pointer
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: YamlNode | null = root;
    let rest = parts;
    if (bare && parts[0] === 'waivers') rest = parts.slice(1);
    for (const part of rest) {
      if (Y.isSeq(node)) {
        const next = node.get(Number(part), true) as YamlNode | undefined;
        if (!next) break;
        node = next;
      } else if (Y.isMap(node)) {
        // The value where there is one (in block style on the key's line), else the key.
        const pair: { key: unknown; value: unknown } | undefined = node.items.find(
          (p) => Y.isScalar(p.key) && String(p.key.value) === part,
        );
        if (!pair) break;
        node = (pair.value as YamlNode | null) ?? (pair.key as YamlNode | null) ?? node;
      } else break;
    }
    return node;
  };

  const v = validateWaiverFile(value);
  if (!v.ok) {
    const at = v.at[0];
    throw new WaiverFileError(`${file}:${lineOf(nodeAt(at)?.range?.[0])}: ${v.errors[0]}`);
  }
  if (list === undefined || list === null || !Y.isSeq(list)) return [];

  const waivers: WaiverEntry[] = [];
  list.items.forEach((item, index) => {
    const entry = item as YamlNode;
    if (!Y.isMap(entry)) return;
    const fields: Partial<Record<WaiverField, { value: string; offset: number | undefined }>> = {};
    for (const pair of entry.items) {
      const key = String((pair.key as { value: unknown }).value) as WaiverField;
      const node = pair.value as YamlNode | null;
      if (node === null || !Y.isScalar(node) || node.value === null) continue; // `host: null`, `host:` = not given
      const s = node as { value: unknown; source?: string };
      const text = typeof s.value === 'number' ? (s.source ?? String(s.value)) : String(s.value);
      fields[key] = { value: text.trim(), offset: node.range?.[0] };
    }
    const w: WaiverEntry = { rule: fields.rule!.value, reason: fields.reason!.value };
    if (fields.host) w.host = fields.host.value;
    if (fields.finding) w.finding = fields.finding.value;
    if (fields.expires) {
      if (!isDate(fields.expires.value)) {
        throw new WaiverFileError(
          `${file}:${lineOf(fields.expires.offset)}: /waivers/${index}/expires: is not a date (${fields.expires.value}); use YYYY-MM-DD`,
        );
      }
      w.expires = fields.expires.value;
    }
    waivers.push(w);
  });
  return waivers;
}

/** A real calendar date in YYYY-MM-DD (2027-02-30 is not). */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A waiver `expires: D` holds through D 23:59:59.999 UTC; from D+1 00:00 UTC it is expired. */
export function isExpired(expires: string | undefined | null, now: Date): boolean {
  if (!expires) return false;
  const [y, m, d] = expires.split('-').map(Number) as [number, number, number];
  return now.getTime() >= Date.UTC(y, m - 1, d + 1);
}

export interface ApplyWaiverOptions {
  /** The scanned host's name (matched case-insensitively against a waiver's `host`); null where unknown. */
  host: string | null;
  /** The scan's clock (`--now`). */
  now: Date | string;
  /** Ids of the rule catalog (any case); a waiver naming another rule gets `unknown-rule`. Omit to skip that check. */
  knownRuleIds?: Iterable<string>;
}

/** Whether a waiver concerns this host: no `host`, or this host (case-insensitive). */
export function hostMatches(w: Pick<WaiverEntry, 'host'> | Pick<WaiverStatus, 'host'>, host: string | null): boolean {
  return !w.host || (host !== null && host.toLowerCase() === w.host.toLowerCase());
}

/** Rule ids match case-insensitively (`mfa-life-001` is MFA-LIFE-001), the same in scan, gate and fleet. */
export function sameRule(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** A waiver as written, with its status: absent matchers and expiry as null (the report's shape). */
export function withStatus(w: WaiverEntry | WaiverStatus, status: WaiverStatus['status']): WaiverStatus {
  return { rule: w.rule, host: w.host ?? null, finding: w.finding ?? null, reason: w.reason, expires: w.expires ?? null, status };
}

/** The waiver as written again (a report's waiver list read back as input). */
export function asEntry(w: WaiverEntry | WaiverStatus): WaiverEntry {
  const e: WaiverEntry = { rule: w.rule, reason: w.reason };
  if (w.host) e.host = w.host;
  if (w.finding) e.finding = w.finding;
  if (w.expires) e.expires = w.expires;
  return e;
}

/**
 * Applies waivers to findings; pure (returns copies). The waivers given are the complete set:
 * any waiver mark the findings already carry is cleared first.
 * Status per waiver, first that holds: `unknown-rule` (rule not in the catalog), `expired`
 * (waives nothing), `applied` (waived at least one finding), `unused`. A waiver for another
 * host is `unused` here. Where several waivers match one finding, the first in the file marks it.
 */
export function applyWaivers<F extends Finding>(
  findings: readonly F[],
  waivers: readonly (WaiverEntry | WaiverStatus)[],
  opts: ApplyWaiverOptions,
): { findings: F[]; waivers: WaiverStatus[] } {
  const now = typeof opts.now === 'string' ? new Date(opts.now) : opts.now;
  const known = opts.knownRuleIds ? new Set([...opts.knownRuleIds].map((id) => id.toUpperCase())) : null;
  const out = findings.map((f) => ({ ...f, waiver: null as Finding['waiver'] }));
  const statused = waivers.map((w): WaiverStatus => {
    if (known && !known.has(w.rule.toUpperCase())) return withStatus(w, 'unknown-rule');
    if (isExpired(w.expires, now)) return withStatus(w, 'expired');
    let used = false;
    if (hostMatches(w, opts.host)) {
      for (const f of out) {
        if (!sameRule(f.ruleId, w.rule) || (w.finding && f.id !== w.finding)) continue;
        used = true;
        f.waiver ??= { reason: w.reason, expires: w.expires ?? null };
      }
    }
    return withStatus(w, used ? 'applied' : 'unused');
  });
  return { findings: out, waivers: statused };
}

/**
 * The MFA-WVR-001 findings for waivers whose status is `expired` and that concern this host, as
 * src/rules/catalog/MFA-WVR-001.ts (the rule's one place) reports them, without `id` and `planSteps`
 * (the caller gives them: `findingId` over the evidence's `observed`). `file` is the waiver file as given.
 */
export function expiredWaiverFindings(
  waivers: readonly WaiverStatus[],
  host: string | null,
  file: string,
): Omit<Finding, 'id' | 'planSteps'>[] {
  const m = WVR001.meta;
  return expiredWaiverHits({ waivers, host, file }).map((hit) => ({
    ruleId: m.id,
    outcome: hit.outcome ?? 'fail',
    severity: hit.severity ?? m.severity,
    title: m.title,
    message: formatMessage(m, hit),
    component: hit.component ?? m.component,
    evidence: hit.evidence,
    seed: m.seed,
    waiver: null,
  }));
}

/** What identifies a waiver across lists (a host report's, the fleet's): its matchers, reason and expiry. */
export function waiverKey(w: WaiverEntry | WaiverStatus): string {
  return [w.rule.toUpperCase(), (w.host ?? '').toLowerCase(), w.finding ?? '', w.reason, w.expires ?? ''].join('\u0000');
}

/**
 * The MFA-WVR-001 findings with their ids and plan steps, the one way scan, gate and fleet raise them: the id is
 * `findingId` over the evidence, as every finding's, made unique among `existing` findings (util/findings uniqueId).
 */
export function raiseExpiredWaivers(
  existing: readonly Finding[],
  waivers: readonly WaiverStatus[],
  host: string | null,
  file: string,
): Finding[] {
  const seen = new Set(existing.map((f) => f.id));
  return expiredWaiverFindings(waivers, host, file).map((f) => ({
    ...f,
    id: uniqueId(seen, (key) => findingId(f.ruleId, host, f.component, key), f.evidence[0]?.observed ?? ''),
    planSteps: [],
  }));
}
