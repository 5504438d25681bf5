/**
 * Safe XML reading for config files (applicationHost.config, web.config, the AD FS adapter config).
 *
 * fast-xml-parser does the parsing; this module adds what config files from a scanned host need:
 * byte decoding (BOMs, the declaration's encoding), a size cap, refusal of DOCTYPE entity
 * declarations (billion laughs, external entities), a validation pass that gives line numbers,
 * and a small ordered element tree with source offsets. It never throws.
 */
import { TextDecoder } from 'node:util';
import { XMLParser, XMLValidator, type X2jOptions } from './fxp.js';
import { cutMessage } from '../util/cut.js';

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/**
 * Shape limits checked by one linear pass before the validator and parser run, whose time and memory grow with
 * the number of elements and open tags (and whose error for unclosed tags lists every one). Real IIS, web.config
 * and adapter configs nest about 15 deep and hold tens of thousands of elements at most.
 */
export const MAX_DEPTH = 100;
export const MAX_ELEMENTS = 250_000;
export const MAX_ATTRIBUTES = 1_000_000;
export const MAX_ATTRIBUTES_PER_ELEMENT = 1_000;
/** Longest text run or attribute value (the parser builds these a character at a time). */
export const MAX_VALUE_CHARS = 1024 * 1024;

export interface XmlAttribute {
  /** Name as written (case and namespace prefix kept). */
  name: string;
  /** Value with the five predefined entities and numeric character references decoded. */
  value: string;
}

export interface XmlElement {
  /** Tag name as written. */
  name: string;
  /** Attributes in document order. */
  attributes: XmlAttribute[];
  /** Child elements in document order (comments and processing instructions are dropped). */
  children: XmlElement[];
  /** Direct text and CDATA of this element, concatenated, untrimmed (CRLF read as LF). */
  text: string;
  /** Offsets in XmlDocument.text: the element's '<' and the index just past its end. */
  start: number;
  end: number;
}

export interface XmlDocument {
  root: XmlElement;
  /** The decoded text that was parsed (BOM removed); offsets in elements point into it. */
  text: string;
  /** Encoding the bytes were decoded with ('utf-8', 'utf-16le', 'windows-1252', ... or 'string'). */
  encoding: string;
}

export type XmlResult = { ok: true; doc: XmlDocument } | { ok: false; error: string };

export interface ParseOptions {
  /** Refuse input larger than this many bytes (default 16 MiB). */
  maxBytes?: number;
  /** The file's real size where the caller passed only its first bytes; used for the size check. */
  size?: number;
}

type Decoded = { ok: true; text: string; encoding: string } | { ok: false; error: string };

/** Decode config bytes the way Windows tools write them: BOM first, then the XML declaration. */
export function decodeXmlBytes(data: Buffer): Decoded {
  const b = data;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return decodeWith('utf-8', b.subarray(3));
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return decodeWith('utf-16le', b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return decodeWith('utf-16be', b.subarray(2));
  // UTF-16 without a BOM still starts with '<' as a 16-bit unit.
  if (b.length >= 4 && b[0] === 0x3c && b[1] === 0 && b[2] !== 0 && b[3] === 0) return decodeWith('utf-16le', b);
  if (b.length >= 4 && b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] !== 0) return decodeWith('utf-16be', b);
  const head = b.subarray(0, 256).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  const declared = m ? m[1].toLowerCase() : 'utf-8';
  // A file that says utf-16 but has no BOM and no 16-bit pattern was re-saved as 8-bit text: read it as UTF-8.
  if (declared === 'utf-8' || declared === 'utf8' || declared.startsWith('utf-16') || declared === 'unicode') {
    return decodeWith('utf-8', b);
  }
  return decodeWith(declared, b);
}

function decodeWith(label: string, bytes: Uint8Array): Decoded {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return { ok: false, error: `unsupported encoding '${label}' in the XML declaration` };
  }
  let text = decoder.decode(bytes);
  // Node 20 decodes windows-1252 as ISO-8859-1; put 0x80-0x9F where Windows-1252 has them.
  if (decoder.encoding === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] || c);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, encoding: decoder.encoding };
}

// Windows-1252 characters at bytes 0x80-0x9F ('' where the code page leaves the byte undefined).
const CP1252_C1 = [
  '\u20ac',
  '',
  '\u201a',
  '\u0192',
  '\u201e',
  '\u2026',
  '\u2020',
  '\u2021',
  '\u02c6',
  '\u2030',
  '\u0160',
  '\u2039',
  '\u0152',
  '',
  '\u017d',
  '',
  '',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2022',
  '\u2013',
  '\u2014',
  '\u02dc',
  '\u2122',
  '\u0161',
  '\u203a',
  '\u0153',
  '',
  '\u017e',
  '\u0178',
];

/** 1-based line of an offset in text. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// Parser options: ordered output, everything kept as strings, no entity expansion beyond the XML five
// and numeric character references. `htmlEntities` given as an (empty) map is how fast-xml-parser 5
// turns numeric references on without adding HTML's named entities (&nbsp; stays literal).
const PARSER_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
  allowBooleanAttributes: false,
  processEntities: { enabled: true, maxEntityCount: 0 },
  htmlEntities: {} as unknown as boolean,
  maxNestedTags: MAX_DEPTH + 1,
} satisfies X2jOptions;

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, unknown> };

/** Parse config XML safely. Never throws; errors are one short line (with the line number where known). */
export function parseXmlSafe(data: Buffer | string, opts: ParseOptions = {}): XmlResult {
  const r = parseUncut(data, opts);
  return r.ok ? r : { ok: false, error: cutMessage(r.error) };
}

/**
 * One pass over the text counting open elements, elements and attributes (comments, CDATA, processing
 * instructions and the DOCTYPE skipped; '>' inside quoted attribute values kept). Returns the first limit
 * crossed, or null. What it cannot make sense of is left to the validator, which reports it.
 */
export function shapeError(text: string): string | null {
  const n = text.length;
  let depth = 0;
  let elements = 0;
  let attributes = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < n - 1) {
    const c = text.charCodeAt(i + 1);
    let end: number;
    if (c === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) end = endOf(text, '-->', i + 4);
      else if (text.startsWith('<![CDATA[', i)) end = endOf(text, ']]>', i + 9);
      else end = endOf(text, '>', i + 2);
    } else if (c === 0x3f /* ? */) {
      end = endOf(text, '?>', i + 2);
    } else if (c === 0x2f /* / */) {
      depth--;
      end = endOf(text, '>', i + 2);
    } else {
      let q = 0;
      let qStart = 0;
      let own = 0;
      let j = i + 1;
      for (; j < n; j++) {
        const ch = text.charCodeAt(j);
        if (q) {
          if (ch === q) {
            q = 0;
            if (j - qStart > MAX_VALUE_CHARS)
              return `line ${lineAt(text, i)}: an attribute value of more than ${MAX_VALUE_CHARS} characters: refused, not parsed`;
          }
        } else if (ch === 0x22 || ch === 0x27) {
          q = ch;
          qStart = j;
        } else if (ch === 0x3d /* = */) own++;
        else if (ch === 0x3e /* > */) break;
      }
      if (j >= n) return null;
      end = j;
      attributes += own;
      if (own > MAX_ATTRIBUTES_PER_ELEMENT)
        return `line ${lineAt(text, i)}: an element with more than ${MAX_ATTRIBUTES_PER_ELEMENT} attributes: refused, not parsed`;
      if (++elements > MAX_ELEMENTS)
        return `line ${lineAt(text, i)}: more than ${MAX_ELEMENTS} elements: refused, not parsed (no real config has that many)`;
      if (attributes > MAX_ATTRIBUTES)
        return `line ${lineAt(text, i)}: more than ${MAX_ATTRIBUTES} attributes: refused, not parsed (no real config has that many)`;
      if (text.charCodeAt(j - 1) !== 0x2f /* / */ && ++depth > MAX_DEPTH) {
        return `malformed XML: line ${lineAt(text, i)}: elements nested more than ${MAX_DEPTH} deep (or left open): refused, not parsed`;
      }
    }
    if (end === -1) return null;
    i = text.indexOf('<', end + 1);
    if ((i === -1 ? n : i) - end - 1 > MAX_VALUE_CHARS)
      return `line ${lineAt(text, end)}: a text run of more than ${MAX_VALUE_CHARS} characters: refused, not parsed`;
  }
  return null;
}

function endOf(text: string, close: string, from: number): number {
  const k = text.indexOf(close, from);
  return k === -1 ? -1 : k + close.length - 1;
}

function parseUncut(data: Buffer | string, opts: ParseOptions): XmlResult {
  try {
    const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const size = Math.max(opts.size ?? 0, typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length);
    if (size > max) return { ok: false, error: `file too large (${size} bytes), limit ${max} bytes: not parsed` };

    let text: string;
    let encoding = 'string';
    if (typeof data === 'string') {
      text = data.charCodeAt(0) === 0xfeff ? data.slice(1) : data;
    } else {
      const d = decodeXmlBytes(data);
      if (!d.ok) return d;
      text = d.text;
      encoding = d.encoding;
    }
    if (text.trim() === '') return { ok: false, error: 'empty file: no XML element' };

    // Entity declarations are refused before any parsing: nothing is ever expanded or fetched.
    const ent = /<!ENTITY/i.exec(text);
    if (ent && /<!DOCTYPE/i.test(text)) {
      return {
        ok: false,
        error: `line ${lineAt(text, ent.index)}: DOCTYPE declares entities (<!ENTITY>): refused, entities are not expanded`,
      };
    }

    const shape = shapeError(text);
    if (shape) return { ok: false, error: shape };

    const v = XMLValidator.validate(text, { allowBooleanAttributes: false });
    if (v !== true) {
      const { msg, line, col } = v.err;
      const where = line ? `line ${line}${col ? `, column ${col}` : ''}: ` : '';
      // An error on the last line, or an element left open, is what a cut-off copy looks like.
      const lastLine = lineAt(text, text.trimEnd().length);
      const hint = /unclosed|not closed/i.test(msg) || (line !== undefined && line >= lastLine) ? ' (truncated file?)' : '';
      return { ok: false, error: `malformed XML: ${where}${msg}${hint}` };
    }

    const parsed = new XMLParser(PARSER_OPTIONS).parse(text) as OrderedNode[];
    const roots = parsed.map(toElement).filter((e): e is XmlElement => e !== null);
    if (roots.length !== 1) {
      return {
        ok: false,
        error:
          roots.length === 0
            ? 'no root element'
            : `malformed XML: ${roots.length} root elements (${roots
                .map((r) => r.name)
                .slice(0, 3)
                .join(', ')})`,
      };
    }
    return { ok: true, doc: { root: roots[0], text, encoding } };
  } catch (e) {
    return { ok: false, error: `malformed XML: ${firstLine(e)}` };
  }
}

function firstLine(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.split('\n')[0].slice(0, 200);
}

/** One fast-xml-parser ordered node -> XmlElement (null for text nodes and other non-elements). */
function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name === '#text' || name.startsWith('?') || name.startsWith('!')) return null;
  const content = node[name];
  const attrs = node[':@'] ?? {};
  const meta = (node as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[META];
  const el: XmlElement = {
    name,
    attributes: Object.keys(attrs).map((k) => ({ name: k, value: String(attrs[k]) })),
    children: [],
    text: '',
    start: meta?.startIndex ?? -1,
    end: meta?.endIndex ?? -1,
  };
  if (Array.isArray(content)) {
    for (const c of content as OrderedNode[]) {
      if ('#text' in c) el.text += String(c['#text']);
      else {
        const child = toElement(c);
        if (child) el.children.push(child);
      }
    }
  }
  return el;
}

// ---- Navigation helpers (element and attribute names compared case-insensitively) ----

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Child elements named `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => eq(c.name, name));
}

/** First child element named `name`, or null. */
export function child(el: XmlElement, name: string): XmlElement | null {
  return el.children.find((c) => eq(c.name, name)) ?? null;
}

/** Follow a path of child names from el; null where any step is missing. */
export function descend(el: XmlElement | null, ...names: string[]): XmlElement | null {
  let cur = el;
  for (const n of names) {
    if (!cur) return null;
    cur = child(cur, n);
  }
  return cur;
}

/** Attribute value, or null where absent. */
export function attr(el: XmlElement, name: string): string | null {
  return el.attributes.find((a) => eq(a.name, name))?.value ?? null;
}

/** The element's direct text, trimmed. */
export function textOf(el: XmlElement): string {
  return el.text.trim();
}
