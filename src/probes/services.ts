/**
 * The MFA Server's and AD FS's Windows service registrations, HKLM\SYSTEM\CurrentControlSet\Services\<name>
 * (readable offline from `reg export HKLM\SYSTEM\CurrentControlSet\Services`): whether the service is
 * registered, its start type and the executable its ImagePath names. Facts only: MFA-POST-020 judges them.
 */
import type { Evidence, ServiceFact, ServicesFact } from '../types.js';
import type { RegistryReader } from '../registry/types.js';
import { ADFS_SERVICE_NAME, MFA_SERVICE_NAMES, SERVICES_KEYS, num, regEvidence, short, str } from './registry.js';
import type { ProbeContext } from './context.js';

const START_WORDS: Record<number, string> = { 0: 'boot', 1: 'system', 2: 'automatic', 3: 'manual', 4: 'disabled' };

/** A Start value in words ("3 (manual)"). */
function startWord(start: number | null): string {
  if (start === null) return 'not set';
  return `${start} (${START_WORDS[start] ?? 'unknown'})`;
}

/**
 * The executable an ImagePath names: `"C:\Program Files\X\pfsvc.exe" -k` -> `C:\Program Files\X\pfsvc.exe`;
 * unquoted paths with spaces are taken up to the first `.exe` (as Windows tries them).
 */
export function imageExecutable(imagePath: string): string | null {
  const t = imagePath.trim();
  if (!t) return null;
  if (t.startsWith('"')) {
    const end = t.indexOf('"', 1);
    return end > 1 ? t.slice(1, end) : t.slice(1) || null;
  }
  const m = /^(.*?\.exe)(?=\s|$)/i.exec(t);
  if (m) return m[1];
  return t.split(/\s+/)[0] ?? null;
}

/** `\??\C:\x` and `\SystemRoot\x` forms the service manager also accepts. */
function ntPath(p: string): string {
  return p
    .replace(/^\\\?\?\\/, '')
    .replace(/^\\SystemRoot\\/i, '%SystemRoot%\\')
    .replace(/^System32\\/i, '%SystemRoot%\\System32\\');
}

function readService(ctx: ProbeContext, reg: RegistryReader, servicesKey: string, name: string): ServiceFact | null {
  const sub = reg.subkeys(servicesKey).find((n) => n.toLowerCase() === name.toLowerCase());
  const key = `${servicesKey}\\${sub ?? name}`;
  const k = reg.getKey(key);
  if (!k) return null;
  const start = num(reg.getValue(key, 'Start'));
  const imagePath = str(reg.getValue(key, 'ImagePath'));
  const exe = imagePath ? imageExecutable(imagePath) : null;
  const evidence: Evidence[] = [regEvidence(key, 'Start', startWord(start)), regEvidence(key, 'ImagePath', imagePath ?? 'not set')];
  return {
    name: sub ?? name,
    key: short(key),
    start,
    delayed: num(reg.getValue(key, 'DelayedAutostart')) === 1,
    imagePath,
    executable: exe ? ctx.target.expand(ntPath(exe)) : null,
    displayName: str(reg.getValue(key, 'DisplayName')),
    evidence,
  };
}

export function probeServices(ctx: ProbeContext): ServicesFact {
  const { reg } = ctx;
  // The first control set an export covers: CurrentControlSet (reg export, the live registry), else ControlSet001.
  // An export of the Services key itself covers every service; one of a single service's key covers only that one.
  const base = SERVICES_KEYS.find((k) => reg.getKey(k)) ?? SERVICES_KEYS.find((k) => reg.hasAnyUnder(k)) ?? SERVICES_KEYS[0];
  const known = ctx.target.registryComplete || !!reg.getKey(base);
  let mfa: ServiceFact | null = null;
  for (const n of MFA_SERVICE_NAMES) {
    mfa = readService(ctx, reg, base, n);
    if (mfa) break;
  }
  return { known, mfa, adfs: readService(ctx, reg, base, ADFS_SERVICE_NAME), mfaNames: [...MFA_SERVICE_NAMES] };
}
