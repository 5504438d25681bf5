import type { AdfsFact, ComponentFact } from '../types.js';
import { joinWin, winBasename, winEquals, winIsInside, winKey } from '../host/paths.js';
import { readAdapterConfig } from '../xml/webconfig.js';
import { compareConfigs } from '../xml/compare.js';
import { findFileBackups, walkFiles } from './backups.js';
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
        const ch = l[i];
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
  // Not Unregister-AdfsAuthenticationProvider: nothing of a name may come right before "Register".
  const calls = code.split('\n').filter((l) => /(?<![\w-])Register-AdfsAuthenticationProvider\b/i.test(l));
  if (calls.length === 0) return null;
  // Splatting (@params) may carry it: accept a hashtable key ConfigurationFilePath anywhere in the script.
  const splat = /ConfigurationFilePath\s*=/i.test(code);
  return calls.every((l) => /-ConfigurationFilePath\b/i.test(l) || (/@\w+/.test(l) && splat));
}

/** Whether a file's content is an AD FS adapter configuration (the config, a copy, or an Export-AdfsAuthenticationProviderConfigurationData output). */
export function isAdapterConfiguration(data: Buffer): boolean {
  const text = data[0] === 0xff && data[1] === 0xfe ? data.subarray(2).toString('utf16le') : data.toString('utf8').replace(/^\uFEFF/, '');
  // The root element, after an optional XML declaration and comments.
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<\s*ConfigurationData\b/.test(text);
}

/** An exported or saved configuration is a small file: anything larger is not read. */
const MAX_EXPORT_BYTES = 256 * 1024;

/**
 * Saved copies of the registered adapter configuration recognised by their content, under any name: an
 * `Export-AdfsAuthenticationProviderConfigurationData` output (adfs-mfa-export.xml, ...) or a copy of the config,
 * in the adapter's folder (top level), the staging folder and the backup folders. The new template config (and
 * any file with its exact content) is not a copy of the old one; neither is the registered file itself.
 */
async function findSavedConfigurations(
  ctx: ProbeContext,
  dirs: { path: string; recursive: boolean }[],
  exclude: { paths: string[]; template: Buffer | null; registered: Buffer | null },
): Promise<{ path: string; mtime: string | null }[]> {
  const { target } = ctx;
  const out: { path: string; mtime: string | null }[] = [];
  const seen = new Set(exclude.paths.map(winKey));
  for (const d of dirs) {
    const entries = d.recursive ? await walkFiles(target, d.path) : (await target.list(d.path)).filter((e) => e.isFile);
    for (const e of entries) {
      if (seen.has(winKey(e.path))) continue;
      seen.add(winKey(e.path));
      const st = await target.stat(e.path);
      if (!st?.isFile || st.size > MAX_EXPORT_BYTES || st.size === 0) continue;
      // The first bytes tell (the root element comes first): a backup folder full of other files costs little.
      const head = await target.readFile(e.path, 4096);
      if (!head || !isAdapterConfiguration(head.data)) continue;
      const r = head.truncated ? await target.readFile(e.path, MAX_EXPORT_BYTES) : head;
      if (!r) continue;
      // A copy of the new template is not a saved old config (unless old and new are the same bytes).
      if (exclude.template && r.data.equals(exclude.template) && !(exclude.registered && r.data.equals(exclude.registered))) continue;
      out.push({ path: st.path, mtime: st.mtime });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The newest first, then by path. */
const newestFirst = (a: { path: string; mtime: string | null }, b: { path: string; mtime: string | null }) =>
  (b.mtime ?? '') < (a.mtime ?? '') ? -1 : (b.mtime ?? '') > (a.mtime ?? '') ? 1 : a.path < b.path ? -1 : 1;

/**
 * Where the four new adapter files were copied (procedure inplace-adfs-copy-2): --adapter-files, else
 * bundle.json adapterFiles, else a backup folder that holds the adapter MSI and the config (the new files
 * copied there, as admins do when they use one folder for the window).
 */
async function stagingFolder(ctx: ProbeContext, backupDirs: string[]): Promise<AdfsFact['staging']> {
  const { target } = ctx;
  if (ctx.opts.adapterFiles) return { folder: target.expand(ctx.opts.adapterFiles), source: 'flag' };
  const b = target.bundle?.adapterFiles;
  if (typeof b === 'string' && b !== '') return { folder: target.expand(b), source: 'bundle' };
  for (const d of backupDirs) {
    const msi = await target.stat(joinWin(d, ADAPTER_MSI));
    const cfg = await target.stat(joinWin(d, ADAPTER_CONFIG));
    if (msi?.isFile && cfg?.isFile) return { folder: target.expand(d), source: 'backup-dir' };
  }
  return null;
}

async function readText(ctx: ProbeContext, path: string): Promise<Buffer | null> {
  const r = await ctx.target.readFile(path, MAX_EXPORT_BYTES);
  return r && !r.truncated ? r.data : null;
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
  const staging = await stagingFolder(ctx, backupDirs);
  // The new files: in the staging folder where there is one, else in the adapter's folder.
  const filesFolder = staging?.folder ?? folder;
  const files = [];
  for (const name of ADAPTER_FILES) {
    const p = joinWin(filesFolder, name);
    files.push({ name, present: !!(await target.stat(p))?.isFile, path: target.expand(p) });
  }
  const fact: AdfsFact = {
    folder: target.expand(folder),
    files,
    registerScript: null,
    config: null,
    configDiff: null,
    oldProviderName: providerNameFor(adapter.version),
    staging,
    exports: [],
  };

  const reg = files.find((f) => f.name === REGISTER_PS1)!;
  if (reg.present) {
    const r = await target.readFile(reg.path, 4 * 1024 * 1024);
    if (!r) fact.registerScript = { path: reg.path, passesConfigurationFilePath: null, readError: 'cannot be read' };
    else {
      const text =
        r.data[0] === 0xff && r.data[1] === 0xfe ? r.data.subarray(2).toString('utf16le') : r.data.toString('utf8').replace(/^\uFEFF/, '');
      fact.registerScript = { path: reg.path, passesConfigurationFilePath: registerPassesConfigPath(text), readError: null };
    }
  }

  // The new template config, where the new files sit apart from the registered one.
  const stagedPath = staging ? target.expand(joinWin(staging.folder, ADAPTER_CONFIG)) : null;
  const stagedSt = stagedPath ? await fileStat(target, stagedPath) : null;
  const staged = stagedSt?.exists ? await readConfig(target, stagedPath!) : null;
  if (staged && !staged.ok) configErrors.push({ path: stagedPath!, message: staged.error });
  const template = staged?.ok ? staged.data : null;

  const cfgPath = joinWin(folder, ADAPTER_CONFIG);
  const st = await fileStat(target, cfgPath);
  const registeredBytes = st.exists && st.source === 'file' ? await readText(ctx, st.path) : null;
  // Saved configurations recognised by content (exports under any name, copies), never the template.
  const templateDirs = staging && staging.source !== 'backup-dir' ? [{ path: staging.folder, recursive: true }] : [];
  fact.exports = await findSavedConfigurations(
    ctx,
    [{ path: folder, recursive: false }, ...templateDirs, ...backupDirs.map((d) => ({ path: d, recursive: true }))],
    { paths: [st.path, ...(stagedPath ? [stagedPath] : [])], template: staging ? template : null, registered: registeredBytes },
  );
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
      identifies: (data) =>
        /<\s*ConfigurationData\b/.test(data.toString('utf8')) || /<\s*ConfigurationData\b/.test(data.toString('utf16le')),
    });
    // The staged template is the new config, not a backup of the old one.
    if (stagedPath)
      backup.candidates = backup.candidates.filter(
        (c) =>
          !winEquals(c.path, stagedPath) &&
          !(
            template &&
            c.reason !== 'same-content' &&
            winIsInside(c.path, staging!.folder) &&
            winBasename(c.path).toLowerCase() === ADAPTER_CONFIG.toLowerCase()
          ),
      );
    fact.config = { path: st.path, exists: true, parseError, backup, sdkUrl };
    // At stage post too (MFA-POST-022): the saved old config against the one now in the adapter's folder.
    if ((ctx.opts.stage === 'adfs' || ctx.opts.stage === 'post') && r && !parseError) {
      if (ctx.opts.stage === 'adfs' && staging && template) {
        // OLD (the registered config in the adapter's folder) against NEW (the staged template).
        diffConfigs(fact, st.path, r.data, stagedPath!, template, configErrors);
      } else if (!staging || ctx.opts.stage === 'post') {
        // The adapter's folder holds the new config; the saved one is its most recent copy of other content.
        const saved = [
          ...backup.candidates.filter((c) => c.reason !== 'same-content').map((c) => ({ path: c.path, mtime: c.mtime })),
          ...fact.exports,
        ].sort(newestFirst)[0];
        if (saved) {
          const oldRead = await readConfig(target, saved.path);
          if (oldRead && !oldRead.ok) configErrors.push({ path: saved.path, message: oldRead.error });
          if (oldRead?.ok) diffConfigs(fact, saved.path, oldRead.data, st.path, r.data, configErrors);
        }
      }
    }
  } else {
    fact.config = { path: st.path, exists: false, parseError: null, backup: null };
    // The registered config is gone from the adapter's folder: the newest export stands for it.
    const saved = [...fact.exports].sort(newestFirst)[0];
    if (ctx.opts.stage === 'adfs' && saved && template) {
      const oldRead = await readConfig(target, saved.path);
      if (oldRead?.ok) diffConfigs(fact, saved.path, oldRead.data, stagedPath!, template, configErrors);
    }
  }
  return fact;
}

/** configDiff: OLD (registered or saved) against NEW (the template), in that direction. */
function diffConfigs(
  fact: AdfsFact,
  oldPath: string,
  oldData: Buffer,
  newPath: string,
  newData: Buffer,
  configErrors: { path: string; message: string }[],
): void {
  const cmp = compareConfigs(oldData, newData);
  if (cmp.ok) fact.configDiff = { saved: oldPath, current: newPath, differences: cmp.differences };
  else configErrors.push({ path: oldPath, message: cmp.error });
}
