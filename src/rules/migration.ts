/**
 * What a server is to the MFA Server migration (scan --goal migrate), from its facts alone: the rules, the plan
 * and the report share this one reading. Microsoft Learn, "MFA Server migration": the new build goes on the
 * primary only (or also on a dedicated secondary that runs the utility); subordinates, User Portals, Web
 * Service SDKs and AD FS adapters keep their version.
 */
import type { Facts, Migration, MigrationRole } from '../types.js';
import { compareVersions } from '../util/version.js';

/** The first MFA Server build that carries the Migration Utility. */
export const UTILITY_BUILD = '8.1';
/** Below this, the guide's in-place install is not the way: the full upgrade path comes first. */
export const MIGRATE_MIN_VERSION = '6.1';

/** Where a bundle records the AD FS relying party trusts (Get-AdfsRelyingPartyTrust | Select-Object Name | ConvertTo-Json). */
export const RELYING_PARTY_FILE = 'adfs/relying-party-trusts.json';

/** An AD FS server: it has the MFA adapter, or the AD FS service is registered. */
export function isAdfsServer(facts: Facts): boolean {
  return facts.components.some((c) => c.component === 'adfs-adapter') || !!facts.services?.adfs;
}

export type Cloud = 'commercial' | 'government';

/** The cloud a URL names: `.us` hosts are the US government cloud, `.com` the commercial one. */
export function cloudOf(url: string): Cloud | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    host =
      url
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .split(/[/:]/)[0] ?? '';
  }
  if (/\.us$/.test(host)) return 'government';
  if (/\.com$/.test(host)) return 'commercial';
  return null;
}

/** The cloud StsUrl and GraphUrl agree on; `mixed` where they name different clouds; null where not both known. */
export function cloudOfValues(facts: Facts): Migration['cloud'] {
  const m = facts.migration;
  const sts = m?.stsUrl ? cloudOf(m.stsUrl.value) : null;
  const graph = m?.graphUrl ? cloudOf(m.graphUrl.value) : null;
  if (sts && graph) return sts === graph ? sts : 'mixed';
  return sts ?? graph ?? null;
}

export function mfaServerOf(facts: Facts) {
  return facts.components.find((c) => c.component === 'server') ?? facts.components.find((c) => c.component === 'agent');
}

/** Below 6.1 (or the PhoneFactor Agent): the full upgrade path first. */
export function belowMinimum(facts: Facts): boolean {
  const s = mfaServerOf(facts);
  if (!s) return false;
  if (s.component === 'agent') return true;
  return !!s.version && compareVersions(s.version, MIGRATE_MIN_VERSION) < 0;
}

/** Whether the server's version carries the utility (8.1 or later); null where its version is unknown. */
export function buildCarriesUtility(facts: Facts): boolean | null {
  const s = mfaServerOf(facts);
  if (!s || s.component === 'agent') return false;
  if (!s.version) return null;
  return compareVersions(s.version, UTILITY_BUILD) >= 0;
}

/** The utility's files in the install folder: true all there, false one missing, null not known. */
export function utilityPresent(facts: Facts): boolean | null {
  const files = facts.migration?.files ?? [];
  if (files.length === 0) return null;
  if (files.some((f) => f.present === false)) return false;
  if (files.some((f) => f.present === null)) return null;
  return true;
}

export function migrationRole(facts: Facts): MigrationRole {
  if (facts.host.hostRole !== 'mfa-host') return 'unchanged';
  if (facts.migration?.isMigrationServer) return 'migration-server';
  const r = facts.host.roles.replication;
  if (r === 'primary' || r === 'standalone') return 'primary';
  if (r === 'subordinate') return 'unchanged';
  return 'unknown';
}

/** Whether the server gets the new build and the utility (the primary, the migration server, or a server of unknown role). */
export function mustChange(facts: Facts): boolean {
  return ['primary', 'migration-server', 'unknown'].includes(migrationRole(facts));
}

/** The server gets the build that carries the utility: it must change, is not too old, and the utility is not (known to be) there. */
export function needsUtilityBuild(facts: Facts): boolean {
  if (!mustChange(facts) || belowMinimum(facts)) return false;
  const files = utilityPresent(facts);
  if (files === false) return true;
  return files === null && buildCarriesUtility(facts) !== true;
}

/** The report's `migration` part: what this server is to the migration and whether it must change. */
export function migrationSummary(facts: Facts): Migration {
  const role = migrationRole(facts);
  const server = facts.migration?.migrationServer ?? null;
  const hr = facts.host.hostRole;
  const why: Record<MigrationRole, string> = {
    primary: 'The primary MFA Server: it gets the build that carries the Migration Utility, then the configure script.',
    'migration-server':
      'The dedicated migration server named in bundle.json: it gets the build and runs the configure script, and carries no other MFA traffic.',
    unknown:
      'An MFA Server whose replication role is not known: if it is the primary (or a single server) it gets the new build; a subordinate keeps its version.',
    unchanged:
      hr === 'mfa-host'
        ? `A subordinate MFA Server: it keeps its version${server ? ` (the utility runs on ${server})` : ''}; after the primary is upgraded it logs "Unhandled SB" entries.`
        : hr === 'web-host'
          ? 'A User Portal / Web Service SDK server: updating it is not needed for the Migration Utility.'
          : hr === 'adfs-host'
            ? 'An AD FS server: the adapter need not be updated for the Migration Utility; check its Windows version and access control policies.'
            : 'No MFA Server component here: nothing to change for the migration.',
  };
  return { role, mustChange: mustChange(facts), why: why[role], migrationServer: server, cloud: cloudOfValues(facts) };
}
