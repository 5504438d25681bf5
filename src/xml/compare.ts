/**
 * Structural comparison of two config files (MFA-ADFS-004, `compare-config OLD NEW`).
 * Raw values are compared; only redacted values are returned.
 */
import type { ConfigDifference } from '../types.js';
import { redactElement } from './redact.js';
import { parseXmlSafe, type ParseOptions, type XmlElement } from './safe.js';

export type CompareResult = { ok: true; differences: ConfigDifference[] } | { ok: false; error: string };

/** Attributes that identify one of several same-named siblings, in order of preference. */
const IDENTITY_ATTRS = ['key', 'name', 'path'];

/** A raw element and its redacted twin (same shape: redactElement keeps structure). */
interface Pair {
  raw: XmlElement;
  red: XmlElement;
}

function quote(v: string): string {
  return v.includes("'") ? `"${v}"` : `'${v}'`;
}

/** Readable labels for a list of siblings: name[@key='x'], name[2], or just name. */
function labels(children: XmlElement[], other: XmlElement[]): string[] {
  const ident = children.map((c) => {
    for (const a of IDENTITY_ATTRS) {
      const at = c.attributes.find((x) => x.name === a);
      if (at) return `${c.name}[@${a}=${quote(at.value)}]`;
    }
    return null;
  });
  // Same-named siblings without an identity attribute, counted on the side that has more of them,
  // so that one <X> on one side and two on the other still line up as X[1].
  const unkeyed = (list: XmlElement[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of list) if (!IDENTITY_ATTRS.some((a) => c.attributes.some((x) => x.name === a))) m.set(c.name, (m.get(c.name) ?? 0) + 1);
    return m;
  };
  const mine = unkeyed(children);
  const theirs = unkeyed(other);
  const unkeyedCount = new Map<string, number>();
  for (const [k, v] of mine) unkeyedCount.set(k, Math.max(v, theirs.get(k) ?? 0));
  const seen = new Map<string, number>();
  return children.map((c, i) => {
    const base = ident[i] ?? c.name;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    // Position only where it is needed to tell siblings apart.
    const many = ident[i] === null ? (unkeyedCount.get(c.name) ?? 0) > 1 : n > 1;
    return many || n > 1 ? `${base}[${n}]` : base;
  });
}

/** Short description of a whole element (for added/removed elements), from its redacted twin. */
function summary(el: XmlElement): string {
  const t = el.text.trim();
  const attrs = el.attributes.map((a) => `${a.name}="${a.value}"`).join(' ');
  const parts = [attrs, t].filter((s) => s !== '');
  if (parts.length === 0 && el.children.length > 0) return `<${el.name}> with ${el.children.length} child element(s)`;
  return parts.join(' ');
}

/** The value to show: the redacted one, except that an empty value is shown empty (it hides no secret). */
function shown(raw: string, red: string): string {
  return raw.trim() === '' ? '' : red;
}

function walk(o: Pair, n: Pair, path: string, out: ConfigDifference[]): void {
  // Attributes, by name as written.
  o.raw.attributes.forEach((a, i) => {
    const j = n.raw.attributes.findIndex((b) => b.name === a.name);
    const p = `${path}/@${a.name}`;
    if (j < 0) out.push({ kind: 'removed', path: p, old: shown(a.value, o.red.attributes[i].value), new: null });
    else if (n.raw.attributes[j].value !== a.value)
      out.push({
        kind: 'changed',
        path: p,
        old: shown(a.value, o.red.attributes[i].value),
        new: shown(n.raw.attributes[j].value, n.red.attributes[j].value),
      });
  });
  n.raw.attributes.forEach((b, j) => {
    if (!o.raw.attributes.some((a) => a.name === b.name))
      out.push({ kind: 'added', path: `${path}/@${b.name}`, old: null, new: shown(b.value, n.red.attributes[j].value) });
  });
  // Element text, trimmed.
  if (o.raw.text.trim() !== n.raw.text.trim()) {
    out.push({ kind: 'changed', path, old: shown(o.raw.text, o.red.text.trim()), new: shown(n.raw.text, n.red.text.trim()) });
  }
  // Children, matched by label.
  const ol = labels(o.raw.children, n.raw.children);
  const nl = labels(n.raw.children, o.raw.children);
  ol.forEach((l, i) => {
    const j = nl.indexOf(l);
    const p = `${path}/${l}`;
    if (j < 0) out.push({ kind: 'removed', path: p, old: summary(o.red.children[i]), new: null });
    else walk({ raw: o.raw.children[i], red: o.red.children[i] }, { raw: n.raw.children[j], red: n.red.children[j] }, p, out);
  });
  nl.forEach((l, j) => {
    if (!ol.includes(l)) out.push({ kind: 'added', path: `${path}/${l}`, old: null, new: summary(n.red.children[j]) });
  });
}

/** Compare two XML config files: elements and attributes added, removed, changed (values redacted). */
export function compareConfigs(oldData: Buffer | string, newData: Buffer | string, opts?: ParseOptions): CompareResult {
  const a = parseXmlSafe(oldData, opts);
  if (!a.ok) return { ok: false, error: `old file: ${a.error}` };
  const b = parseXmlSafe(newData, opts);
  if (!b.ok) return { ok: false, error: `new file: ${b.error}` };
  return { ok: true, differences: compareElements(a.doc.root, b.doc.root) };
}

/** Compare two parsed trees (raw values compared, redacted values returned). */
export function compareElements(oldRoot: XmlElement, newRoot: XmlElement): ConfigDifference[] {
  const out: ConfigDifference[] = [];
  const o = { raw: oldRoot, red: redactElement(oldRoot) };
  const n = { raw: newRoot, red: redactElement(newRoot) };
  if (oldRoot.name !== newRoot.name) {
    out.push({ kind: 'removed', path: `/${oldRoot.name}`, old: summary(o.red), new: null });
    out.push({ kind: 'added', path: `/${newRoot.name}`, old: null, new: summary(n.red) });
    return out;
  }
  walk(o, n, `/${oldRoot.name}`, out);
  return out;
}

/**
 * Which of two things a difference is (compare-config's two sections, issue 11 item 18):
 * - `carry-over`: a setting of the old file to bring into the new one: appSettings, applicationSettings (the SDK
 *   URL is one), the portal theme (pages/@theme), every value of a file that is not a web.config (the AD FS
 *   adapter config), and any other difference the release does not explain (a change made to the old file);
 * - `release`: what the new release changes on purpose and the new file must keep: section and handler types,
 *   assembly versions, the .NET version (2.0 -> 4.0 from 7.0), and settings that are new in the release.
 */
export type DifferenceSection = 'carry-over' | 'release';

const SETTINGS = /\/(?:appSettings|applicationSettings)(?:\/|$)|\/pages\/@theme$/;
const RELEASE_PATH =
  /\/configSections(?:\/|$)|\/@(?:type|targetFramework|assembly|publicKeyToken|newVersion|oldVersion|version|controlRenderingCompatibilityVersion)$|\/(?:startup|runtime|assemblyBinding|system\.codedom|compilation|assemblies|buildProviders|handlers|modules|httpHandlers|httpModules|validation|supportedRuntime|httpRuntime)(?:\/|\[|$)/;
const VERSIONED = /\bVersion=\d+\.\d+/;

export function differenceSection(d: ConfigDifference): DifferenceSection {
  const root = /^\/([^/[]+)/.exec(d.path)?.[1];
  if (SETTINGS.test(d.path) || root !== 'configuration') return d.kind === 'added' ? 'release' : 'carry-over';
  if (RELEASE_PATH.test(d.path) || VERSIONED.test(d.old ?? '') || VERSIONED.test(d.new ?? '')) return 'release';
  return 'carry-over';
}

/** Whether the release moves the file's .NET sections from 2.0 to 4.0 (a 6.x web.config must not be copied over a 7.x one). */
export function changesFramework(differences: ConfigDifference[]): boolean {
  return differences.some(
    (d) =>
      (/@targetFramework$/.test(d.path) && d.kind !== 'removed') ||
      (/Version=2\.0\.0\.0/.test(d.old ?? '') && /Version=4\.0\.0\.0/.test(d.new ?? '')) ||
      (/supportedRuntime/.test(d.path) && /v4\.0/.test(d.new ?? '')),
  );
}
