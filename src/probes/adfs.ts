import type { AdfsFact, ComponentFact } from '../types.js';
import { joinWin } from '../host/paths.js';
import { readAdapterConfig } from '../xml/webconfig.js';
import { compareConfigs } from '../xml/compare.js';
import { findFileBackups } from './backups.js';
import { fileStat, readConfig, type ProbeContext } from './context.js';
import { partFolderNames } from './web.js';
import { compareVersions } from '../util/version.js';

export const ADAPTER_MSI = 'MultiFactorAuthenticationAdfsAdapterSetup64.msi';
export const REGISTER_PS1 = 'Register-MultiFactorAuthenticationAdfsAdapter.ps1';
export const UNREGISTER_PS1 = 'Unregister-MultiFactorAuthenticationAdfsAdapter.ps1';
export const ADAPTER_CONFIG = 'MultiFactorAuthenticationAdfsAdapter.config';
export const ADAPTER_FILES = [ADAPTER_MSI, REGISTER_PS1, UNREGISTER_PS1, ADAPTER_CONFIG];

/**
 * The provider name AD FS has registered: the adapters before 7.0 registered
 * "WindowsAzureMultiFactorAuthentication", 7.0 and later "AzureMfaServerAuthentication" (an assumption from the
 * product's renaming, stated in the README; the rule says where the version leaves it open).
 */
export function providerNameFor(version: string | null): string | null {
  if (!version) return null;
  return compareVersions(version, '7.0') < 0 ? 'WindowsAzureMultiFactorAuthentication' : 'AzureMfaServerAuthentication';
}

/**
 * Each `<# ... #>` block comment replaced by one space, in one linear pass (a lazy regular expression took time
 * growing with the square of unclosed `<#`). Same result as `text.replace(/<#[\s\S]*?#>/g, ' ')`: a block ends at
 * the first `#>` after its `<#`, and an opener never closed leaves the rest of the text as it is.
 */
export function stripBlockComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<#', from);
    if (open === -1) break;
    const close = text.indexOf('#>', open + 2);
    // No `#>` after this opener means none after any later one either: the rest stays.
    if (close === -1) break;
    out += text.slice(from, open) + ' ';
    from = close + 2;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** PowerShell without comments, with backtick line continuations joined. */
function psCode(text: string): string {
  return stripBlockComments(text)
    .split(/\r?\n/)
    .map((l) => {
      // drop a # comment that is not inside a string (good enough for the Register script's shape)
      let inS: string | null = null;
      for (let i = 0; i < l.length; i++) {
        const ch = l[i]!;
        if (inS) {
          if (ch === inS) inS = null;
        } else if (ch === '"' || ch === "'") inS = ch;
        else if (ch === '#') return l.slice(0, i);
      }
      return l;
    })
    .join('\n')
    .replace(/`\s*\n/g, ' ');
}

/** Whether every Register-AdfsAuthenticationProvider call in the script passes -ConfigurationFilePath. */
export function registerPassesConfigPath(text: string): boolean | null {
  const code = psCode(text);
  const calls = code.split('\n').filter((l) => /Register-AdfsAuthenticationProvider\b/i.test(l));
  if (calls.length === 0) return null;
  // Splatting (@params) may carry it: accept a hashtable key ConfigurationFilePath anywhere in the script.
  const splat = /ConfigurationFilePath\s*=/i.test(code);
  return calls.every((l) => /-ConfigurationFilePath\b/i.test(l) || (/@\w+/.test(l) && splat));
}

export async function probeAdfs(
  ctx: ProbeContext,
  adapter: ComponentFact,
  mfaFolder: string | null,
  backupDirs: string[],
  configErrors: { path: string; message: string }[],
): Promise<AdfsFact> {
  const { target } = ctx;
  const folder = adapter.installPath ?? mfaFolder ?? target.expand('%ProgramFiles%\\Multi-Factor Authentication Server');
  const files = [];
  for (const name of ADAPTER_FILES) {
    const p = joinWin(folder, name);
    files.push({ name, present: !!(await target.stat(p))?.isFile, path: target.expand(p) });
  }
  const fact: AdfsFact = { folder: target.expand(folder), files, registerScript: null, config: null, configDiff: null, oldProviderName: providerNameFor(adapter.version) };

  const reg = files.find((f) => f.name === REGISTER_PS1)!;
  if (reg.present) {
    const r = await target.readFile(reg.path, 4 * 1024 * 1024);
    if (!r) fact.registerScript = { path: reg.path, passesConfigurationFilePath: null, readError: 'cannot be read' };
    else {
      const text = r.data[0] === 0xff && r.data[1] === 0xfe ? r.data.subarray(2).toString('utf16le') : r.data.toString('utf8').replace(/^\uFEFF/, '');
      fact.registerScript = { path: reg.path, passesConfigurationFilePath: registerPassesConfigPath(text), readError: null };
    }
  }

  const cfgPath = joinWin(folder, ADAPTER_CONFIG);
  const st = await fileStat(target, cfgPath);
  if (st.exists) {
    const read = await readConfig(target, cfgPath);
    const r = read?.ok ? read : null;
    let parseError: string | null = read ? (read.ok ? null : read.error) : 'cannot be read';
    if (read && !read.ok) configErrors.push({ path: st.path, message: read.error });
    let sdkUrl: string | null = null;
    if (r) {
      const parsed = readAdapterConfig(r.data);
      if (!parsed.ok) {
        parseError = parsed.error;
        configErrors.push({ path: st.path, message: parsed.error });
      } else sdkUrl = parsed.sdkUrl?.url ?? null;
    }
    const backup = await findFileBackups(target, st, {
      backupDirs,
      folderNames: partFolderNames(adapter),
      identifies: (data) => /<\s*ConfigurationData\b/.test(data.toString('utf8')) || /<\s*ConfigurationData\b/.test(data.toString('utf16le')),
    });
    fact.config = { path: st.path, exists: true, parseError, backup, sdkUrl };
    // At stages adfs and post the folder holds the new config; the saved one is its most recent copy of other content.
    if ((ctx.opts.stage === 'adfs' || ctx.opts.stage === 'post') && r && !parseError) {
      const saved = backup.candidates
        .filter((c) => c.reason !== 'same-content')
        .sort((a, b) => ((b.mtime ?? '') < (a.mtime ?? '') ? -1 : (b.mtime ?? '') > (a.mtime ?? '') ? 1 : a.path < b.path ? -1 : 1))[0];
      if (saved) {
        const oldRead = await readConfig(target, saved.path);
        if (oldRead && !oldRead.ok) configErrors.push({ path: saved.path, message: oldRead.error });
        const old = oldRead?.ok ? oldRead : null;
        if (old) {
          const cmp = compareConfigs(old.data, r.data);
          if (cmp.ok) fact.configDiff = { saved: saved.path, current: st.path, differences: cmp.differences };
          else configErrors.push({ path: saved.path, message: cmp.error });
        }
      }
    }
  } else {
    fact.config = { path: st.path, exists: false, parseError: null, backup: null };
  }
  return fact;
}
