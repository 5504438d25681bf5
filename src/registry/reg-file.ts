/**
 * Streaming parser for .reg exports (regedit / `reg export` / hivexregedit), both
 * "Windows Registry Editor Version 5.00" and "REGEDIT4".
 *
 * The file is read in 1 MB chunks into one reused buffer; only the current line (or the current continued
 * hex value) is ever held. While inside a key the store does not keep, the parser does not look at lines
 * at all: it jumps to the next line that starts with "[". In UTF-16LE (what reg export writes) that jump is
 * made on the raw bytes (Utf16Bytes), which also pass over whole subtrees the store skips without decoding
 * their key lines: a whole-hive export costs a few native byte searches per line.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { StringDecoder } from 'node:string_decoder';
import { isAscii, isUtf8 } from 'node:buffer';
import type { RegistryProblem } from './types.js';
import type { RegistryStore } from './store.js';
import { parseRegPath } from './path.js';
import { decodeCp1252, makeValue } from './values.js';

export type RegEncoding = 'utf16le' | 'utf8' | 'latin1';

export interface ParseOptions {
  /** Name used in problem locations ("registry/software.reg"); default: the file path. */
  label?: string;
  onProblem: (p: RegistryProblem) => void;
  /**
   * Longest value (logical line, in characters) accepted; default 16 Mi (about 5 MiB of hex data, a peak of
   * about 120 MB while it is decoded). Longer ones are a problem naming the file and line, and are skipped.
   */
  maxValueChars?: number;
  /** Problems reported per file before one "more problems" note; default 100. */
  maxProblems?: number;
  /** Read/decode chunk size in bytes (text: characters); default 1 MiB. Tests use small ones. */
  chunkSize?: number;
}

export interface ParseResult {
  /** [KEY] sections read (all of them, kept or not). */
  keys: number;
  /** Values set in the store (values of keys the store does not keep are not read, so not counted). */
  values: number;
  encoding: RegEncoding;
}

const HEADER_V5 = 'Windows Registry Editor Version 5.00';
const HEADER_V4 = 'REGEDIT4';
export const DEFAULT_MAX_VALUE = 16 * 1024 * 1024;
const CHUNK = 1 << 20;
/** 8-bit text: longest unfinished line held back to decode whole lines together. */
const MAX_8BIT_CARRY = 4 << 20;
/** A first line longer than this is not a header: garbage files fail fast. */
const MAX_HEADER_LINE = 4096;

const HEX_PREFIX = /^hex(?:\(([0-9a-fA-F]{1,8})\))?:/i;
const DWORD = /^dword:([0-9a-fA-F]{1,8})\s*(?:;.*)?$/i;

/**
 * Bytes -> text, chunk by chunk, for the encodings .reg files come in. UTF-16LE (what reg export writes)
 * is handed to Utf16Bytes, which pushes into the parser itself. Chunks may be reused by the caller once
 * write() returns: nothing here keeps a reference to one.
 */
class ByteDecoder {
  encoding: RegEncoding | null = null;
  /** Set when the bytes are not something we decode (UTF-16BE). */
  refused: string | null = null;
  private head: Buffer | null = null;
  private sd: StringDecoder | null = null;
  /** 'auto8': 8-bit text without BOM, each line UTF-8 if valid, else Windows-1252. */
  private auto8 = false;
  private fellBack = false;
  private nonAscii = false;
  private carry: Buffer | null = null;
  private total = 0;
  private u16: Utf16Bytes | null = null;

  constructor(private readonly parser: RegParser) {}

  write(chunk: Buffer): string {
    this.total += chunk.length;
    if (this.encoding === null) {
      this.head = this.head ? Buffer.concat([this.head, chunk]) : Buffer.from(chunk);
      if (this.head.length < 4) return '';
      chunk = this.start(this.head);
      this.head = null;
    }
    return this.decode(chunk);
  }

  end(): string {
    let out = '';
    if (this.encoding === null && this.head) out = this.decode(this.start(this.head));
    if (this.sd) out += this.sd.end();
    if (this.carry) {
      const c = this.carry;
      this.carry = null;
      out += this.decode8(c);
    }
    return out;
  }

  /** UTF-16 text with an odd number of bytes was cut mid-character. */
  get oddTail(): boolean {
    return this.encoding === 'utf16le' && this.total % 2 === 1;
  }

  /** Label of what was decoded; for 8-bit files decided at the end. */
  finalEncoding(eightBitHeader: boolean): RegEncoding {
    if (this.encoding !== 'utf8' || !this.auto8) return this.encoding ?? 'utf8';
    if (this.fellBack) return 'latin1';
    return eightBitHeader && !this.nonAscii ? 'latin1' : 'utf8';
  }

  private start(b: Buffer): Buffer {
    if (b[0] === 0xff && b[1] === 0xfe) {
      this.encoding = 'utf16le';
      this.u16 = new Utf16Bytes(this.parser);
      return b.subarray(2);
    }
    if (b[0] === 0xfe && b[1] === 0xff) {
      this.encoding = 'utf8';
      this.refused = 'UTF-16 big-endian text (byte order mark FE FF); reg export writes UTF-16LE (FF FE)';
      return Buffer.alloc(0);
    }
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      this.encoding = 'utf8';
      this.sd = new StringDecoder('utf8');
      return b.subarray(3);
    }
    if (b.length >= 2 && b[0] !== 0 && b[1] === 0) {
      // UTF-16LE that lost its BOM ("W\0i\0...").
      this.encoding = 'utf16le';
      this.u16 = new Utf16Bytes(this.parser);
      return b;
    }
    this.encoding = 'utf8';
    this.auto8 = true;
    return b;
  }

  private decode(b: Buffer): string {
    if (this.refused) return '';
    if (this.u16) {
      this.u16.write(b);
      return '';
    }
    if (this.sd) return this.sd.write(b);
    let owned = false; // b is ours (the caller's chunk is not: it may be reused)
    if (this.carry) {
      b = Buffer.concat([this.carry, b]);
      this.carry = null;
      owned = true;
    }
    // 8-bit text is decided line by line, so whole lines are decoded together: hold back the last,
    // unfinished line (unless it is very long; then cut at a UTF-8 character boundary).
    let cut = Math.max(b.lastIndexOf(10), b.lastIndexOf(13)) + 1;
    if (cut === 0) {
      if (b.length < MAX_8BIT_CARRY) {
        this.carry = owned ? b : Buffer.from(b);
        return '';
      }
      cut = utf8Boundary(b);
    }
    if (cut < b.length) this.carry = Buffer.from(b.subarray(cut));
    return this.decode8(b.subarray(0, cut));
  }

  /** Each line is UTF-8 when it is valid UTF-8, else Windows-1252 (hivexregedit writes Latin-1, REGEDIT4 is ANSI). */
  private decode8(b: Buffer): string {
    if (isAscii(b)) return b.toString('latin1');
    if (isUtf8(b)) {
      this.nonAscii = true;
      return b.toString('utf8');
    }
    const out: string[] = [];
    for (let pos = 0; pos < b.length;) {
      const nl = b.indexOf(10, pos);
      const end = nl < 0 ? b.length : nl + 1;
      const line = b.subarray(pos, end);
      if (isAscii(line)) out.push(line.toString('latin1'));
      else if (isUtf8(line)) {
        this.nonAscii = true;
        out.push(line.toString('utf8'));
      } else {
        this.fellBack = true;
        out.push(decodeCp1252(line));
      }
      pos = end;
    }
    return out.join('');
  }
}

/** Length of the part of b that ends on a whole UTF-8 character. */
function utf8Boundary(b: Buffer): number {
  for (let i = b.length - 1; i >= 0 && i >= b.length - 3; i--) {
    const c = b[i];
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0 && b.length - i < (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2)) return i;
    break;
  }
  return b.length;
}

/**
 * UTF-16LE bytes into the parser. While the parser ignores lines (inside a key the store does not keep),
 * the bytes are only searched for the next line starting with "[" and their line ends counted; only key
 * lines and the lines of kept keys are decoded. Text is cut at code unit boundaries only (one odd byte is
 * held back); a surrogate pair cut in two is joined again by the parser, which assembles lines from pieces.
 */
class Utf16Bytes {
  private odd = -1;
  /** The store's skipped subtree (see RegistryStore.skippedSubtree) and "[" + it + "\\" in UTF-16LE. */
  private subtree: string | null = null;
  private subtreeHead: Buffer | null = null;

  constructor(private readonly p: RegParser) {}

  /** "[" + the store's skipped subtree + "\\" in UTF-16LE (see RegistryStore.skippedSubtree), or null. */
  private head(): Buffer | null {
    const sub = this.p.skippedSubtree();
    if (sub !== this.subtree) {
      this.subtree = sub;
      this.subtreeHead = sub === null ? null : Buffer.from(`[${sub}\\`, 'utf16le');
    }
    return this.subtreeHead;
  }

  write(b: Buffer): void {
    if (this.odd >= 0) {
      const c = Buffer.allocUnsafe(b.length + 1);
      c[0] = this.odd;
      b.copy(c, 1);
      b = c;
      this.odd = -1;
    }
    let n = b.length;
    if (n & 1) this.odd = b[--n]!;
    const p = this.p;
    const units = codeUnits(b, n);
    let pos = 0;
    while (pos < n && !p.stopped) {
      const eol = p.eolCode;
      if (p.canSkip()) {
        pos = this.skip(b, units, pos, n, eol);
        if (pos < 0) return;
      }
      // Decode up to the end of the next key line (in a skipped key: of the current line), then look again.
      const end = segmentEnd(b, units, pos, n, eol, p.inSkippedKey());
      p.push(b.toString('utf16le', pos, end));
      pos = end;
    }
  }

  /**
   * The parser's own skip path on bytes: find the next line that starts with "[", counting line ends. Key lines
   * below the store's skipped subtree are skipped here too, undecoded: one that starts with the head is held in
   * keyAt until its line end (the next one found) shows it is a plain one. Returns where the key line to decode
   * starts, or -1 when the rest of the chunk was skipped.
   */
  private skip(b: Buffer, units: CodeUnits, pos: number, n: number, eol: number): number {
    const p = this.p;
    const head = this.head();
    const hl = head ? head.length : 0;
    // Worked out up front (cheap) so that code optimized early has seen it: a deopt costs more than this.
    const endsWithEol = b[n - 2] === eol && b[n - 1] === 0;
    let hdr = -1;
    let keyAt = -1;
    let lines = 0;
    let keys = 0;
    if (p.atLineStart && b[pos] === 91 && b[pos + 1] === 0) {
      if (head !== null && startsWithHead(b, pos, n, head)) keyAt = pos;
      else hdr = pos;
    }
    if (hdr < 0) {
      let k = nextUnit(b, units, eol, pos, n);
      while (k !== -1) {
        if (keyAt >= 0) {
          if (!plainKeyLine(b, units, keyAt, hl, k, eol, n)) {
            hdr = keyAt; // decoded after all
            break;
          }
          keys++;
          keyAt = -1;
        }
        lines++;
        if (k + 3 < n && b[k + 2] === 91 && b[k + 3] === 0) {
          if (head !== null && startsWithHead(b, k + 2, n, head)) keyAt = k + 2;
          else {
            hdr = k + 2;
            break;
          }
        }
        k = nextUnit(b, units, eol, k + 2, n);
      }
      if (keyAt >= 0 && hdr < 0) hdr = keyAt; // its line end is in the next chunk
    }
    p.skipped(lines, keys, hdr >= 0 || endsWithEol);
    return hdr;
  }
}

/** b[0..n) as UTF-16 code units, where its offset allows a view (it does for the reader's own buffers). */
type CodeUnits = Uint16Array | null;

function codeUnits(b: Buffer, n: number): CodeUnits {
  return (b.byteOffset & 1) === 0 ? new Uint16Array(b.buffer, b.byteOffset, n >> 1) : null;
}

/**
 * Byte offset of the first whole code unit `unit` (U+000A or U+000D) at or after byte `from` (rounded up to a
 * code unit) and before n, or -1. Searches the code units with TypedArray#indexOf: on exports of many short
 * lines, Buffer#indexOf(byte) costs several times more per call (measured 1.1 s against 0.2 s for the 1.6
 * million lines of a 100 MB small-key hive).
 */
function nextUnit(b: Buffer, units: CodeUnits, unit: number, from: number, n: number): number {
  if (units) {
    const i = units.indexOf(unit, (from + 1) >> 1);
    return i < 0 ? -1 : i * 2;
  }
  for (let k = b.indexOf(unit, from); k !== -1 && k < n; k = b.indexOf(unit, k + 1)) {
    if ((k & 1) === 0 && b[k + 1] === 0) return k;
  }
  return -1;
}

function startsWithHead(b: Buffer, at: number, n: number, head: Buffer): boolean {
  const hl = head.length;
  return at + hl <= n && b.compare(head, 2, hl, at + 2, at + hl) === 0; // "[" is known
}

/**
 * Whether the key line b[at..k) (k: its line end) is head + "...]" and nothing else, so that the parser
 * would skip it with no effect but counting it: "]" just before the line end, no other line break inside.
 */
function plainKeyLine(b: Buffer, units: CodeUnits, at: number, hl: number, k: number, eol: number, n: number): boolean {
  let close = k - 2;
  if (eol === 10 && b[close] === 13 && b[close + 1] === 0) {
    close -= 2;
    // CRLF: the first CR after the head must be this one (a search that stops there).
    if (nextUnit(b, units, 13, at + hl, n) !== k - 2) return false;
  } else {
    // LF or lone CR line ends (rare in exports): look for the other line break by hand.
    const other = eol === 10 ? 13 : 10;
    for (let i = at + hl; i < close; i += 2) if (b[i] === other && b[i + 1] === 0) return false;
  }
  return b[close] === 93 && b[close + 1] === 0;
}

/** Byte offset just past the first line end (firstLine) or past the line end of the next "[" line; else n. */
function segmentEnd(b: Buffer, units: CodeUnits, pos: number, n: number, eol: number, firstLine: boolean): number {
  let inKeyLine = firstLine;
  for (let k = nextUnit(b, units, eol, pos, n); k !== -1; k = nextUnit(b, units, eol, k + 2, n)) {
    if (inKeyLine) return k + 2;
    if (k + 3 < n && b[k + 2] === 91 && b[k + 3] === 0) inKeyLine = true;
  }
  return n;
}

interface PendingHex {
  name: string;
  typeNumber: number;
  parts: string[];
  length: number;
  line: number;
}

/** Line-oriented parser fed with decoded text. */
class RegParser {
  keys = 0;
  values = 0;
  /** Set once the input is known not to be a registry export: the caller stops reading. */
  stopped = false;
  eightBit = false;

  private state: 'header' | 'body' = 'header';
  /** none: no key open (before the first section, after a deletion or a bad section). */
  private mode: 'none' | 'keep' | 'skip' = 'none';
  private keyPath = '';

  // Physical line assembly across chunks.
  private pieces: string[] = [];
  private piecesLen = 0;
  private overflow = false;
  private overflowEndsWithBackslash = false;
  private skipLF = false;
  /** Read by Utf16Bytes: whether the next text starts a line, and the line end its skip path counts. */
  atLineStart = true;
  private line = 1;
  private eolKnown = false;
  eolCode = 10;
  private eolBracket = '\n[';

  private hex: PendingHex | null = null;
  /** Ignore continuation lines of a value already given up on. */
  private discardCont = false;
  private problemCount = 0;
  /** Parsing the file's last line, which has no line end (maybe a cut file). */
  private unterminated = false;

  constructor(
    private readonly store: RegistryStore,
    private readonly where: string,
    private readonly onProblem: (p: RegistryProblem) => void,
    private readonly maxChars: number,
    private readonly maxProblems: number,
  ) {}

  /** Whether every line up to the next one starting with "[" would be ignored (what the skip path skips). */
  canSkip(): boolean {
    return (
      this.mode === 'skip' &&
      this.state === 'body' &&
      this.hex === null &&
      this.piecesLen === 0 &&
      !this.overflow &&
      !this.discardCont &&
      !this.skipLF
    );
  }

  /** Inside a key the store does not keep (maybe not at a line start yet). */
  inSkippedKey(): boolean {
    return this.mode === 'skip';
  }

  /** Lines (and key lines, see Utf16Bytes) skipped by the byte-level skip path (canSkip() was true). */
  skipped(lines: number, keys: number, atLineStart: boolean): void {
    this.line += lines;
    this.keys += keys;
    this.atLineStart = atLineStart;
  }

  skippedSubtree(): string | null {
    return this.store.skippedSubtree();
  }

  push(s: string): void {
    const n = s.length;
    let pos = 0;
    if (this.skipLF && n > 0) {
      // The last chunk ended with CR: CRLF if this one starts with LF.
      this.skipLF = false;
      if (s.charCodeAt(0) === 10) pos = 1;
      else if (!this.eolKnown) this.setLoneCR();
      this.eolKnown = true;
    }
    let nextLF = -2;
    let nextCR = -2;
    while (pos < n && !this.stopped) {
      if (
        this.mode === 'skip' &&
        this.state === 'body' &&
        this.hex === null &&
        this.piecesLen === 0 &&
        !this.overflow &&
        !this.discardCont
      ) {
        // Skip path: find the next line that starts with "[", counting lines on the way.
        let hdr: number;
        if (this.atLineStart && s.charCodeAt(pos) === 91) hdr = pos;
        else {
          const k = s.indexOf(this.eolBracket, pos);
          hdr = k < 0 ? -1 : k + 1;
        }
        const until = hdr < 0 ? n : hdr;
        const eol = this.eolCode === 10 ? '\n' : '\r';
        for (let k = s.indexOf(eol, pos); k !== -1 && k < until; k = s.indexOf(eol, k + 1)) this.line++;
        if (hdr < 0) {
          this.atLineStart = s.charCodeAt(n - 1) === this.eolCode;
          return;
        }
        pos = hdr;
        this.atLineStart = true;
      }
      if (nextLF !== -1 && nextLF < pos) nextLF = s.indexOf('\n', pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = s.indexOf('\r', pos);
      const e = nextLF === -1 ? nextCR : nextCR === -1 ? nextLF : Math.min(nextLF, nextCR);
      if (e === -1) {
        this.addPiece(s, pos, n);
        this.atLineStart = false;
        return;
      }
      // The first line end decides the style the skip path looks for (CRLF/LF: "\n", lone CR: "\r").
      let next = e + 1;
      if (s.charCodeAt(e) === 13) {
        if (next < n) {
          if (s.charCodeAt(next) === 10) next++;
          else if (!this.eolKnown) this.setLoneCR();
          this.eolKnown = true;
        } else this.skipLF = true; // decided by the next chunk
      } else this.eolKnown = true;
      const text = this.takeLine(s, pos, e);
      if (text !== null) this.onLine(text);
      this.line++;
      pos = next;
      this.atLineStart = true;
    }
  }

  end(oddTail: boolean): void {
    if (this.stopped) return;
    if (this.overflow || this.piecesLen > 0) {
      const text = this.takeLine('', 0, 0);
      if (text !== null && !this.stopped) {
        if (oddTail && this.state === 'body') {
          const h = this.hex;
          this.hex = null;
          if (h) this.problem(h.line, `value ${clip(h.name)}: file ends in the middle of a UTF-16 character (truncated?); skipped`);
          else this.problem(this.line, 'file ends in the middle of a UTF-16 character (truncated?); last line skipped');
          return;
        }
        this.unterminated = true; // a last line without a line end may be cut: read it strictly
        this.onLine(text);
      }
    }
    if (this.stopped) return;
    if (this.state === 'header') {
      this.problem(this.line, 'not a registry export: the file is empty');
      this.stopped = true;
      return;
    }
    if (this.hex) {
      this.problem(this.hex.line, `value ${clip(this.hex.name)} continues past the end of the file (truncated?); skipped`);
      this.hex = null;
    } else if (oddTail) {
      this.problem(this.line, 'file ends in the middle of a UTF-16 character (truncated?)');
    }
  }

  // ---- physical lines ---------------------------------------------------------------------------

  private setLoneCR(): void {
    this.eolCode = 13;
    this.eolBracket = '\r[';
  }

  /** Whether adding `len` more characters to the current line would pass a limit (and act on it). */
  private tooLong(s: string, from: number, to: number): boolean {
    if (this.overflow) return true;
    const len = this.piecesLen + (to - from);
    if (this.state === 'header') {
      if (len <= MAX_HEADER_LINE) return false;
      this.notRegistry((this.pieces.join('') + s.slice(from, to)).trimStart());
      this.pieces = [];
      this.piecesLen = 0;
      return true;
    }
    if (len + (this.hex ? this.hex.length : 0) <= this.maxChars) return false;
    this.overflow = true;
    this.pieces = [];
    this.piecesLen = 0;
    return true;
  }

  /** Part of a line with no end in this chunk. */
  private addPiece(s: string, from: number, to: number): void {
    if (from >= to) return;
    if (this.tooLong(s, from, to)) {
      this.noteBackslash(s, from, to);
      return;
    }
    this.pieces.push(s.slice(from, to));
    this.piecesLen += to - from;
  }

  /** The line ending at s[to]: its text, or null when it was too long (reported here). */
  private takeLine(s: string, from: number, to: number): string | null {
    if (this.stopped) return null;
    if (this.tooLong(s, from, to)) {
      if (this.stopped) return null;
      this.noteBackslash(s, from, to);
      this.overflow = false;
      const at = this.hex ? this.hex.line : this.line;
      const what = this.hex ? `value ${clip(this.hex.name)}` : 'line';
      this.hex = null;
      this.problem(at, `${what} is longer than ${this.maxChars} characters (value too large); skipped`);
      this.discardCont = this.overflowEndsWithBackslash;
      return null;
    }
    const text = this.piecesLen ? this.pieces.join('') + s.slice(from, to) : s.slice(from, to);
    this.pieces = [];
    this.piecesLen = 0;
    return text;
  }

  /** Remember whether the dropped text of an overlong line ends with "\\" (a continued value). */
  private noteBackslash(s: string, from: number, to: number): void {
    let i = to - 1;
    while (i >= from && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i--;
    if (i >= from) this.overflowEndsWithBackslash = s.charCodeAt(i) === 92;
  }

  // ---- logical lines ----------------------------------------------------------------------------

  private onLine(raw: string): void {
    if (this.state === 'header') {
      const t = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).trim();
      if (t === '') return;
      if (t === HEADER_V5) this.eightBit = false;
      else if (t.toUpperCase() === HEADER_V4) this.eightBit = true;
      else return this.notRegistry(t);
      this.state = 'body';
      return;
    }
    if (this.discardCont) {
      this.discardCont = raw.trimEnd().endsWith('\\');
      return;
    }
    if (this.hex) return this.continueHex(raw);
    let i = 0;
    let c = raw.charCodeAt(0);
    while (c === 32 || c === 9 || c === 0xfeff) c = raw.charCodeAt(++i);
    if (i >= raw.length) return; // blank
    if (c === 91) return this.section(raw.slice(i).trimEnd()); // [
    if (c === 59) return; // ; comment
    if (this.mode === 'skip') return;
    const t = i ? raw.slice(i) : raw;
    if (t.startsWith(HEADER_V5) || t.startsWith(HEADER_V4)) return; // files concatenated together
    if (this.mode === 'none') {
      this.problem(this.line, 'value line outside any key section; skipped');
      this.discardCont = t.trimEnd().endsWith('\\');
      return;
    }
    this.valueLine(t);
  }

  private section(t: string): void {
    // A bad section line leaves no key open: its values are ignored without a problem each.
    this.mode = 'skip';
    const close = t.charCodeAt(t.length - 1) === 93 ? t.length - 1 : t.lastIndexOf(']');
    if (close < 0) return this.problem(this.line, `key line has no closing "]": ${clip(t)}`);
    if (close !== t.length - 1) {
      const after = t.slice(close + 1).trim();
      if (after !== '' && !after.startsWith(';')) return this.problem(this.line, `unexpected text after "]": ${clip(t)}`);
    }
    if (t.charCodeAt(1) === 45) {
      // [-KEY]: values after a deletion belong to no key
      const path = t.slice(2, close);
      if (!this.store.deleteKey(path) && !parseRegPath(path)) this.problem(this.line, `unknown registry root in ${clip(t)}`);
      return;
    }
    const path = t.slice(1, close);
    this.keys++;
    const r = this.store.addKey(path);
    if (r === 'kept') {
      this.mode = 'keep';
      this.keyPath = path;
    } else if (r === 'bad-root') {
      this.keys--;
      this.problem(this.line, `unknown registry root in ${clip(t)}`);
    }
  }

  private valueLine(t: string): void {
    const line = this.line;
    let name: string;
    let p: number;
    if (t.charCodeAt(0) === 64) {
      // @
      name = '';
      p = 1;
    } else if (t.charCodeAt(0) === 34) {
      // "
      const q = readQuoted(t, 1);
      if (!q) return this.badValue(t, 'value name has no closing quote');
      name = q.text;
      p = q.end;
    } else return this.badValue(t, 'expected "name"=... or @=...');
    while (t.charCodeAt(p) === 32 || t.charCodeAt(p) === 9) p++;
    if (t.charCodeAt(p) !== 61) return this.badValue(t, 'expected "=" after the value name');
    p++;
    while (t.charCodeAt(p) === 32 || t.charCodeAt(p) === 9) p++;
    const c = t.charCodeAt(p);
    if (c === 45) {
      // -
      if (!isBlankOrComment(t, p + 1)) return this.badValue(t, 'unexpected text after "-"');
      this.store.deleteValue(this.keyPath, name);
      return;
    }
    if (c === 34) {
      const q = readQuoted(t, p + 1);
      if (!q) return this.badValue(t, 'string has no closing quote');
      if (!isBlankOrComment(t, q.end)) return this.badValue(t, 'unexpected text after the closing quote');
      this.set({ name, type: 'REG_SZ', typeNumber: 1, data: q.text });
      return;
    }
    const rest = p ? t.slice(p) : t;
    const dw = DWORD.exec(rest);
    if (dw) {
      if (this.unterminated && dw[1].length !== 8) return this.badValue(t, 'file ends inside a dword (truncated?)');
      this.set({ name, type: 'REG_DWORD', typeNumber: 4, data: parseInt(dw[1], 16) });
      return;
    }
    const hx = HEX_PREFIX.exec(rest.length > 20 ? rest.slice(0, 20) : rest);
    if (!hx) {
      if (/^dword:/i.test(rest)) return this.badValue(t, 'dword needs 1 to 8 hex digits');
      return this.badValue(t, 'unknown value data (expected "string", dword:, hex: or hex(N):)');
    }
    const typeNumber = hx[1] === undefined ? 3 : parseInt(hx[1], 16);
    let list = rest.slice(hx[0].length).trimEnd();
    if (list.endsWith('\\')) {
      list = list.slice(0, -1);
      this.hex = { name, typeNumber, parts: [list], length: list.length, line };
      return;
    }
    this.finishHex(name, typeNumber, list, line);
  }

  private continueHex(raw: string): void {
    const h = this.hex!;
    const t = raw.trimStart();
    if (t === '' || t.startsWith('[')) {
      this.hex = null;
      this.problem(h.line, `value ${clip(h.name)} ends with "\\" but the next line ${t === '' ? 'is empty' : 'opens a key'}; skipped`);
      if (t !== '') this.onLine(raw);
      return;
    }
    let part = t.trimEnd();
    const more = part.endsWith('\\');
    if (more) part = part.slice(0, -1);
    h.parts.push(part);
    h.length += part.length;
    if (more) return;
    this.hex = null;
    this.finishHex(h.name, h.typeNumber, h.parts.join(''), h.line);
  }

  private finishHex(name: string, typeNumber: number, list: string, line: number): void {
    const bytes = parseHexList(list, this.unterminated);
    if (typeof bytes === 'string') {
      const why = this.unterminated ? `file ends inside the hex list (truncated?): ${bytes}` : bytes;
      this.problem(line, `value ${clip(name)}: ${why}; skipped`);
      return;
    }
    this.set(makeValue(name, typeNumber, bytes, this.eightBit));
  }

  private set(v: Parameters<RegistryStore['setValue']>[1]): void {
    if (this.store.setValue(this.keyPath, v)) this.values++;
  }

  private badValue(t: string, why: string): void {
    this.problem(this.line, `${why}: ${clip(t)}`);
    this.discardCont = t.trimEnd().endsWith('\\');
  }

  private notRegistry(first: string): void {
    this.problem(this.line, `not a registry export: the first line is ${clip(first)}, not "${HEADER_V5}" or "${HEADER_V4}"`);
    this.stopped = true;
  }

  problem(line: number, message: string): void {
    const n = this.problemCount++;
    if (n < this.maxProblems) this.onProblem({ location: `${this.where}:${line}`, message });
    else if (n === this.maxProblems) {
      this.onProblem({ location: `${this.where}:${line}`, message: 'more problems in this file are not reported' });
    }
  }

  /** A problem that is not about a line (the file cannot be read...). */
  fileProblem(message: string): void {
    this.onProblem({ location: this.where, message });
  }
}

/** A quoted string from t[start] (just after the opening quote): `\\` and `\"` unescaped. */
function readQuoted(t: string, start: number): { text: string; end: number } | undefined {
  // indexOf jumps (native even before the JIT warms up) instead of a loop over every character.
  let out = '';
  let from = start;
  let i = start;
  for (;;) {
    const q = t.indexOf('"', i);
    if (q < 0) return undefined;
    const bs = t.indexOf('\\', i);
    if (bs < 0 || bs > q) return { text: out + t.slice(from, q), end: q + 1 };
    const d = t.charCodeAt(bs + 1);
    if (d === 92 || d === 34) {
      out += t.slice(from, bs);
      from = bs + 1; // keep the escaped char
      i = bs + 2;
    } else i = bs + 1;
  }
}

function isBlankOrComment(t: string, p: number): boolean {
  const r = t.slice(p).trim();
  return r === '' || r.startsWith(';');
}

const HEX_VAL = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VAL['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_VAL['0123456789ABCDEF'.charCodeAt(i)] = i;
}
const isSpace = (c: number) => c === 32 || c === 9;
const REGEDIT_HEX = /^(?:[0-9a-fA-F]{2}(?:,[0-9a-fA-F]{2})*)?$/;

/**
 * "01,ab,ff" (spaces around items allowed, a trailing comma too) -> bytes, or an error message.
 * `strict` (a last line that may be cut): every byte two digits, no trailing comma.
 * A hand loop: hivexregedit writes single lines of many MB.
 */
function parseHexList(list: string, strict = false): Buffer | string {
  // What regedit writes ("01,ab,ff", no spaces): native regex and hex decoding, fast even in cold code.
  // Decoded by hand at a fixed stride: replaceAll + Buffer.from(hex) cost 20x the list's size in memory and
  // seconds per MB on a line of tens of MB.
  if (REGEDIT_HEX.test(list)) {
    const bytes = list.length === 0 ? 0 : (list.length + 1) / 3;
    const hexOut = Buffer.allocUnsafe(bytes);
    for (let k = 0, i = 0; k < bytes; k++, i += 3) hexOut[k] = (HEX_VAL[list.charCodeAt(i)] << 4) | HEX_VAL[list.charCodeAt(i + 1)];
    return hexOut;
  }
  const len = list.length;
  const out = Buffer.allocUnsafe((len >> 1) + 1);
  let n = 0;
  let i = 0;
  while (i < len) {
    while (i < len && isSpace(list.charCodeAt(i))) i++;
    if (i >= len) break;
    const start = i;
    let v = 0;
    let digits = 0;
    for (; i < len && digits < 3; i++) {
      const c = list.charCodeAt(i);
      const h = c < 128 ? HEX_VAL[c] : -1;
      if (h < 0) break;
      v = v * 16 + h;
      digits++;
    }
    while (i < len && isSpace(list.charCodeAt(i))) i++;
    if (digits === 0 || digits > 2 || (i < len && list.charCodeAt(i) !== 44)) {
      const end = list.indexOf(',', start);
      return `bad hex byte ${clip(list.slice(start, end < 0 ? len : end).trim())} at position ${n + 1}`;
    }
    if (strict && digits !== 2) return 'the hex list ends in the middle of a byte';
    out[n++] = v;
    if (i < len) {
      i++; // the comma
      if (strict && i >= len) return 'the hex list ends with a comma';
    }
  }
  return out.subarray(0, n);
}

/** Text for a message: short, one line, control characters escaped. */
function clip(s: string): string {
  const short = s.length > 80 ? s.slice(0, 80) + '…' : s;
  return JSON.stringify(short);
}

function makeParser(store: RegistryStore, where: string, opts: ParseOptions): RegParser {
  return new RegParser(store, where, opts.onProblem, opts.maxValueChars ?? DEFAULT_MAX_VALUE, opts.maxProblems ?? 100);
}

/** Parse text already decoded (a leading BOM character is ignored). */
export function parseRegText(text: string, store: RegistryStore, opts: ParseOptions): { keys: number; values: number } {
  const p = makeParser(store, opts.label ?? '<text>', opts);
  const size = Math.max(1, opts.chunkSize ?? CHUNK);
  for (let i = 0; i < text.length && !p.stopped; i += size) p.push(text.slice(i, i + size));
  p.end(false);
  return { keys: p.keys, values: p.values };
}

function feed(dec: ByteDecoder, p: RegParser, chunk: Buffer): void {
  const s = dec.write(chunk);
  if (dec.refused) {
    p.problem(1, `not a registry export: ${dec.refused}`);
    p.stopped = true;
    return;
  }
  if (s) p.push(s);
}

function finish(dec: ByteDecoder, p: RegParser): ParseResult {
  if (!p.stopped) {
    const s = dec.end();
    if (dec.refused) {
      p.problem(1, `not a registry export: ${dec.refused}`);
      p.stopped = true;
    } else {
      if (s) p.push(s);
      p.end(dec.oddTail);
    }
  }
  return { keys: p.keys, values: p.values, encoding: dec.finalEncoding(p.eightBit) };
}

/** Parse an export held in memory (raw bytes, any of the encodings parseRegFile takes). */
export function parseRegBuffer(data: Buffer, store: RegistryStore, opts: ParseOptions): ParseResult {
  const p = makeParser(store, opts.label ?? '<buffer>', opts);
  const dec = new ByteDecoder(p);
  const size = Math.max(1, opts.chunkSize ?? CHUNK);
  for (let i = 0; i < data.length && !p.stopped; i += size) feed(dec, p, data.subarray(i, i + size));
  return finish(dec, p);
}

/**
 * Stream a .reg file into the store. Never throws for bad content or an unreadable file: those are
 * reported through onProblem (location "label:line", or just "label" when the file cannot be read).
 */
export async function parseRegFile(file: string, store: RegistryStore, opts: ParseOptions): Promise<ParseResult> {
  const p = makeParser(store, opts.label ?? file, opts);
  const dec = new ByteDecoder(p);
  const size = Math.max(1, opts.chunkSize ?? CHUNK);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    // One buffer for the whole file (a fresh 1 MB buffer per chunk, as a read stream makes, cost more than the
    // parsing itself). Reads are synchronous: a local file's chunk is a copy from the page cache, while an
    // asynchronous read waits for a thread pool thread each time (milliseconds on a busy machine). The
    // event loop still turns between chunks.
    const buf = Buffer.allocUnsafe(size);
    for (let at = 0; ;) {
      const n = readSync(fd, buf, 0, size, at);
      if (n === 0) break;
      at += n;
      feed(dec, p, n === size ? buf : buf.subarray(0, n));
      if (p.stopped) break;
      await yieldToLoop();
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    p.fileProblem(`cannot read the file: ${err.code ?? ''}${err.code ? ' ' : ''}${err.message}`);
    p.stopped = true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return finish(dec, p);
}
