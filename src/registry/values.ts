/**
 * Value data: bytes <-> the decoded form of RegValue (types.ts), and the Windows-1252 code page that
 * REGEDIT4 files and their hex strings use. (Node's TextDecoder('windows-1252') is plain Latin-1 for
 * 0x80-0x9F, so the 32 differing code points are mapped here.)
 */
import type { RegValue, RegValueType } from './types.js';

const TYPE_NAMES: RegValueType[] = [
  'REG_NONE',
  'REG_SZ',
  'REG_EXPAND_SZ',
  'REG_BINARY',
  'REG_DWORD',
  'REG_DWORD_BIG_ENDIAN',
  'REG_LINK',
  'REG_MULTI_SZ',
  'REG_RESOURCE_LIST',
  'REG_FULL_RESOURCE_DESCRIPTOR',
  'REG_RESOURCE_REQUIREMENTS_LIST',
  'REG_QWORD',
];

export function typeName(typeNumber: number): RegValueType {
  return TYPE_NAMES[typeNumber] ?? 'REG_UNKNOWN';
}

/** Type number of a type name (REG_UNKNOWN has none: undefined). */
export function typeNumberOf(type: RegValueType): number | undefined {
  const i = TYPE_NAMES.indexOf(type);
  return i < 0 ? undefined : i;
}

// Windows-1252 0x80..0x9F; the five undefined bytes map to the C1 control of the same number.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const CP1252_ENC = new Map<number, number>();
CP1252_HIGH.forEach((cp, i) => CP1252_ENC.set(cp, 0x80 + i));
const C1 = /[\x80-\x9f]/g;
const C1_TEST = /[\x80-\x9f]/;

export function decodeCp1252(buf: Uint8Array): string {
  const s = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  return C1_TEST.test(s) ? s.replace(C1, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80])) : s;
}

/** Windows-1252 bytes of a string; characters it cannot hold become '?', as Windows' default char. */
export function encodeCp1252(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[n++] = cp;
    else out[n++] = CP1252_ENC.get(cp) ?? 0x3f;
  }
  return out.subarray(0, n);
}

/** Text of string-typed data; `eightBit` for REGEDIT4 (Windows-1252), else UTF-16LE. */
function bytesToText(bytes: Buffer, eightBit: boolean): string {
  return eightBit ? decodeCp1252(bytes) : bytes.toString('utf16le');
}

/** Decode value bytes as types.ts describes. REG_LINK is UTF-16LE in both formats (regedit writes it raw). */
export function decodeData(bytes: Buffer, typeNumber: number, eightBit: boolean): RegValue['data'] {
  switch (typeNumber) {
    case 1:
    case 2:
    case 6: {
      const s = bytesToText(bytes, eightBit && typeNumber !== 6);
      const nul = s.indexOf('\0');
      return nul < 0 ? s : s.slice(0, nul);
    }
    case 7: {
      let s = bytesToText(bytes, eightBit);
      // Drop the list terminator ("\0\0" after the last string, or a lone "\0").
      if (s.endsWith('\0\0')) s = s.slice(0, -2);
      else if (s.endsWith('\0')) s = s.slice(0, -1);
      return s.length ? s.split('\0') : [];
    }
    case 4: {
      const b = Buffer.alloc(4);
      bytes.copy(b, 0, 0, 4);
      return b.readUInt32LE(0);
    }
    case 11: {
      const b = Buffer.alloc(8);
      bytes.copy(b, 0, 0, 8);
      const v = b.readBigUInt64LE(0);
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    }
    default:
      return bytes.toString('hex');
  }
}

/** The bytes a value holds (inverse of decodeData); strings get their NUL terminator. */
export function encodeData(value: RegValue, eightBit: boolean): Buffer {
  const text = (s: string, eb: boolean) => (eb ? encodeCp1252(s) : Buffer.from(s, 'utf16le'));
  const nul = (eb: boolean) => Buffer.alloc(eb ? 1 : 2);
  const d = value.data;
  switch (value.typeNumber) {
    case 1:
    case 2:
    case 6: {
      const eb = eightBit && value.typeNumber !== 6;
      return Buffer.concat([text(String(d), eb), nul(eb)]);
    }
    case 7: {
      const list = Array.isArray(d) ? d : [String(d)];
      const parts: Buffer[] = [];
      for (const s of list) parts.push(text(s, eightBit), nul(eightBit));
      parts.push(nul(eightBit));
      return Buffer.concat(parts);
    }
    case 4: {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(Number(d) >>> 0, 0);
      return b;
    }
    case 11: {
      const b = Buffer.alloc(8);
      b.writeBigUInt64LE(BigInt.asUintN(64, BigInt(typeof d === 'number' ? Math.trunc(d) : String(d))), 0);
      return b;
    }
    default:
      return Buffer.from(typeof d === 'string' ? d : '', 'hex');
  }
}

/** A RegValue from bytes of a type number. */
export function makeValue(name: string, typeNumber: number, bytes: Buffer, eightBit: boolean): RegValue {
  return { name, type: typeName(typeNumber), typeNumber, data: decodeData(bytes, typeNumber, eightBit) };
}
