import { DATA_UNREADABLE, type ComponentFact, type ComponentId, type Facts, type HostRole, type SdkUrlFact } from '../types.js';
import type { Host } from '../host/types.js';
import { joinWin } from '../host/paths.js';
import { findFileBackups } from './backups.js';
import { fileStat, type ProbeContext, type ProbeOptions } from './context.js';
import { probeInventory } from './components.js';
import { probeIis } from './iis.js';
import { probeDotnet, probeVc } from './prereqs.js';
import { probeHost, registryEnv } from './host.js';
import { REGISTRY_INTERESTS } from './registry.js';
import { probeThemes, probeWebConfig, sdkUrlFact } from './web.js';
import { ADAPTER_CONFIG, ADAPTER_FILES, REGISTER_PS1, probeAdfs } from './adfs.js';
import { cutMessage } from '../util/cut.js';
import { probePost } from './post.js';
import { INSTALLERS } from '../util/product.js';
import { probeServices } from './services.js';
import { probeAdfsCmdlets } from './adfs-cmdlets.js';
import { probeMigration } from './migration.js';

export type { ProbeOptions } from './context.js';

export { INSTALLERS };

export function hostRoleOf(components: ComponentFact[]): HostRole {
  const has = (c: ComponentId) => components.some((x) => x.component === c);
  if (has('agent') || has('server')) return 'mfa-host';
  if (has('adfs-adapter')) return 'adfs-host';
  if (has('user-portal') || has('mobile-app') || has('web-service-sdk')) return 'web-host';
  return 'none';
}

/**
 * Runs every probe against a target. Probes read facts and never judge: what they could not read is a
 * `problems` entry or a `known: false`, and the rules decide what that means.
 */
export async function runProbes(target: Host, opts: ProbeOptions): Promise<Facts> {
  const reg = await target.loadRegistry(REGISTRY_INTERESTS);
  const ctx: ProbeContext = { target, reg, opts };
  target.setRegistryEnv(registryEnv(ctx));
  const host = probeHost(ctx);
  const backupDirs = host.backupDirs;
  const configErrors: { path: string; message: string }[] = [];

  const iis = await probeIis(ctx, configErrors);
  const inv = await probeInventory(ctx, iis);
  const components = inv.components;

  // An AD FS server without MFA Server, whose adapter has no Uninstall entry but whose files are there.
  if (!components.some((c) => ['agent', 'server', 'adfs-adapter'].includes(c.component))) {
    const folder = target.expand('%ProgramFiles%\\Multi-Factor Authentication Server');
    const reg1 = await target.stat(joinWin(folder, REGISTER_PS1));
    const cfg = await target.stat(joinWin(folder, ADAPTER_CONFIG));
    if (reg1 && cfg) {
      components.push({
        component: 'adfs-adapter',
        installed: true,
        version: null,
        displayName: null,
        installPath: folder,
        installDate: null,
        virtualDirectory: null,
        virtualDirectoryKnown: false,
        evidence: [{ source: 'file', location: cfg.path, observed: 'AD FS adapter config and Register script' }],
      });
    }
  }
  // An upgrade stopped half way is still the MFA Server's host: its data file waits for the install.
  const hostRole = inv.interrupted ? 'mfa-host' : hostRoleOf(components);
  const comp = (c: ComponentId) => components.find((x) => x.component === c);

  // Data file: <install>\Data\PhoneFactor.pfdata on an mfa-host.
  let dataFile: Facts['dataFile'] = null;
  const mfa = comp('server') ?? comp('agent');
  const mfaFolder = inv.mfaFolder ?? mfa?.installPath ?? null;
  if ((mfa || inv.interrupted) && mfaFolder) {
    const st = await fileStat(target, joinWin(mfaFolder, 'Data', 'PhoneFactor.pfdata'));
    // Not found because its folder could not be read is not "missing": say so where rules can see it.
    if (!st.exists && target.unreadable?.(st.path)) {
      st.unreadable = true;
      target.problems.push({ location: st.path, message: DATA_UNREADABLE });
    }
    dataFile = await findFileBackups(target, st, {
      backupDirs,
      nameIdentifies: true,
      folderNames: ['Data', 'PhoneFactor', 'Multi-Factor Authentication Server', 'Multifactor Authentication Server', 'MFA', 'pfdata'],
    });
  }

  const portal = comp('user-portal');
  const mobile = comp('mobile-app');
  const userPortal = portal
    ? { webConfig: await probeWebConfig(ctx, portal, backupDirs, configErrors), themes: await probeThemes(ctx, portal, backupDirs) }
    : null;
  const mobileApp = mobile ? { webConfig: await probeWebConfig(ctx, mobile, backupDirs, configErrors) } : null;

  const adapter = comp('adfs-adapter');
  const adfs = adapter ? await probeAdfs(ctx, adapter, hostRole === 'mfa-host' ? mfaFolder : null, backupDirs, configErrors) : null;
  const services = probeServices(ctx);
  const adfsCmdlets = await probeAdfsCmdlets(ctx);

  // Web Service SDK URLs in configs on this host.
  const sdkUrls: SdkUrlFact[] = [];
  const bound = iis.boundHostNames;
  for (const [c, wc] of [
    ['user-portal', userPortal?.webConfig],
    ['mobile-app', mobileApp?.webConfig],
  ] as const) {
    if (wc?.sdkUrl) sdkUrls.push(sdkUrlFact(c, wc.path, wc.sdkUrlSetting ?? 'pfwssdk', wc.sdkUrl, host.name, bound));
  }
  if (adfs?.config?.sdkUrl)
    sdkUrls.push(sdkUrlFact('adfs-adapter', adfs.config.path, 'WebServiceSdkUrl', adfs.config.sdkUrl, host.name, bound));

  // The deployment's other servers (bundle.json otherHosts): names kept for the rules that name them.
  const KNOWN: readonly string[] = ['user-portal', 'mobile-app', 'adfs-adapter', 'web-service-sdk'];
  const otherHostList = (target.bundle?.otherHosts ?? [])
    .filter((h) => typeof h?.name === 'string' && h.name.trim() !== '' && Array.isArray(h.components))
    .map((h) => ({
      name: h.name.trim(),
      components: [...new Set(h.components.filter((c): c is ComponentId => KNOWN.includes(c)))].sort(),
    }))
    .filter((h) => h.components.length > 0);
  // Installers in the MFA Server's folder that other hosts of the deployment will need.
  const otherHosts = [...new Set((target.bundle?.otherHosts ?? []).flatMap((h) => (Array.isArray(h?.components) ? h.components : [])))]
    .filter((c): c is ComponentId => ['user-portal', 'mobile-app', 'adfs-adapter', 'web-service-sdk'].includes(c))
    .sort();
  const installers: Facts['installers'] = { folder: mfaFolder, present: [], needed: [] };
  if (mfaFolder) {
    for (const name of [...Object.values(INSTALLERS), ...ADAPTER_FILES.filter((f) => f.endsWith('.msi') === false)]) {
      if (name && (await target.stat(joinWin(mfaFolder, name)))?.isFile) installers.present.push(name);
    }
    installers.needed = otherHosts.map((c) => INSTALLERS[c]).filter((x): x is string => !!x);
  }

  return {
    host: { ...host, hostRole },
    registry: { coversUninstall: inv.uninstallCovered || target.registryComplete, files: target.registrySources() },
    components,
    installPaths: inv.installPaths,
    dataFile,
    dotnet: probeDotnet(ctx),
    vcredist: {
      x64: probeVc(ctx, 'x64', inv.uninstallCovered, inv.uninstallOther),
      x86: probeVc(ctx, 'x86', inv.uninstallCovered, inv.uninstallOther),
    },
    iis,
    userPortal,
    mobileApp,
    sdk: comp('web-service-sdk') ? { folder: comp('web-service-sdk')!.installPath } : null,
    sdkUrls,
    adfs,
    services,
    adfsCmdlets,
    installers,
    migration: await probeMigration(ctx, mfa ? mfaFolder : null, host.name),
    otherHosts,
    otherHostList,
    configErrors: configErrors.map((e) => ({ path: e.path, message: cutMessage(e.message) })),
    problems: target.problems,
    // Stage post: the before facts the host still shows and the checks after the window (src/probes/post.ts).
    ...(opts.stage === 'post'
      ? { post: await probePost(ctx, { components, iis, userPortal, mobileApp }, backupDirs, opts.baseline ?? null) }
      : {}),
    ignoredEntries: inv.ignored,
    interruptedUpgrade: inv.interrupted,
  };
}
