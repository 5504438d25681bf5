/**
 * Facts about Windows service registrations and the recorded AD FS cmdlet output (src/probes/services.ts,
 * src/probes/adfs-cmdlets.ts). Plain data; re-exported by src/types.ts with the other facts.
 */
import type { Evidence } from './report/report.generated.js';

/** One Windows service's registration, HKLM\SYSTEM\CurrentControlSet\Services\<name>. */
export interface ServiceFact {
  /** The service (key) name. */
  name: string;
  /** The registry key read (short root). */
  key: string;
  /** Start: 0 boot, 1 system, 2 automatic, 3 manual, 4 disabled; null where absent. */
  start: number | null;
  /** DelayedAutostart = 1 (automatic, delayed start). */
  delayed: boolean;
  /** ImagePath as written (quotes and arguments kept). */
  imagePath: string | null;
  /** The executable ImagePath names: unquoted, arguments dropped, %VARS% expanded. */
  executable: string | null;
  displayName: string | null;
  evidence: Evidence[];
}

export interface ServicesFact {
  /** Whether the registry read covers the Services key (an export of it, or the live registry): absent then means not registered. */
  known: boolean;
  /** The MFA Server / PhoneFactor Agent service (pfsvc), null where not registered or not known. */
  mfa: ServiceFact | null;
  /** The AD FS service (adfssrv), null where not registered or not known. */
  adfs: ServiceFact | null;
  /** The service names looked for (for messages). */
  mfaNames: string[];
}

/** The recorded output of Get-AdfsAuthenticationProvider and Get-AdfsGlobalAuthenticationPolicy (bundle adfs/*.json). */
export interface AdfsCmdletsFact {
  /** Names of the registered authentication providers; null where not recorded or not readable. */
  providers: { location: string; names: string[] } | null;
  /** The global policy's AdditionalAuthenticationProvider list; null where not recorded or not readable. */
  globalPolicy: { location: string; additional: string[] } | null;
  /** Recorded files that could not be read or understood. */
  errors: { location: string; message: string }[];
}
