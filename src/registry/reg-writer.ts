/**
 * Writes keys the way `reg export` / regedit do (used by `collect` and by round-trip tests):
 * header, then per key "\r\n[PATH]\r\n" and its values, then a final "\r\n"; strings escape `\` and `"`;
 * dwords as 8 lowercase hex digits; other data as hex lists wrapped regedit's way: after each byte's
 * comma the column count grows by 3 and, once it reaches 77, the line ends with "\" and the next starts
 * with two spaces.
 *
 * One deliberate difference: a REG_SZ holding CR, LF or NUL is written as hex(1) (regedit writes it raw,
 * which no parser can read back).
 */
import type { RegKeyData, RegValue } from './types.js';
import { encodeCp1252, encodeData } from './values.js';

const MAX_HEX_CHARS = 77;

function escape(s: string): string {
  return s.replace(/[\\"]/g, (c) => '\\' + c);
}

function hexData(prefix: string, lineLen: number, bytes: Buffer): string {
  let out = prefix;
  let len = lineLen + prefix.length;
  const last = bytes.length - 1;
  for (let i = 0; i <= last; i++) {
    out += HEX[bytes[i]];
    if (i === last) break;
    out += ',';
    len += 3;
    if (len >= MAX_HEX_CHARS) {
      out += '\\\r\n  ';
      len = 2;
    }
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function valueText(v: RegValue, eightBit: boolean): string {
  const lead = v.name === '' ? '@=' : `"${escape(v.name)}"=`;
  if (v.typeNumber === 1 && typeof v.data === 'string' && !/[\r\n\0]/.test(v.data)) {
    return `${lead}"${escape(v.data)}"`;
  }
  if (v.typeNumber === 4 && typeof v.data === 'number') {
    return `${lead}dword:${(v.data >>> 0).toString(16).padStart(8, '0')}`;
  }
  const prefix = v.typeNumber === 3 ? 'hex:' : `hex(${(v.typeNumber >>> 0).toString(16)}):`;
  return lead + hexData(prefix, lead.length, encodeData(v, eightBit));
}

function body(keys: Iterable<RegKeyData>, header: string, eightBit: boolean): string {
  const out: string[] = [header, '\r\n'];
  for (const k of keys) {
    out.push('\r\n[', k.path, ']\r\n');
    for (const v of k.values) out.push(valueText(v, eightBit), '\r\n');
  }
  out.push('\r\n');
  return out.join('');
}

/** "Windows Registry Editor Version 5.00": UTF-16LE with BOM, CRLF. */
export function writeRegV5(keys: Iterable<RegKeyData>): Buffer {
  return Buffer.from('\ufeff' + body(keys, 'Windows Registry Editor Version 5.00', false), 'utf16le');
}

/** "REGEDIT4": Windows-1252 text (characters it cannot hold become '?', as on Windows); hex strings 8-bit. */
export function writeRegedit4(keys: Iterable<RegKeyData>): Buffer {
  return encodeCp1252(body(keys, 'REGEDIT4', true));
}
