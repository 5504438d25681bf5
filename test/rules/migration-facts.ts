/** Facts for the MFA-MIG-* rule tests (scan --goal migrate). */
import type { Facts, MigrationFact } from '../../src/types.js';
import { backup, candidate, comp, makeFacts } from './facts.js';
import { DATA } from './hosts.js';

export const FOLDER = 'C:\\Program Files\\Multi-Factor Authentication Server';
export const PF_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';
export const MIGRATE = { goal: 'migrate' } as const;

export function migrationFact(over: Partial<MigrationFact> = {}, present: boolean | null = false): MigrationFact {
  return {
    folder: FOLDER,
    files: ['MultiFactorAuthMigrationUtilityUI.exe', 'Configure-MultiFactorAuthMigrationUtility.ps1'].map((name) => ({
      name,
      path: `${FOLDER}\\${name}`,
      present,
    })),
    stsUrl: null,
    graphUrl: null,
    registryKnown: true,
    migrationServer: null,
    isMigrationServer: false,
    relyingParties: null,
    ...over,
  };
}

type Over = Parameters<typeof makeFacts>[0];
type Replication = 'primary' | 'subordinate' | 'standalone' | null;

/** An MFA Server of the given version and role; the utility present or not. */
export function server(
  version: string,
  replication: Replication = 'primary',
  mig: Partial<MigrationFact> = {},
  present: boolean | null = null,
  over: Over = {},
): Facts {
  const has = present ?? (version.startsWith('8.1') ? true : false);
  return makeFacts({
    components: [comp('server', version)],
    dataFile: backup(DATA),
    host: { roles: { replication, source: replication ? 'bundle' : 'unknown' }, ...(over.host ?? {}) },
    migration: migrationFact(mig, has),
    ...over,
  });
}

export const currentBackup = () => backup(DATA, [candidate('E:\\Backups\\PhoneFactor.pfdata', true, { reason: 'backup-folder' })]);
export const staleBackup = () => backup(DATA, [candidate('E:\\Backups\\PhoneFactor.pfdata', false, { reason: 'backup-folder' })]);

export const url = (value: string) => ({ value, key: PF_KEY });
