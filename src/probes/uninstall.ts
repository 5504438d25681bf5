import type { ComponentId, Evidence } from '../types.js';
import type { RegistryReader } from '../registry/types.js';
import { UNINSTALL_32, UNINSTALL_64, regEvidence, str } from './registry.js';

/**
 * Uninstall entries matched by a brand token and a component token (rules.md "Terms"). Microsoft documents
 * neither the display names nor the executables, so the matching is by tokens and confirmed by files.
 * "Phone App Web Service" is the PhoneFactor-era name of the Mobile App Web Service (its folder is still
 * called PhoneFactorPhoneAppWebService); we accept it as a component token too (README).
 */
const BRAND = /(phone\s?factor|multi-?factor|\bmfa\b)/i;
const COMPONENT_TOKENS: { re: RegExp; len: number; component: ComponentId }[] = [
  { re: /mobile app web service/i, len: 22, component: 'mobile-app' },
  { re: /phone app web service/i, len: 21, component: 'mobile-app' },
  { re: /web service sdk/i, len: 15, component: 'web-service-sdk' },
  { re: /ad\s?fs adapter/i, len: 13, component: 'adfs-adapter' },
  { re: /user portal/i, len: 11, component: 'user-portal' },
  { re: /\bagent\b/i, len: 5, component: 'agent' },
  { re: /\bserver\b/i, len: 6, component: 'server' },
];

export function classifyDisplayName(name: string): ComponentId | null {
  if (!BRAND.test(name)) return null;
  let best: { len: number; component: ComponentId } | null = null;
  for (const t of COMPONENT_TOKENS) {
    if (t.re.test(name) && (!best || t.len > best.len)) best = t;
  }
  return best?.component ?? null;
}

/** Publishers of the real parts (rules.md "Terms"): PhoneFactor, Positive Networks (its maker), Microsoft. */
const OWN_PUBLISHER = /phone\s?factor|positive\s?networks|microsoft/i;
/** The names the parts themselves carry; "MFA" alone is a token other vendors' agents use too. */
const STRONG_BRAND = /(phone\s?factor|multi-?factor authentication)/i;

/**
 * Whether an Uninstall entry's own values confirm it is a part of MFA Server: its publisher is PhoneFactor,
 * Positive Networks or Microsoft; or it names no publisher (old setup.exe entries) and carries the parts' own
 * brand. Anything else (an "RSA MFA Agent", an "Okta Multi-Factor Authentication Agent") is a component only
 * where its files confirm it (components.ts).
 */
export function confirmedByEntry(displayName: string, publisher: string | null): boolean {
  if (publisher && publisher.trim()) return OWN_PUBLISHER.test(publisher);
  return STRONG_BRAND.test(displayName);
}

export interface UninstallEntry {
  key: string;
  component: ComponentId;
  displayName: string;
  version: string | null;
  publisher: string | null;
  /** The entry's own values (publisher, brand) confirm it; otherwise only its files can. */
  confirmed: boolean;
  installLocation: string | null;
  installDate: string | null;
  evidence: Evidence;
}

export interface OtherEntry {
  key: string;
  displayName: string;
  version: string | null;
}

/** Every Uninstall entry in both views: the MFA ones classified, the rest kept for other probes (VC++). */
export function readUninstall(reg: RegistryReader): { mfa: UninstallEntry[]; other: OtherEntry[]; covered: boolean } {
  const mfa: UninstallEntry[] = [];
  const other: OtherEntry[] = [];
  let covered = false;
  for (const root of [UNINSTALL_64, UNINSTALL_32]) {
    const subs = reg.subkeys(root);
    if (subs.length > 0) covered = true;
    for (const sub of [...subs].sort()) {
      const key = `${root}\\${sub}`;
      const displayName = str(reg.getValue(key, 'DisplayName'));
      if (!displayName) continue;
      const version = str(reg.getValue(key, 'DisplayVersion'))?.trim() || null;
      const component = classifyDisplayName(displayName);
      if (!component) {
        other.push({ key, displayName, version });
        continue;
      }
      const publisher = str(reg.getValue(key, 'Publisher'))?.trim() || null;
      mfa.push({
        key,
        component,
        displayName,
        version,
        publisher,
        confirmed: confirmedByEntry(displayName, publisher),
        installLocation: str(reg.getValue(key, 'InstallLocation'))?.trim() || null,
        installDate: str(reg.getValue(key, 'InstallDate'))?.trim() || null,
        evidence: regEvidence(key, 'DisplayName', `${displayName}${version ? ` ${version}` : ''}`),
      });
    }
  }
  return { mfa, other, covered };
}
