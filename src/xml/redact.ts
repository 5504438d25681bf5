/**
 * The product's single redaction policy (report.md "Secrets never reach a report").
 * Everything that shows a config value (evidence, logs, diffs, collected copies) goes through here.
 */
import { TextDecoder } from 'node:util';
import { parseXmlSafe, type XmlElement } from './safe.js';

export const REDACTED = '[redacted]';

const SECRET_NAME = /password|passwd|pwd|secret|token|credential/i;
/** machineKey's keys are secrets too, though their names do not say so. */
const MACHINE_KEY_NAME = /^(validationKey|decryptionKey)$/i;

/** Whether a setting, element or attribute with this name holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) || MACHINE_KEY_NAME.test(name);
}

// A connection-string part: `;  Password = value` with the value bare, "double" or 'single' quoted
// (a quote inside a quoted value is doubled). Storage-style keys (AccountKey, SharedAccessKey) count too.
const CONN_PART = /(^|;)(\s*(?:password|pwd|accountkey|sharedaccesskey)\s*=\s*)("(?:[^"]|"")*"|'(?:[^']|'')*'|[^;]*)/gi;

/** Replace the value of Password/Pwd parts of a connection string, keeping the rest as it was. */
export function redactConnectionString(s: string): string {
  return s.replace(CONN_PART, (_m, sep: string, key: string, value: string) => {
    // keep trailing spaces of an unquoted value outside the redaction marker
    const trail = /\s*$/.exec(value)?.[0] ?? '';
    return `${sep}${key}${REDACTED}${trail}`;
  });
}

/** `scheme://user:password@host` -> `scheme://user:[redacted]@host`. */
function redactUrlUserinfo(s: string): string {
  return s.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)([^\s/@]+)(@)/gi, (_m, a: string, _p: string, c: string) => `${a}${REDACTED}${c}`);
}

/** A value as it may be shown: whole value hidden for secret names, else password parts hidden. */
export function redactValue(name: string, value: string): string {
  if (isSecretName(name)) return REDACTED;
  return redactUrlUserinfo(redactConnectionString(value));
}

// ---- Redaction of parsed trees and of config text ----

/** Attributes that name the setting an element holds (`<add key=.. value=..>`, `<setting name=..>`). */
const NAMING_ATTRS = ['key', 'name'];

interface ElementRedaction {
  /** attribute index -> new value */
  attrs: Map<number, string>;
  /** whether the element's own text is hidden */
  text: boolean;
}

/**
 * What to hide in one element. `inherited` is true inside a secret-named element or setting
 * (`<setting name="Password"><value>x</value></setting>`, `<WebServiceSdkPassword>x</..>`).
 */
function planFor(el: XmlElement, inherited: boolean): { plan: ElementRedaction; secretScope: boolean } {
  const named = el.attributes.find(a => NAMING_ATTRS.includes(a.name.toLowerCase()));
  const settingIsSecret = named !== undefined && isSecretName(named.value);
  const secretScope = inherited || isSecretName(el.name) || settingIsSecret;
  const attrs = new Map<number, string>();
  el.attributes.forEach((a, i) => {
    if (a === named) return; // the setting's name itself is not secret
    let v: string;
    if (isSecretName(a.name) || (settingIsSecret && a.name.toLowerCase() === 'value')) v = REDACTED;
    else v = redactValue(a.name, a.value);
    if (v !== a.value) attrs.set(i, v);
  });
  return { plan: { attrs, text: secretScope && el.text.trim() !== '' }, secretScope };
}

/** A copy of the tree with every secret replaced by REDACTED (same policy as redactXmlText). */
export function redactElement(el: XmlElement, inherited = false): XmlElement {
  const { plan, secretScope } = planFor(el, inherited);
  const text = plan.text ? REDACTED : redactUrlUserinfo(redactConnectionString(el.text));
  return {
    ...el,
    attributes: el.attributes.map((a, i) => (plan.attrs.has(i) ? { name: a.name, value: plan.attrs.get(i)! } : { ...a })),
    children: el.children.map(c => redactElement(c, secretScope)),
    text,
  };
}

interface Edit { from: number; to: number; insert: string }

/** Index just past the '>' that ends the start tag at `start` (quotes skipped). */
function startTagEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

function escapeAttr(v: string, quote: string): string {
  let s = v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? s.replace(/"/g, '&quot;') : s.replace(/'/g, '&apos;');
}

/** Collect text edits for el and its descendants. */
function collectEdits(text: string, el: XmlElement, inherited: boolean, edits: Edit[]): void {
  const { plan, secretScope } = planFor(el, inherited);
  const tagEnd = el.start >= 0 ? startTagEnd(text, el.start) : -1;
  if (tagEnd < 0) return;
  if (plan.attrs.size > 0) {
    // Attributes in the start tag, in order; the parser gives them in the same order.
    const re = /([^\s=/<>"']+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    re.lastIndex = el.start + 1 + el.name.length;
    const tag = text.slice(0, tagEnd);
    let i = 0;
    for (let m = re.exec(tag); m; m = re.exec(tag), i++) {
      const v = plan.attrs.get(i);
      if (v === undefined) continue;
      const quote = m[2][0];
      const valueStart = m.index + m[0].length - m[2].length;
      edits.push({ from: valueStart + 1, to: valueStart + m[2].length - 1, insert: escapeAttr(v, quote) });
    }
  }
  const selfClosing = text[tagEnd - 2] === '/';
  if (!selfClosing) {
    // Text runs: the gaps between the start tag, the children, and the closing tag.
    const close = text.lastIndexOf('</', el.end - 1);
    const bounds: [number, number][] = [];
    let from = tagEnd;
    for (const c of el.children) { bounds.push([from, c.start]); from = c.end; }
    bounds.push([from, close]);
    for (const [a, b] of bounds) {
      if (a < 0 || b < a) continue;
      const raw = text.slice(a, b);
      const core = raw.trim();
      if (core === '') continue;
      const lead = raw.length - raw.trimStart().length;
      let insert: string | null = null;
      if (plan.text) insert = REDACTED;
      else if (core.includes('<')) {
        // CDATA or a comment in the run: judge by the decoded text, hide the whole run if needed
        if (redactUrlUserinfo(redactConnectionString(el.text)) !== el.text) insert = REDACTED;
      } else {
        const r = redactUrlUserinfo(redactConnectionString(core));
        // With entities in the raw text, a partial edit could cut one in half: hide the whole run.
        if (r !== core) insert = core.includes('&') ? REDACTED : r;
      }
      if (insert !== null) edits.push({ from: a + lead, to: a + lead + core.length, insert });
    }
  }
  for (const c of el.children) collectEdits(text, c, secretScope, edits);
}

/**
 * A copy of a config file's text with every secret value replaced by REDACTED; everything else is
 * left byte for byte. Text that does not parse gets a conservative pattern-based pass instead.
 */
export function redactXmlText(text: string): string {
  const r = parseXmlSafe(text, { maxBytes: Number.MAX_SAFE_INTEGER });
  if (!r.ok) return redactUnparsed(text);
  const edits: Edit[] = [];
  const bom = text.length - r.doc.text.length; // a leading U+FEFF is stripped before parsing
  collectEdits(r.doc.text, r.doc.root, false, edits);
  // Apply in one pass, front to back (edits never overlap: each covers one attribute value or text run).
  edits.sort((a, b) => a.from - b.from);
  const parts: string[] = [text.slice(0, bom)];
  let at = 0;
  for (const e of edits) {
    if (e.from < at) continue;
    parts.push(r.doc.text.slice(at, e.from), e.insert);
    at = e.to;
  }
  parts.push(r.doc.text.slice(at));
  return parts.join('');
}

/** Best effort for text that does not parse: secret-named attributes, elements and settings. */
function redactUnparsed(text: string): string {
  const S = '[\\w.:-]*(?:password|passwd|pwd|secret|token|credential)[\\w.:-]*|validationKey|decryptionKey';
  // Connection-string passwords inside attribute values: stop at the attribute's quote or a tag.
  const conn = /(^|;|&quot;|")(\s*(?:password|pwd|accountkey|sharedaccesskey)\s*=\s*)(&quot;[\s\S]*?&quot;|&apos;[\s\S]*?&apos;|'(?:[^'<>]|'')*'|[^;"'<>]*)/gi;
  return redactUrlUserinfo(text.replace(conn, (_m, sep: string, key: string) => `${sep}${key}${REDACTED}`))
    // <add key="...Password" value="x">: the value after a secret-named key or name
    .replace(new RegExp(`(\\b(?:key|name)\\s*=\\s*["'](?:${S})["'][^>]*?\\bvalue\\s*=\\s*)("[^"]*"|'[^']*')`, 'gi'), (_m, a: string, v: string) => `${a}${v[0]}${REDACTED}${v[0]}`)
    // secret="x"
    .replace(new RegExp(`(\\s(?:${S})\\s*=\\s*)("[^"]*"|'[^']*')`, 'gi'), (_m, a: string, v: string) => `${a}${v[0]}${REDACTED}${v[0]}`)
    // <Password>x</Password>
    .replace(new RegExp(`(<(${S})(?:\\s[^>]*)?>)([^<]*)(</\\2\\s*>)`, 'gi'), (_m, a: string, _n: string, v: string, c: string) => `${a}${v.trim() ? REDACTED : v}${c}`)
    // <setting name="...Password"><value>x</value>
    .replace(new RegExp(`(\\bname\\s*=\\s*["'](?:${S})["'][^>]*>\\s*<value>)([^<]*)(</value>)`, 'gi'), (_m, a: string, _v: string, c: string) => `${a}${REDACTED}${c}`);
}

/**
 * redactXmlText for a file's bytes, written back in the file's own encoding and BOM.
 * 8-bit files (UTF-8 and code pages) are handled as Latin-1, one char per byte, so every byte
 * outside a redacted value survives exactly, even invalid UTF-8.
 */
export function redactXmlBytes(data: Buffer): Buffer {
  const b = data;
  const le = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0 && b.length > 3 && b[3] === 0);
  const be = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] === 0x3c);
  if (le || be) {
    const bom = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) ? 2 : 0;
    const body = b.subarray(bom, bom + ((b.length - bom) & ~1));
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(body);
    const out = Buffer.from(redactXmlText(text), 'utf16le');
    if (be) out.swap16();
    return Buffer.concat([b.subarray(0, bom), out, b.subarray(bom + body.length)]);
  }
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return Buffer.concat([b.subarray(0, bom), Buffer.from(redactXmlText(b.subarray(bom).toString('latin1')), 'latin1')]);
}
