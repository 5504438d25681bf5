import type { Facts, Roles } from '../types.js';
import { COMPUTER_NAME_KEYS, WINDOWS_CV, WINDOWS_NT_CV, str } from './registry.js';
import type { ProbeContext } from './context.js';

/** Environment variables the host's registry knows (localized hosts: C:\Programme). */
export function registryEnv(ctx: ProbeContext): Record<string, string> {
  const env: Record<string, string> = {};
  const pf = str(ctx.reg.getValue(WINDOWS_CV, 'ProgramFilesDir'));
  const pf86 = str(ctx.reg.getValue(WINDOWS_CV, 'ProgramFilesDir (x86)'));
  const common = str(ctx.reg.getValue(WINDOWS_CV, 'CommonFilesDir'));
  if (pf) {
    env.ProgramFiles = pf;
    env.ProgramW6432 = pf;
  }
  if (pf86) env['ProgramFiles(x86)'] = pf86;
  if (common) env.CommonProgramFiles = common;
  const root = str(ctx.reg.getValue(WINDOWS_NT_CV, 'SystemRoot'));
  if (root) {
    env.SystemRoot = root;
    env.windir = root;
    env.SystemDrive = root.slice(0, 2);
  }
  return env;
}

/**
 * 32- or 64-bit from the CurrentVersion key the registry export already holds: a 64-bit Windows has a
 * "ProgramFilesDir (x86)" value there, a 32-bit one has only "ProgramFilesDir". Null where the key is not exported.
 */
export function architectureFromRegistry(ctx: ProbeContext): string | null {
  if (!str(ctx.reg.getValue(WINDOWS_CV, 'ProgramFilesDir'))) return null;
  return str(ctx.reg.getValue(WINDOWS_CV, 'ProgramFilesDir (x86)')) ? 'x64' : 'x86';
}

/** Host name, OS and roles: bundle.json first, then the registry; roles from bundle.json, then --role. */
export function probeHost(ctx: ProbeContext): Pick<Facts['host'], 'name' | 'os' | 'roles' | 'backupDirs'> {
  const b = ctx.target.bundle;
  let name = b?.hostname ?? null;
  if (!name) {
    for (const k of COMPUTER_NAME_KEYS) {
      name = str(ctx.reg.getValue(k, 'ComputerName'));
      if (name) break;
    }
  }
  const build = str(ctx.reg.getValue(WINDOWS_NT_CV, 'CurrentBuildNumber')) ?? str(ctx.reg.getValue(WINDOWS_NT_CV, 'CurrentBuild'));
  const major = str(ctx.reg.getValue(WINDOWS_NT_CV, 'CurrentMajorVersionNumber'));
  const minor = str(ctx.reg.getValue(WINDOWS_NT_CV, 'CurrentMinorVersionNumber'));
  // Before Windows Server 2016 there is no CurrentMajorVersionNumber: CurrentVersion ("6.0", "6.3") and the build say it.
  const current = str(ctx.reg.getValue(WINDOWS_NT_CV, 'CurrentVersion'));
  const os = {
    caption: b?.os?.caption ?? str(ctx.reg.getValue(WINDOWS_NT_CV, 'ProductName')),
    version:
      b?.os?.version ??
      (major && build ? `${major}.${minor ?? 0}.${build}` : current && build && /^\d+\.\d+$/.test(current) ? `${current}.${build}` : build),
    architecture: b?.os?.architecture ?? architectureFromRegistry(ctx),
  };
  const r = b?.roles ?? {};
  const fromBundle = r.replication ?? null;
  const replication = fromBundle ?? ctx.opts.role ?? null;
  const roles: Roles = {
    replication,
    replicationGroup: r.replicationGroup ?? null,
    loadBalanced: typeof r.loadBalanced === 'boolean' ? r.loadBalanced : null,
    adfsFarm: r.adfsFarm ?? null,
    source: fromBundle ? 'bundle' : ctx.opts.role ? 'flag' : r.loadBalanced !== undefined || r.replicationGroup ? 'bundle' : 'unknown',
  };
  const backupDirs = [...(b?.backupDirs ?? []), ...(ctx.opts.backupDirs ?? [])].filter((d) => typeof d === 'string');
  return { name, os, roles, backupDirs };
}
