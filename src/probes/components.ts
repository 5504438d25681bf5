import type { ComponentFact, ComponentId, Evidence, IgnoredEntry, IisFact, InterruptedUpgrade, VirtualDirectory } from '../types.js';
import type { Host } from '../host/types.js';
import { joinWin, winBasename, winEquals, winKey } from '../host/paths.js';
import { decodeXmlBytes } from '../xml/safe.js';
import type { ProbeContext } from './context.js';
import { readUninstall, type UninstallEntry } from './uninstall.js';
import { PHONEFACTOR_KEY, regEvidence, str, valueInViews } from './registry.js';

/** Files that mark a folder as an MFA part (rules.md: confirm with files on disk). */
const SDK_MARKER = 'PfWsSdk.asmx';
const MOBILE_MARKER = 'PfPaWs.asmx';
const SERVER_EXES = ['MultiFactorAuthSvc.exe', 'MultiFactorAuthUI.exe'];
const AGENT_EXES = ['PhoneFactor.exe', 'pfsvc.exe'];
const DATA_FILE = 'Data\\PhoneFactor.pfdata';

export const DEFAULT_INSTALL_FOLDERS = [
  '%ProgramFiles%\\Multi-Factor Authentication Server',
  '%ProgramFiles%\\Multifactor Authentication Server',
  '%ProgramFiles%\\PhoneFactor',
  '%ProgramFiles(x86)%\\PhoneFactor',
];

export interface WebPart {
  component: ComponentId;
  folder: string;
  vdir: VirtualDirectory | null;
  evidence: Evidence[];
}

export interface InventoryResult {
  components: ComponentFact[];
  installPaths: { path: string; exists: boolean | null; evidence: Evidence }[];
  /** The MFA Server / agent install folder that exists, where one does. */
  mfaFolder: string | null;
  webParts: WebPart[];
  uninstallCovered: boolean;
  uninstallOther: { displayName: string; version: string | null; key: string }[];
  /** Entries named like MFA parts that neither their publisher nor their files confirm: not components. */
  ignored: IgnoredEntry[];
  /** The PhoneFactor Agent uninstalled, MFA Server not yet installed, the data file and install path left. */
  interrupted: InterruptedUpgrade | null;
}

/** Adapter files that confirm an AD FS adapter entry (src/probes/adfs.ts names them too). */
const ADAPTER_MARKERS = ['Register-MultiFactorAuthenticationAdfsAdapter.ps1', 'MultiFactorAuthenticationAdfsAdapter.config'];

/**
 * Whether the files an Uninstall entry points at confirm it is the part its name says (rules.md "Terms": name
 * tokens are not enough): the service executables or the data file in its InstallLocation, the PhoneFactor
 * key naming that folder, the web part's own files, the adapter's scripts.
 */
async function confirmedByFiles(ctx: ProbeContext, e: UninstallEntry, pfInstallPath: string | null): Promise<boolean> {
  const { target } = ctx;
  if (!e.installLocation) return false;
  const loc = target.expand(e.installLocation);
  if (e.component === 'agent' || e.component === 'server') {
    if (pfInstallPath && winEquals(target.expand(pfInstallPath), loc)) return true;
    const look = await looksLikeMfaFolder(target, loc);
    return !!look && (look.agent || look.server || look.data);
  }
  if (e.component === 'adfs-adapter') {
    for (const m of ADAPTER_MARKERS) if ((await target.stat(joinWin(loc, m)))?.isFile) return true;
    return false;
  }
  return (await webPartsIn(target, loc)).some((p) => p.component === e.component);
}

/** Which web part a folder holds, by its files (web.config sections, .asmx endpoints). */
async function webPartsIn(target: Host, folder: string): Promise<{ component: ComponentId; evidence: Evidence }[]> {
  const entries = await target.list(folder);
  if (entries.length === 0) return [];
  const out: { component: ComponentId; evidence: Evidence }[] = [];
  const has = (n: string) => entries.find((e) => e.isFile && e.name.toLowerCase() === n.toLowerCase());
  const sdk = has(SDK_MARKER);
  if (sdk)
    out.push({ component: 'web-service-sdk', evidence: { source: 'file', location: sdk.path, observed: 'Web Service SDK endpoint' } });
  const mob = has(MOBILE_MARKER);
  if (mob)
    out.push({ component: 'mobile-app', evidence: { source: 'file', location: mob.path, observed: 'Mobile App Web Service endpoint' } });
  const wc = has('web.config');
  if (wc && !sdk && !mob) {
    // A text search, not a parse: a broken web.config still identifies its portal (MFA-CFG-002 reports the break).
    const r = await target.readFile(wc.path, 4 * 1024 * 1024);
    const dec = r ? decodeXmlBytes(r.data) : null;
    const text = dec && dec.ok ? dec.text : '';
    if (/<\s*pfup[._]|pfup\.Properties\.Settings|pfup_pfwssdk/i.test(text)) {
      out.push({
        component: 'user-portal',
        evidence: { source: 'file', location: wc.path, observed: 'web.config with User Portal settings (pfup)' },
      });
    } else if (/pfpaws\.Properties\.Settings|pfpaws_pfwssdk/i.test(text)) {
      out.push({
        component: 'mobile-app',
        evidence: { source: 'file', location: wc.path, observed: 'web.config with Mobile App Web Service settings (pfpaws)' },
      });
    }
  }
  return out;
}

/** The web parts on this host: from IIS applications, else from folders under inetpub\wwwroot. */
async function findWebParts(target: Host, iis: IisFact): Promise<WebPart[]> {
  const parts: WebPart[] = [];
  const seen = new Set<string>();
  // With shared configuration on, the local applicationHost.config is not what IIS runs: no vdirs from it.
  if (iis.known) {
    const vdirs = [...iis.virtualDirectories].sort((a, b) => (a.urlPath < b.urlPath ? -1 : a.urlPath > b.urlPath ? 1 : 0));
    for (const v of vdirs) {
      if (v.urlPath === '/' || !v.physicalPath) continue;
      const folder = target.expand(v.physicalPath);
      for (const p of await webPartsIn(target, folder)) {
        const key = `${p.component}|${winKey(folder)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        parts.push({
          component: p.component,
          folder,
          vdir: v,
          evidence: [
            {
              source: 'iis',
              location: `IIS:\\Sites\\${v.site}${v.urlPath.replace(/\//g, '\\')}`,
              observed: `physicalPath ${v.physicalPath}`,
            },
            p.evidence,
          ],
        });
      }
    }
  }
  // Folders under wwwroot that IIS does not list (or IIS config is absent): found by files, vdir unknown.
  const wwwroot = '%SystemDrive%\\inetpub\\wwwroot';
  for (const e of await target.list(wwwroot)) {
    if (!e.isDirectory) continue;
    for (const p of await webPartsIn(target, e.path)) {
      if ([...seen].some((k) => k.startsWith(`${p.component}|`))) continue;
      const key = `${p.component}|${winKey(e.path)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      parts.push({ component: p.component, folder: e.path, vdir: null, evidence: [p.evidence] });
    }
  }
  return parts;
}

async function looksLikeMfaFolder(target: Host, folder: string): Promise<{ agent: boolean; server: boolean; data: boolean } | null> {
  const entries = await target.list(folder);
  if (entries.length === 0) return null;
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  const data = !!(await target.stat(joinWin(folder, DATA_FILE))) || !!target.manifestEntry(joinWin(folder, DATA_FILE));
  return {
    agent: AGENT_EXES.some((x) => names.has(x.toLowerCase())),
    server: SERVER_EXES.some((x) => names.has(x.toLowerCase())),
    data,
  };
}

export async function probeInventory(ctx: ProbeContext, iis: IisFact): Promise<InventoryResult> {
  const { target, reg } = ctx;
  const un = readUninstall(reg);
  const pfKeyPath = str(valueInViews(reg, PHONEFACTOR_KEY, 'InstallPath')?.value);
  const ignored: IgnoredEntry[] = [];
  const entries: UninstallEntry[] = [];
  for (const e of un.mfa) {
    if (e.confirmed || (await confirmedByFiles(ctx, e, pfKeyPath))) {
      entries.push(e);
      continue;
    }
    un.other.push({ key: e.key, displayName: e.displayName, version: e.version });
    ignored.push({
      displayName: e.displayName,
      version: e.version,
      publisher: e.publisher,
      lookedLike: e.component,
      installLocation: e.installLocation,
      evidence: [
        e.evidence,
        regEvidence(e.key, 'Publisher', e.publisher ?? 'absent'),
        ...(e.installLocation
          ? [
              {
                source: 'file' as const,
                location: target.expand(e.installLocation),
                observed: 'no MFA Server, PhoneFactor Agent or part files',
              },
            ]
          : []),
      ],
    });
  }
  const byComponent = new Map<ComponentId, ComponentFact>();
  const add = (c: ComponentId, init: Partial<ComponentFact>, ev: Evidence[]) => {
    let f = byComponent.get(c);
    if (!f) {
      f = {
        component: c,
        installed: true,
        version: null,
        displayName: null,
        installPath: null,
        installDate: null,
        virtualDirectory: null,
        virtualDirectoryKnown: false,
        evidence: [],
      };
      byComponent.set(c, f);
    }
    for (const [k, v] of Object.entries(init)) {
      if (v !== null && v !== undefined && (f as unknown as Record<string, unknown>)[k] === null)
        (f as unknown as Record<string, unknown>)[k] = v;
    }
    f.evidence.push(...ev);
    return f;
  };
  for (const e of entries) {
    add(e.component, { version: e.version, displayName: e.displayName, installPath: e.installLocation, installDate: e.installDate }, [
      e.evidence,
    ]);
  }

  // The install path the installer will reuse: the PhoneFactor key (either view), else Uninstall InstallLocation.
  const installPaths: InventoryResult['installPaths'] = [];
  const pf = valueInViews(reg, PHONEFACTOR_KEY, 'InstallPath');
  const regPath = str(pf?.value);
  const candidates: { path: string; evidence: Evidence }[] = [];
  if (pf && regPath) candidates.push({ path: regPath, evidence: regEvidence(pf.key, 'InstallPath', regPath) });
  for (const e of entries.filter((x: UninstallEntry) => (x.component === 'agent' || x.component === 'server') && x.installLocation)) {
    candidates.push({ path: e.installLocation!, evidence: regEvidence(e.key, 'InstallLocation', e.installLocation!) });
  }
  let mfaFolder: string | null = null;
  let interrupted: InterruptedUpgrade | null = null;
  for (const c of candidates) {
    const st = await target.stat(c.path);
    // A drive the copy does not have cannot tell us the folder is missing.
    const driveThere = !!(await target.stat(target.expand(c.path).slice(0, 3)));
    const exists = st?.isDirectory ? true : driveThere ? false : null;
    if (!installPaths.some((p) => winEquals(p.path, target.expand(c.path)))) {
      installPaths.push({ path: target.expand(c.path), exists, evidence: c.evidence });
    }
    if (exists && !mfaFolder) mfaFolder = target.expand(c.path);
  }

  // Files on disk confirm (or, without registry, find) the agent or server.
  const folders = mfaFolder ? [mfaFolder] : DEFAULT_INSTALL_FOLDERS.map((f) => target.expand(f));
  for (const folder of folders) {
    const look = await looksLikeMfaFolder(target, folder);
    if (!look || !(look.agent || look.server || look.data)) continue;
    mfaFolder ??= folder;
    const ev: Evidence = {
      source: 'file',
      location: folder,
      observed: [look.agent && 'PhoneFactor Agent executables', look.server && 'MFA Server executables', look.data && 'data file']
        .filter(Boolean)
        .join(', '),
    };
    const known = byComponent.get('agent') ?? byComponent.get('server');
    if (known) {
      known.evidence.push(ev);
      known.installPath ??= folder;
    } else if (look.data && !look.agent && !look.server && un.covered && pf && regPath && winEquals(target.expand(regPath), folder)) {
      // The registry still names the install path and the data file is there, but no Uninstall entry and no
      // executable is left: the agent was uninstalled and MFA Server not installed yet (an upgrade stopped half way).
      interrupted = {
        installPath: folder,
        remaining: [],
        evidence: [
          regEvidence(pf.key, 'InstallPath', regPath),
          { source: 'file', location: joinWin(folder, DATA_FILE), observed: 'data file present' },
          { source: 'file', location: folder, observed: 'no PhoneFactor Agent or MFA Server executables' },
          {
            source: 'registry',
            location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
            observed: 'no PhoneFactor Agent or MFA Server entry in either view',
          },
        ],
      };
    } else {
      // No Uninstall entry: the folder's executables tell agent from server; a PhoneFactor folder is the agent's.
      const comp: ComponentId = look.server ? 'server' : look.agent || /phonefactor/i.test(winBasename(folder)) ? 'agent' : 'server';
      add(comp, { installPath: folder }, [ev]);
    }
    break;
  }

  const webParts = await findWebParts(target, iis);
  for (const w of webParts) {
    const f = add(w.component, {}, w.evidence);
    const fromUninstall = f.installPath;
    // Prefer the IIS folder that matches the Uninstall InstallLocation, else the first found.
    if (!f.virtualDirectory || (fromUninstall && winEquals(fromUninstall, w.folder))) {
      if (w.vdir) {
        f.virtualDirectory = w.vdir.urlPath;
        f.virtualDirectoryKnown = true;
      }
      if (!fromUninstall) f.installPath = w.folder;
    }
  }
  // Web parts known only from the registry: a folder under wwwroot named in InstallLocation, vdir from IIS by path.
  for (const c of ['user-portal', 'mobile-app', 'web-service-sdk'] as ComponentId[]) {
    const f = byComponent.get(c);
    if (!f || f.virtualDirectory) continue;
    if (f.installPath && iis.known) {
      const v = iis.virtualDirectories.find(
        (x) => x.physicalPath && winEquals(target.expand(x.physicalPath), target.expand(f.installPath!)),
      );
      if (v) {
        f.virtualDirectory = v.urlPath;
        f.virtualDirectoryKnown = true;
      } else {
        // IIS config was read and serves no application from that folder.
        f.virtualDirectoryKnown = true;
      }
    }
  }
  for (const f of byComponent.values()) {
    if (f.installPath) f.installPath = target.expand(f.installPath);
  }
  const order: ComponentId[] = ['agent', 'server', 'user-portal', 'mobile-app', 'web-service-sdk', 'adfs-adapter'];
  const components = order.filter((c) => byComponent.has(c)).map((c) => byComponent.get(c)!);
  if (interrupted) interrupted.remaining = components.map((c) => c.component);
  return {
    components,
    ignored,
    interrupted,
    installPaths,
    mfaFolder,
    webParts,
    uninstallCovered: un.covered,
    uninstallOther: un.other,
  };
}
