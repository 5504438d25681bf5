/**
 * The registry model every registry source (.reg export, reg.exe query output) fills,
 * and every probe reads. Paths are full key paths with a long root name
 * ("HKEY_LOCAL_MACHINE\\SOFTWARE\\..."); lookups are case-insensitive and accept
 * short roots (HKLM, HKCU, HKCR, HKU, HKCC).
 */

export type RegValueType =
  | 'REG_NONE'
  | 'REG_SZ'
  | 'REG_EXPAND_SZ'
  | 'REG_BINARY'
  | 'REG_DWORD'
  | 'REG_DWORD_BIG_ENDIAN'
  | 'REG_LINK'
  | 'REG_MULTI_SZ'
  | 'REG_RESOURCE_LIST'
  | 'REG_FULL_RESOURCE_DESCRIPTOR'
  | 'REG_RESOURCE_REQUIREMENTS_LIST'
  | 'REG_QWORD'
  | 'REG_UNKNOWN';

export interface RegValue {
  /** '' is the default value (@). Original case. */
  name: string;
  type: RegValueType;
  /** The numeric type (1 = REG_SZ, 4 = REG_DWORD, 0xffff0012 for odd ones...). */
  typeNumber: number;
  /**
   * Decoded data: REG_SZ / REG_EXPAND_SZ / REG_LINK: string without the terminating NUL (no %VAR% expansion);
   * REG_DWORD: unsigned 32-bit number; REG_QWORD: number when safe, else decimal string;
   * REG_MULTI_SZ: string[] without the final empty terminator; REG_BINARY and everything else: lowercase hex string.
   */
  data: string | number | string[];
}

export interface RegKeyData {
  /** Full path in its original case, long root. */
  path: string;
  values: RegValue[];
}

/** Which keys a scan keeps: every key at or below one of these paths (case-insensitive, short roots allowed). */
export interface KeyInterest {
  path: string;
  /** Keep subkeys too (default true). */
  recursive?: boolean;
}

export interface RegistryProblem {
  /** "registry/software.reg:123" style location (file and 1-based line). */
  location: string;
  message: string;
}

export interface RegistryReader {
  /** A key, or undefined where it is not present. */
  getKey(path: string): RegKeyData | undefined;
  getValue(path: string, name: string): RegValue | undefined;
  /** Names (original case) of the immediate subkeys present. */
  subkeys(path: string): string[];
  /** Whether any key at or below this path is present. */
  hasAnyUnder(path: string): boolean;
}
