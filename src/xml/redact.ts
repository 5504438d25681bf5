/**
 * The product's single redaction policy (docs/report-format.md, "Order, bytes and secrets").
 * Everything that shows a config value (evidence, logs, diffs, collected copies) goes through here.
 */
import { TextDecoder } from 'node:util';
import { parseXmlSafe, type XmlElement } from './safe.js';

export const REDACTED = '[redacted]';

/** Names holding a secret wherever the word appears in them (`WebServiceSdkPassword`, `SMS_GATEWAY_TOKEN`). */
const SECRET_NAME = /password|passwd|pwd|secret|token|credential|passphrase|apikey|privatekey|private_key|api_key/i;
/** machineKey's keys are secrets too, though their names do not say so. */
const MACHINE_KEY_NAME = /^(validationKey|decryptionKey)$/i;
/** The words of a name: camelCase, PascalCase, snake_case, dotted and spaced names alike. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
/** `<x>Key` names that hold a key (ApiKey, AccessKey, SharedAccessKey, SigningKey, ...), not `machineKey` or `key`. */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'account',
  'shared',
  'private',
  'secret',
  'signing',
  'encryption',
  'client',
  'subscription',
  'master',
  'auth',
  'hmac',
  'sas',
  'storage',
]);
/** Last words that make a name secret (`SmtpPass`, `SMTP_PASS`, `AdminPin` is not: a PIN length is not a secret). */
const SECRET_LAST_WORDS = new Set(['pass', 'pw', 'passcode', 'passwort']);

/** Whether a setting, element or attribute with this name holds a secret. */
export function isSecretName(name: string): boolean {
  if (SECRET_NAME.test(name) || MACHINE_KEY_NAME.test(name)) return true;
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined) return false;
  if (SECRET_LAST_WORDS.has(last)) return true;
  return (last === 'key' || last === 'keys') && w.length > 1 && KEY_QUALIFIERS.has(w[w.length - 2]);
}

/**
 * The key of a connection-string part whose value is a secret: ends in Password/Pwd (`Password`,
 * `Jet OLEDB:Database Password`, `Jet OLEDB:New Database Password`; not `PasswordHint`), or a storage /
 * API key or secret.
 */
export function isSecretConnKey(key: string): boolean {
  const k = key.trim();
  return (
    /(?:password|passwd|pwd)$/i.test(k) ||
    /^(?:account\s*key|shared\s*access\s*(?:key|signature)|api\s*key|client\s*secret|secret|token|access\s*token|passphrase|pass)$/i.test(k)
  );
}

/**
 * A connection-string value: ODBC `{braced}` (`}}` inside), "double" or 'single' quoted (the quote doubled
 * inside), bare up to the next `;`. An unterminated brace or quote runs to the end of the text, so
 * `Pwd={A;B` hides `B` too.
 */
const CONN_VALUE = String.raw`\{(?:[^}]|\}\})*\}(?!\})|\{[\s\S]*$|"(?:[^"]|"")*"(?!")|"[\s\S]*$|'(?:[^']|'')*'(?!')|'[\s\S]*$|[^;]*`;
/** `key = value` parts, from the start of the text or after a `;`. */
const CONN_PART = new RegExp(String.raw`(^|;)([^;=]*?)(=\s*)(${CONN_VALUE})`, 'gi');
/** Password parts anywhere in prose (`... failed for Password=x`), where no `;` or start precedes them. */
const CONN_LOOSE = new RegExp(String.raw`(\b(?:Jet OLEDB:(?:New )?Database Password|password|pwd|passwd)\s*=\s*)(${CONN_VALUE})`, 'gi');

function hideValue(value: string): string {
  // keep trailing spaces of an unquoted value outside the redaction marker
  const trail = /^[{"']/.test(value) ? '' : (/\s*$/.exec(value)?.[0] ?? '');
  return value.trim() === '' && trail === value ? value : REDACTED + trail;
}

/** Replace the values of Password/Pwd (and key/secret) parts of a connection string, keeping the rest as it was. */
export function redactConnectionString(s: string): string {
  if (!s.includes('=')) return s;
  const first = s.replace(CONN_PART, (m, sep: string, key: string, eq: string, value: string) =>
    isSecretConnKey(key) && value !== '' ? `${sep}${key}${eq}${hideValue(value)}` : m,
  );
  return first.replace(CONN_LOOSE, (m, key: string, value: string) =>
    value === '' || value.startsWith(REDACTED) ? m : `${key}${hideValue(value)}`,
  );
}

/**
 * `scheme://user:password@host` -> `scheme://user:[redacted]@host`. The password runs to the last `@`
 * of the URL, so a password holding `/` or `@` (written unencoded, as people do) is hidden whole; the
 * user may hold an `@` (`user@domain:pw@host`).
 */
export function redactUrlUserinfo(s: string): string {
  if (!s.includes('://')) return s;
  return s.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:"'<>]*:)([^\s"'<>]+)(@)/gi, (m, a: string, p: string, c: string) =>
    p === REDACTED ? m : `${a}${REDACTED}${c}`,
  );
}

/** A pasted PEM private key (RSA, EC, DSA, OPENSSH, ENCRYPTED, PKCS#8): the body goes, the armour stays. */
const PEM_KEY = /(-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----)[\s\S]*?(?:(-----END \2PRIVATE KEY-----)|$)/g;
const PUTTY_KEY = /(PuTTY-User-Key-File-\d+:[^\r\n]*)[\s\S]*?(?:(Private-MAC:[^\r\n]*)|$)/g;
export function redactPrivateKeys(s: string): string {
  if (!s.includes('PRIVATE KEY-----') && !s.includes('PuTTY-User-Key-File')) return s;
  return s
    .replace(
      PEM_KEY,
      (_m, begin: string, kind: string, end: string | undefined) => `${begin}${REDACTED}${end ?? `-----END ${kind}PRIVATE KEY-----`}`,
    )
    .replace(PUTTY_KEY, (_m, head: string) => `${head}${REDACTED}`);
}

/**
 * The policy for free text of any origin (a value, a message, a registry string, a line of a file):
 * private keys, connection-string secrets and URL passwords are hidden; everything else is kept.
 */
export function redactText(s: string): string {
  return redactUrlUserinfo(redactConnectionString(redactPrivateKeys(s)));
}

/** A value as it may be shown: whole value hidden for secret names, else secret parts hidden (redactText). */
export function redactValue(name: string, value: string): string {
  if (isSecretName(name)) return REDACTED;
  return redactText(value);
}

const PROSE_SECRET =
  /(\b[\w.-]*(?:password|passwd|pwd|passphrase|secret|api[ _-]?key|token|credentials?|pass)\b\s*(?::|=|\bis\b|\bwas\b)\s*)("[^"]*"|'[^']*'|[^\s<>"']+)/gi;

/**
 * Text a person wrote (an XML comment): commented-out settings (`<add key="SmtpPassword" value="x"/>`),
 * connection strings, URLs, keys, and prose such as `password: x` or `the SDK password is x`.
 */
export function redactComment(s: string): string {
  return redactProse(redactMarkup(s));
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
  const named = el.attributes.find((a) => NAMING_ATTRS.includes(a.name.toLowerCase()));
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
  const text = plan.text ? REDACTED : redactText(el.text);
  return {
    ...el,
    attributes: el.attributes.map((a, i) => (plan.attrs.has(i) ? { name: a.name, value: plan.attrs.get(i)! } : { ...a })),
    children: el.children.map((c) => redactElement(c, secretScope)),
    text,
  };
}

interface Edit {
  from: number;
  to: number;
  insert: string;
}

/** Index just past the '>' that ends the start tag at `start` (quotes skipped). */
function startTagEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

function escapeAttr(v: string, quote: string): string {
  const s = v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
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
    for (const c of el.children) {
      bounds.push([from, c.start]);
      from = c.end;
    }
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
        if (redactText(el.text) !== el.text) insert = REDACTED;
      } else {
        const r = redactText(core);
        // With entities in the raw text, a partial edit could cut one in half: hide the whole run.
        if (r !== core) insert = core.includes('&') ? REDACTED : r;
      }
      if (insert !== null) edits.push({ from: a + lead, to: a + lead + core.length, insert });
    }
  }
  for (const c of el.children) collectEdits(text, c, secretScope, edits);
}

/** `<!-- ... -->` comments (an unterminated one runs to the end). */
const COMMENT = /<!--([\s\S]*?)(-->|$)/g;

/**
 * A copy of a config file's text with every secret value replaced by REDACTED; everything else is
 * left byte for byte. Comments are text a person wrote: commented-out settings, connection strings,
 * URLs, keys and "password: x" prose in them are hidden too. Text that does not parse gets a
 * conservative pattern-based pass instead.
 */
export function redactXmlText(text: string): string {
  const r = parseXmlSafe(text, { maxBytes: Number.MAX_SAFE_INTEGER });
  if (!r.ok) return redactUnparsed(text);
  const edits: Edit[] = [];
  const bom = text.length - r.doc.text.length; // a leading U+FEFF is stripped before parsing
  collectEdits(r.doc.text, r.doc.root, false, edits);
  if (r.doc.text.includes('<!--')) {
    for (const m of r.doc.text.matchAll(COMMENT)) {
      const body = m[1];
      const red = redactComment(body);
      if (red !== body) edits.push({ from: m.index + 4, to: m.index + 4 + body.length, insert: red });
    }
  }
  // Apply in one pass, front to back. Edits never partly overlap: each covers one attribute value, one
  // text run or one comment; a comment inside a run hidden whole gives way to it (the longer edit first).
  edits.sort((a, b) => a.from - b.from || b.to - b.from - (a.to - a.from));
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

/** Best effort for text that does not parse: the markup patterns, then prose in its comments. */
function redactUnparsed(text: string): string {
  return redactMarkup(text).replace(COMMENT, (_m, body: string, end: string) => `<!--${redactProse(body)}${end}`);
}

/**
 * Pattern-based redaction of XML-ish text: secret-named attributes, elements and settings (names judged
 * by isSecretName), connection-string secrets inside attribute values, private keys, URL passwords.
 */
function redactMarkup(text: string): string {
  const hideQuoted = (v: string) => `${v[0]}${REDACTED}${v[0]}`;
  // Connection-string secrets inside attribute values (or text): stop at the attribute's quote, a tag or `-->`.
  const conn =
    /(^|;|&quot;|")([^;"'<>=&]*?)(=\s*)(&quot;[\s\S]*?&quot;|&apos;[\s\S]*?&apos;|'(?:[^'<>]|'')*'|\{(?:[^}"<>]|\}\})*\}|(?:(?!-->)[^;"'<>])*)/gi;
  return redactUrlUserinfo(
    redactPrivateKeys(text)
      .replace(conn, (m, sep: string, key: string, eq: string, v: string) =>
        isSecretConnKey(key) && v.trim() !== '' ? `${sep}${key}${eq}${hideValue(v)}` : m,
      )
      // <add key="...Password" value="x">: the value after a secret-named key or name
      .replace(
        /(\b(?:key|name)\s*=\s*["'])([^"'<>]*)(["'][^>]*?\bvalue\s*=\s*)("[^"]*"|'[^']*')/gi,
        (m, a: string, n: string, b: string, v: string) => (isSecretName(n) ? `${a}${n}${b}${hideQuoted(v)}` : m),
      )
      // secret="x"
      .replace(/(\s)([\w.:-]+)(\s*=\s*)("[^"]*"|'[^']*')/g, (m, sp: string, n: string, eq: string, v: string) =>
        isSecretName(n) ? `${sp}${n}${eq}${hideQuoted(v)}` : m,
      )
      // <Password>x</Password>
      .replace(/(<([\w.:-]+)(?:\s[^>]*)?>)([^<]*)(<\/\2\s*>)/g, (m, a: string, n: string, v: string, c: string) =>
        isSecretName(n) && v.trim() ? `${a}${REDACTED}${c}` : m,
      )
      // <setting name="...Password"><value>x</value>
      .replace(/(\bname\s*=\s*["']([^"'<>]*)["'][^>]*>\s*<value>)([^<]*)(<\/value>)/gi, (m, a: string, n: string, _v: string, c: string) =>
        isSecretName(n) ? `${a}${REDACTED}${c}` : m,
      ),
  );
}

/** "password: x", "the SDK password is x", "token = x" in prose. */
function redactProse(s: string): string {
  return s.replace(PROSE_SECRET, (m, a: string, v: string) => (v.includes(REDACTED) ? m : `${a}${REDACTED}`));
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

// ---- PowerShell scripts (collect copies the AD FS adapter's Register script and the Migration Utility's) ----

/** A PowerShell argument or assigned value: 'single' ('' inside), "double" (`" or "" inside), or a bare word. */
const PS_VALUE = String.raw`'(?:[^']|'')*'|"(?:[^"\x60]|\x60[\s\S]|"")*"|[^\s;|)(,'"$@{}-][^\s;|)(,'"]*`;
/** `-Password 'x'`, `-SdkPassword:"x"`: a parameter and its value. */
const PS_PARAM = new RegExp(String.raw`(-([A-Za-z_]\w*)(?:\s*:\s*|[ \t]+))(${PS_VALUE})`, 'g');
/** `$SmtpPass = "x"`, `${env:ApiKey} = 'x'`, `$cfg.Password = 'x'`: an assignment. */
const PS_ASSIGN = new RegExp(String.raw`(\$\{?(?:[A-Za-z]+:)?(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\}?[ \t]*=[ \t]*)(${PS_VALUE})`, 'g');
/** `ConvertTo-SecureString 'x' -AsPlainText`: the plain text given to it. */
const PS_SECURE = new RegExp(String.raw`(ConvertTo-SecureString\s+(?:-String\s+)?)(${PS_VALUE})`, 'gi');
/** `@{ Password = 'x' }`, a hashtable entry (splatted parameters). */
const PS_ENTRY = new RegExp(String.raw`((?:^|[{;\s])([A-Za-z_]\w*)[ \t]*=[ \t]*)(${PS_VALUE})`, 'gm');

function hidePs(v: string): string {
  return v.startsWith("'") || v.startsWith('"') ? `${v[0]}${REDACTED}${v[0]}` : REDACTED;
}

/**
 * The policy for a PowerShell script: values given to secret-named parameters, variables, properties and
 * hashtable entries (names judged by isSecretName), the plain text of ConvertTo-SecureString, and, anywhere in
 * the text (strings, comments), private keys, connection-string secrets, URL passwords and prose such as
 * `# the SDK password is x`. Variables passed on (`-Password $pw`) are kept: they are not the secret.
 */
export function redactPowerShellText(text: string): string {
  const named = (m: string, lead: string, name: string, v: string) =>
    isSecretName(name) && !v.includes(REDACTED) ? `${lead}${hidePs(v)}` : m;
  const code = text
    .replace(PS_SECURE, (m, lead: string, v: string) => (v.includes(REDACTED) ? m : `${lead}${hidePs(v)}`))
    .replace(PS_PARAM, named)
    .replace(PS_ASSIGN, named)
    .replace(PS_ENTRY, named);
  // Connection strings, URLs and prose line by line (a connection-string key never spans lines); keys may.
  return redactPrivateKeys(code)
    .split(/(\r?\n)/)
    .map((l, i) => (i % 2 ? l : redactProse(redactUrlUserinfo(redactConnectionString(l)))))
    .join('');
}

/** redactPowerShellText over a file's bytes, in the file's own encoding and BOM (as redactXmlBytes). */
export function redactPowerShellBytes(data: Buffer): Buffer {
  const b = data;
  const le = b[0] === 0xff && b[1] === 0xfe;
  const be = b[0] === 0xfe && b[1] === 0xff;
  if (le || be) {
    const body = b.subarray(2, 2 + ((b.length - 2) & ~1));
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(body);
    const out = Buffer.from(redactPowerShellText(text), 'utf16le');
    if (be) out.swap16();
    return Buffer.concat([b.subarray(0, 2), out, b.subarray(2 + body.length)]);
  }
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return Buffer.concat([b.subarray(0, bom), Buffer.from(redactPowerShellText(b.subarray(bom).toString('latin1')), 'latin1')]);
}
