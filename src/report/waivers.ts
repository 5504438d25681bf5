import { readFile } from 'node:fs/promises';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import type { Finding, Waiver } from '../types.js';

// yaml (70-odd modules) loads only when a waiver file is read, not on every scan.
let Y: typeof import('yaml');

/** The rule an expired waiver raises (report.md, Waivers). */
export const EXPIRED_WAIVER_RULE = 'MFA-WVR-001';

const KEYS = ['rule', 'host', 'finding', 'reason', 'expires'] as const;

/** Thrown for an unreadable or invalid waiver file; `message` is one line: `FILE:LINE: what is wrong`. */
export class WaiverFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WaiverFileError';
  }
}

/**
 * Reads a waiver file (YAML, or JSON, which YAML parses too): `{ waivers: [ … ] }` or a bare list.
 * An empty file or `waivers:` with nothing under it is no waivers.
 * Unknown keys in an entry are errors: a misspelt `expire:` must not make a waiver eternal.
 * Numbers in `rule`/`host`/`finding` keep their source text (`finding: 0123` stays "0123").
 */
export async function loadWaivers(file: string): Promise<Waiver[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WaiverFileError(`${file}: cannot read the waiver file (${code ?? (e as Error).message})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  Y ??= await import('yaml');
  const lc = new Y.LineCounter();
  const doc = Y.parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  // Errors found at the end of the input (an unclosed quote) point at the last line with text.
  const lastText = Math.max(0, text.trimEnd().length - 1);
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lc.linePos(Math.min(offset, lastText)).line);
  const fail = (offset: number | undefined, msg: string): never => {
    throw new WaiverFileError(`${file}:${lineOf(offset)}: ${msg}`);
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = lineOf(err.pos[0]);
    // yaml's messages can span lines (a code frame); keep the first.
    throw new WaiverFileError(`${file}:${line}: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }

  let list: YamlNode | null | undefined = doc.contents as YamlNode | null;
  if (list === null || (Y.isScalar(list) && (list.value === null || list.value === ''))) return [];
  if (Y.isMap(list)) {
    const map: YAMLMap = list;
    for (const pair of map.items) {
      const key = Y.isScalar(pair.key) ? String(pair.key.value) : '';
      if (key !== 'waivers') fail((pair.key as YamlNode | null)?.range?.[0], `unknown key '${key}' (expected 'waivers')`);
    }
    list = map.get('waivers', true) as YamlNode | undefined;
    if (list === undefined) fail(map.range?.[0], `no 'waivers' list`);
    if (list === null || (Y.isScalar(list) && list.value === null)) return [];
  }
  if (!Y.isSeq(list)) return fail(list!.range?.[0], `'waivers' must be a list`);

  const waivers: Waiver[] = [];
  list.items.forEach((item, index) => {
    const entry = item as YamlNode | null;
    const at = entry?.range?.[0] ?? list!.range?.[0];
    if (!Y.isMap(entry)) return fail(at, `waiver ${index + 1} must be a mapping with rule, reason and optional host, finding, expires`);
    const fields: Partial<Record<(typeof KEYS)[number], { value: string; offset: number | undefined }>> = {};
    for (const pair of entry.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = Y.isScalar(keyNode) ? String(keyNode.value) : '';
      const koff = keyNode?.range?.[0] ?? at;
      if (!(KEYS as readonly string[]).includes(key)) {
        fail(koff, `waiver ${index + 1}: unknown key '${key}' (expected ${KEYS.join(', ')})`);
      }
      const v = pair.value as YamlNode | null;
      const voff = v?.range?.[0] ?? koff;
      if (v === null || (Y.isScalar(v) && v.value === null)) continue; // `host: null`, `host:` = not given
      if (!Y.isScalar(v) || !['string', 'number'].includes(typeof v.value)) {
        fail(voff, `waiver ${index + 1}: ${key} must be a text value`);
      }
      const s = v as { value: unknown; source?: string };
      const value = typeof s.value === 'number' ? (s.source ?? String(s.value)) : String(s.value);
      fields[key as (typeof KEYS)[number]] = { value: value.trim(), offset: voff };
    }
    const w: Waiver = { rule: '', reason: '' };
    if (!fields.rule || fields.rule.value === '') fail(at, `waiver ${index + 1}: rule is required`);
    w.rule = fields.rule!.value;
    if (fields.host) w.host = fields.host.value;
    if (fields.finding) w.finding = fields.finding.value;
    if (!fields.reason || fields.reason.value === '') fail(at, `waiver ${index + 1} (${w.rule}): reason is required`);
    w.reason = fields.reason!.value;
    if (fields.expires) {
      if (!isDate(fields.expires.value)) fail(fields.expires.offset, `expires is not a date (${fields.expires.value}); use YYYY-MM-DD`);
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
  /** Ids of the rule catalog; a waiver naming another rule gets `unknown-rule`. Omit to skip that check. */
  knownRuleIds?: Iterable<string>;
}

function hostMatches(w: Waiver, host: string | null): boolean {
  return !w.host || (host !== null && host.toLowerCase() === w.host.toLowerCase());
}

/**
 * Applies waivers to findings; pure (returns copies). The waivers given are the complete set:
 * any waiver mark the findings already carry is cleared first.
 * Status per waiver, first that holds: `unknown-rule` (rule not in the catalog), `expired`
 * (waives nothing), `applied` (waived at least one finding), `unused`. A waiver for another
 * host is `unused` here. Where several waivers match one finding, the first in the file marks it.
 */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  opts: ApplyWaiverOptions,
): { findings: Finding[]; waivers: Waiver[] } {
  const now = typeof opts.now === 'string' ? new Date(opts.now) : opts.now;
  const known = opts.knownRuleIds ? new Set(opts.knownRuleIds) : null;
  const out = findings.map((f) => ({ ...f, waiver: null as Finding['waiver'] }));
  const statused = waivers.map((w): Waiver => {
    const base: Waiver = { ...w };
    delete base.status;
    if (known && !known.has(w.rule)) return { ...base, status: 'unknown-rule' };
    if (isExpired(w.expires, now)) return { ...base, status: 'expired' };
    let used = false;
    if (hostMatches(w, opts.host)) {
      for (const f of out) {
        if (f.ruleId !== w.rule || (w.finding && f.id !== w.finding)) continue;
        used = true;
        f.waiver ??= { reason: w.reason, expires: w.expires ?? null };
      }
    }
    return { ...base, status: used ? 'applied' : 'unused' };
  });
  return { findings: out, waivers: statused };
}

/**
 * The MFA-WVR-001 findings (low) for waivers whose status is `expired` and that would
 * otherwise concern this host (no `host`, or this host): one per waiver, in file order.
 * The lead adds `id` (its usual digest) and `planSteps` ([]), then sorts.
 * `file` is the waiver file as given on the command line: the evidence's location.
 */
export function expiredWaiverFindings(
  waivers: readonly Waiver[],
  host: string | null,
  file: string,
): Omit<Finding, 'id' | 'planSteps'>[] {
  return waivers
    .filter((w) => w.status === 'expired' && hostMatches(w, host))
    .map((w) => {
      const scope = [w.host ? `host ${w.host}` : null, w.finding ? `finding ${w.finding}` : null].filter(Boolean).join(', ');
      return {
        ruleId: EXPIRED_WAIVER_RULE,
        outcome: 'fail' as const,
        severity: 'low' as const,
        title: 'A waiver has expired',
        message:
          `The waiver for ${w.rule}${scope ? ` (${scope})` : ''} expired on ${w.expires} and waives nothing: ` +
          `renew it with the change board or fix what it covered. Reason given: ${w.reason}`,
        component: 'host' as const,
        evidence: [
          {
            source: 'file' as const,
            location: file,
            observed: `rule: ${w.rule}${w.host ? `, host: ${w.host}` : ''}${w.finding ? `, finding: ${w.finding}` : ''}, expires: ${w.expires}`,
          },
        ],
        seed: { file: 'report.md', section: 'Waivers' },
        waiver: null,
      };
    });
}
