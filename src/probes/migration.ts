import type { MigrationFact } from '../types.js';
import { joinWin } from '../host/paths.js';
import type { ProbeContext } from './context.js';
import { PHONEFACTOR_KEY, str, valueInViews, wow64 } from './registry.js';
import { decodePowerShellText } from './adfs-cmdlets.js';

/** The recorded relying party trusts (Get-AdfsRelyingPartyTrust | Select-Object Name | ConvertTo-Json); src/rules/migration.ts names it too. */
export const RELYING_PARTY_FILE = 'adfs/relying-party-trusts.json';

/**
 * What the MFA Server Migration Utility needs on a server (scan --goal migrate; Microsoft Learn,
 * "MFA Server migration"): its files in the MFA Server install folder, the StsUrl and GraphUrl values its
 * configure script writes, and the deployment's dedicated migration server from bundle.json. Facts only.
 */

/** The utility's files the 8.1 build puts in the install folder. */
export const UTILITY_UI = 'MultiFactorAuthMigrationUtilityUI.exe';
export const UTILITY_SCRIPT = 'Configure-MultiFactorAuthMigrationUtility.ps1';
export const UTILITY_FILES = [UTILITY_UI, UTILITY_SCRIPT] as const;

function relyingPartyNames(data: unknown): string[] | null {
  // Windows PowerShell 5.1 may wrap an array as {"value": [...], "Count": n}.
  if (data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { value?: unknown }).value))
    data = (data as { value: unknown[] }).value;
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : null;
  if (!list) return null;
  const names: string[] = [];
  for (const x of list) {
    if (typeof x === 'string') names.push(x);
    else if (x && typeof x === 'object' && typeof (x as { Name?: unknown }).Name === 'string') names.push((x as { Name: string }).Name);
    else return null;
  }
  return names;
}

export async function probeMigration(ctx: ProbeContext, folder: string | null, hostName: string | null): Promise<MigrationFact> {
  const { target, reg } = ctx;
  const files: MigrationFact['files'] = [];
  if (folder) {
    const dirKnown = (await target.stat(folder))?.isDirectory ?? false;
    for (const name of UTILITY_FILES) {
      const path = joinWin(folder, name);
      const st = await target.stat(path);
      files.push({ name, path: st?.path ?? target.expand(path), present: st?.isFile ? true : dirKnown ? false : null });
    }
  }
  const value = (name: string) => {
    const hit = valueInViews(reg, PHONEFACTOR_KEY, name);
    const v = hit ? str(hit.value) : null;
    return hit && v ? { value: v, key: hit.key } : null;
  };
  const registryKnown = target.registryComplete || !!reg.getKey(PHONEFACTOR_KEY) || !!reg.getKey(wow64(PHONEFACTOR_KEY));
  const named = target.bundle?.migrationServer;
  const migrationServer = typeof named === 'string' && named.trim() ? named.trim() : null;

  let relyingParties: MigrationFact['relyingParties'] = null;
  const rec = target.readBundleFile ? await target.readBundleFile(RELYING_PARTY_FILE, 4 * 1024 * 1024) : null;
  if (rec) {
    let names: string[] | null = null;
    try {
      names = relyingPartyNames(JSON.parse(decodePowerShellText(rec.data)));
    } catch {
      names = null;
    }
    if (names) relyingParties = { location: rec.location, names: names.sort() };
    else
      target.problems.push({
        location: rec.location,
        message: 'not a list of relying party trusts (Get-AdfsRelyingPartyTrust | Select-Object Name | ConvertTo-Json): ignored',
      });
  }

  return {
    folder,
    files,
    stsUrl: value('StsUrl'),
    graphUrl: value('GraphUrl'),
    registryKnown,
    migrationServer,
    isMigrationServer: !!migrationServer && !!hostName && migrationServer.toLowerCase() === hostName.toLowerCase(),
    relyingParties,
  };
}
