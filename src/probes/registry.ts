import type { KeyInterest, RegistryReader, RegValue } from '../registry/types.js';
import type { Evidence } from '../types.js';

/** Every registry key a probe reads. The target keeps nothing else (a whole-hive export stays cheap). */
export const UNINSTALL_64 = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
export const UNINSTALL_32 = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
export const PHONEFACTOR_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Positive Networks\\PhoneFactor';
export const WINDOWS_CV = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion';
export const WINDOWS_NT_CV = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
export const NDP = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP';
export const NDP_V4_FULL = `${NDP}\\v4\\Full`;
export const VC_RUNTIMES = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\VisualStudio\\14.0\\VC\\Runtimes';
export const COMPUTER_NAME_KEYS = [
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\ComputerName\\ComputerName',
];

/**
 * Service registrations: the Services key itself (its subkey names tell that an export covers it) and the
 * services probes read (src/probes/services.ts), in the current control set and, for hive exports made
 * offline (hivexregedit has no CurrentControlSet), ControlSet001.
 */
export const SERVICES_KEYS = [
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services',
];
/** The MFA Server service (MultiFactorAuthSvc.exe) and the PhoneFactor Agent's (pfsvc.exe): what the key names rest on is in docs/rules/MFA-POST-020.md. */
export const MFA_SERVICE_NAMES = ['MultiFactorAuthSvc', 'pfsvc'];
export const ADFS_SERVICE_NAME = 'adfssrv';

/** The 32-bit view of a HKLM\SOFTWARE key (where 32-bit software writes on a 64-bit host). */
export function wow64(key: string): string {
  return key.replace(/^HKEY_LOCAL_MACHINE\\SOFTWARE\\(?!WOW6432Node\\)/i, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\');
}

export const REGISTRY_INTERESTS: KeyInterest[] = [
  { path: PHONEFACTOR_KEY },
  { path: wow64(PHONEFACTOR_KEY) },
  { path: UNINSTALL_64 },
  { path: UNINSTALL_32 },
  { path: WINDOWS_CV, recursive: false },
  { path: WINDOWS_NT_CV, recursive: false },
  { path: NDP },
  { path: VC_RUNTIMES },
  { path: wow64(VC_RUNTIMES) },
  ...COMPUTER_NAME_KEYS.map((path) => ({ path, recursive: false })),
  ...SERVICES_KEYS.flatMap((k) =>
    [k, ...[...MFA_SERVICE_NAMES, ADFS_SERVICE_NAME].map((n) => `${k}\\${n}`)].map((path) => ({ path, recursive: false })),
  ),
];

/** Both registry views of a HKLM\SOFTWARE key, the 32-bit one first for 32-bit software. */
export function bothViews(key: string): string[] {
  const w = wow64(key);
  return w === key ? [key] : [w, key];
}

export function short(key: string): string {
  return key.replace(/^HKEY_LOCAL_MACHINE\\/i, 'HKLM\\');
}

/** The first view in which the value exists. */
export function valueInViews(reg: RegistryReader, key: string, name: string): { key: string; value: RegValue } | null {
  for (const k of bothViews(key)) {
    const v = reg.getValue(k, name);
    if (v) return { key: k, value: v };
  }
  return null;
}

export function str(v: RegValue | undefined): string | null {
  if (!v) return null;
  if (typeof v.data === 'string' && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ')) return v.data;
  if (typeof v.data === 'number') return String(v.data);
  if (Array.isArray(v.data)) return v.data.join(' ');
  return v.data;
}

export function num(v: RegValue | undefined): number | null {
  if (!v) return null;
  if (typeof v.data === 'number') return v.data;
  if (typeof v.data === 'string' && /^\d+$/.test(v.data.trim())) return Number(v.data.trim());
  return null;
}

export function regEvidence(key: string, name: string, observed: string): Evidence {
  return { source: 'registry', location: `${short(key)}\\${name || '(Default)'}`, observed };
}
