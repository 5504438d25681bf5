import type { Facts, Finding, PlanAction, PlanComponent, PlanPhase, PlanStep, ScanOptions, UpgradePath } from '../types.js';
import { compareVersions } from '../util/version.js';

/**
 * The remediation plan (rules.md "The plan"): the steps the procedures prescribe for what this host has,
 * each tied to the rules that call for it, ordered by the procedures' constraints (dependsOn), then
 * deterministically by phase and id.
 */

type Draft = Omit<PlanStep, 'order'>;

const PHASES: PlanPhase[] = ['before-window', 'in-window', 'after-upgrade'];

export interface PlanInput {
  facts: Facts;
  upgradePath: UpgradePath;
  findings: Finding[];
  opts: ScanOptions;
}

export function buildPlan({ facts, upgradePath, findings, opts }: PlanInput): PlanStep[] {
  const fired = new Set(findings.map((f) => f.ruleId));
  const because = (...ids: string[]) => ids.filter((id) => fired.has(id));
  const has = (c: string) => facts.components.some((x) => x.component === c);
  const role = facts.host.hostRole;
  const pf = upgradePath === 'phonefactor-agent';
  const pending = upgradePath !== 'none';
  const target8 = compareVersions(opts.targetVersion, '8.0') >= 0;
  const r = facts.host.roles;
  const multi = r.replication === 'primary' || r.replication === 'subordinate' || r.loadBalanced === true;
  const steps: Draft[] = [];
  const add = (id: string, action: PlanAction, component: PlanComponent, phase: PlanPhase, title: string, detail: string, why: string[], dependsOn: string[] = []) => {
    steps.push({ id, action, component, phase, title, detail, because: why, dependsOn });
  };
  const exists = (id: string) => steps.some((s) => s.id === id);
  const last = (...ids: string[]) => ids.filter(exists);

  // Before the window: the installer, backups, prerequisites.
  if (pending && role === 'mfa-host') {
    add('prepare:server', 'prepare', 'server', 'before-window', `Get the MFA Server ${opts.targetVersion} installer`,
      'Download the latest MFA Server release; its Migration Utility moves users to cloud-based Microsoft Entra MFA.', because('MFA-INV-001', 'MFA-LIFE-001', 'MFA-INV-002'));
  }
  if (fired.has('MFA-CMP-002')) {
    add('prepare:server:installers', 'prepare', 'server', 'before-window', 'Put the installers other servers need into the install folder',
      `Copy ${facts.installers.needed.join(', ')} from the latest release into ${facts.installers.folder ?? 'the install folder'}.`, because('MFA-CMP-002'));
  }
  if (pending) {
    // Backups are the procedure's first step wherever the thing exists, not only where a rule found none:
    // "back up right before" is the step; the rules say why it matters more here.
    const bk = (id: string, component: PlanComponent, present: boolean, title: string, detail: string, rules: string[]) => {
      const why = because(...rules);
      // The procedures' step 1 is getting the installer, step 2 the backups.
      if (present || why.length) add(id, 'backup', component, 'before-window', title, detail, why.length ? why : because('MFA-INV-001'), last('prepare:server'));
    };
    const themes = facts.userPortal?.themes ?? [];
    bk('backup:data', 'data', !!facts.dataFile?.original.exists, 'Back up the data file', `Copy ${facts.dataFile?.original.path ?? 'PhoneFactor.pfdata'} to a backup folder just before the window; the copy must be newer than the last change.`, ['MFA-BKP-001', 'MFA-BKP-002', 'MFA-BKP-003']);
    bk('backup:user-portal:web.config', 'user-portal', !!facts.userPortal?.webConfig?.exists, 'Back up the User Portal web.config', `Copy ${facts.userPortal?.webConfig?.path ?? 'the portal web.config'}; its appSettings and applicationSettings are carried over after the install.`, ['MFA-BKP-010']);
    bk('backup:user-portal:themes', 'user-portal', themes.some((t) => t.custom), 'Back up the custom portal themes', `Copy ${themes.filter((t) => t.custom).map((t) => t.path).join(', ') || 'the custom App_Themes folders'}.`, ['MFA-BKP-011']);
    bk('backup:user-portal:default-theme', 'user-portal', themes.some((t) => !t.custom && t.changedFiles.length > 0), 'Back up the changed Default theme', `Copy ${themes.find((t) => !t.custom)?.path ?? 'App_Themes\\Default'} (the installer replaces it); better, move the changes into a theme of your own.`, ['MFA-BKP-012']);
    bk('backup:mobile-app:web.config', 'mobile-app', !!facts.mobileApp?.webConfig?.exists, 'Back up the Mobile App Web Service web.config', `Copy ${facts.mobileApp?.webConfig?.path ?? 'its web.config'}.`, ['MFA-BKP-013']);
    bk('backup:adfs-adapter:config', 'adfs-adapter', role === 'adfs-host' && !!facts.adfs?.config?.exists, 'Save the registered AD FS adapter config', 'Copy MultiFactorAuthenticationAdfsAdapter.config, or run Export-AdfsAuthenticationProviderConfigurationData -Name <adapter name> -FilePath <file>.', ['MFA-BKP-014']);
    const prq = (id: string, title: string, detail: string, rule: string) => {
      if (fired.has(rule)) add(id, 'install', 'prerequisites', 'before-window', title, detail, [rule]);
    };
    prq('install:prerequisites:dotnet', 'Install .NET Framework 4.5 or newer', 'Install .NET Framework 4.8 (Release 528040 or later); a restart may be needed, so do it before the window.', 'MFA-PRQ-001');
    prq('install:prerequisites:vcredist-x64', 'Install the Visual C++ 2015-2022 runtime (x64)', 'Install the latest Visual C++ Redistributable for Visual Studio 2015-2022, x64 (14.0.23506 or later).', 'MFA-PRQ-002');
    prq('install:prerequisites:vcredist-x86', 'Install the Visual C++ 2015-2022 runtime (x86)', 'Install the latest Visual C++ Redistributable for Visual Studio 2015-2022, x86 (needed on 64-bit servers too).', 'MFA-PRQ-003');
  }

  // In the window.
  if (pending && role === 'mfa-host') {
    if (multi) add('drain:host', 'drain', 'host', 'in-window', 'Take this server out of traffic', r.replication === 'primary' ? 'Remove it from the load balancer and stop clients sending to it. As the primary, upgrade it last: first upgrade the subordinates and promote one of them to primary.' : 'Remove it from the load balancer and stop clients sending to it; upgrade subordinates one at a time.', because('MFA-HA-001'));
    if (pf) {
      const un: [string, string, string][] = [
        ['user-portal', 'Uninstall the User Portal', 'Through the PhoneFactor Agent, or Programs and Features.'],
        ['mobile-app', 'Uninstall the Mobile App Web Service', 'Through Programs and Features.'],
        ['web-service-sdk', 'Uninstall the Web Service SDK', 'Through the PhoneFactor Agent, or Programs and Features.'],
        ['agent', 'Uninstall the PhoneFactor Agent', 'Through Programs and Features. The data file stays in the install folder.'],
      ];
      let prev: string[] = last('drain:host');
      for (const [c, title, detail] of un) {
        if (!has(c)) continue;
        const id = `uninstall:${c}`;
        add(id, 'uninstall', c as PlanComponent, 'in-window', title, detail, because('MFA-INV-001', c === 'mobile-app' ? 'MFA-CMP-003' : ''), prev);
        prev = [id];
      }
      add('install:server', 'install', 'server', 'in-window', `Install MFA Server ${opts.targetVersion} over the same path`,
        `Run the installer; it picks up ${facts.installPaths[0]?.path ?? 'the install path'} from the registry and upgrades the data file in place.`, because('MFA-INV-001', 'MFA-INV-002'), prev);
      add('configure:server', 'configure', 'server', 'in-window', 'Activate the server and check its replication group', 'If prompted, activate MFA Server and make sure it is in the right replication group.', because('MFA-INV-001', 'MFA-HA-002'), ['install:server']);
      add('verify:server', 'verify', 'server', 'in-window', 'Check users and settings are there', 'Open the MFA Server UI: the users and settings from the data file must be there before going on.', because('MFA-INV-001'), ['configure:server']);
    } else {
      add('install:server', 'install', 'server', 'in-window', `Run the MFA Server ${opts.targetVersion} installer in place`,
        `No uninstall needed. Accept the Visual C++ 2015 prompt.${multi ? (r.replication === 'primary' ? ' This primary goes after the subordinates and the promotion of one of them.' : ' Subordinates go before the primary.') : ''}`, because('MFA-INV-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-HA-001'), last('drain:host'));
      add('verify:server', 'verify', 'server', 'in-window', 'Check the server works', 'Open the MFA Server UI and check users, settings and replication status.', because('MFA-INV-001'), ['install:server']);
    }
    if (has('web-service-sdk')) {
      const sdk = facts.components.find((c) => c.component === 'web-service-sdk');
      add('install:web-service-sdk', 'install', 'web-service-sdk', 'in-window', 'Install the new Web Service SDK',
        `${pf ? 'Through the MFA Server UI.' : 'Accept the installer\'s prompt.'} Virtual directory name: ${sdk?.virtualDirectory ? sdk.virtualDirectory.replace(/^\//, '') : 'the one in use'}${pf ? ' (the new default is MultiFactorAuthWebServiceSdk)' : ''}.`,
        because('MFA-INV-001', 'MFA-VDIR-002', 'MFA-VDIR-004'), [pf ? 'verify:server' : 'install:server']);
    }
    if (exists('drain:host')) add('restore:host', 'restore', 'host', 'in-window', 'Put this server back into traffic', 'Add it back to the load balancer and point clients at it again.', because('MFA-HA-001'), last('install:web-service-sdk', 'verify:server'));
  }
  if (pending && (role === 'web-host' || role === 'mfa-host')) {
    const portal = facts.components.find((c) => c.component === 'user-portal');
    if (pf && role === 'web-host') {
      let prev: string[] = [];
      for (const c of ['user-portal', 'mobile-app'] as const) {
        if (!has(c)) continue;
        add(`uninstall:${c}`, 'uninstall', c, 'in-window', c === 'user-portal' ? 'Uninstall the User Portal' : 'Uninstall the Mobile App Web Service', 'Through Programs and Features.', because('MFA-INV-001'), prev);
        prev = [`uninstall:${c}`];
      }
    }
    if (role === 'web-host' && (has('user-portal') || (has('mobile-app') && !target8))) {
      add('prepare:user-portal', 'prepare', 'user-portal', 'in-window', 'Copy the installers from an upgraded MFA Server',
        'After the MFA Servers are upgraded, copy MultiFactorAuthenticationUserPortalSetup64.msi (and the Mobile App Web Service MSI where it is reinstalled) from an MFA Server\'s install folder to this server.', because('MFA-CMP-001'), last('uninstall:mobile-app', 'uninstall:user-portal'));
    }
    if (portal) {
      add('install:user-portal', 'install', 'user-portal', 'in-window', 'Install the new User Portal',
        `${role === 'mfa-host' ? 'Accept the MFA Server\'s prompt to update the User Portal' : 'Run MultiFactorAuthenticationUserPortalSetup64.msi as an administrator'}; virtual directory name: ${portal.virtualDirectory ? portal.virtualDirectory.replace(/^\//, '') : 'the one in use'}${pf ? ' (keep it to keep users\' URL, or take the new default MultiFactorAuth)' : ''}.`,
        because('MFA-INV-001', 'MFA-VDIR-001', 'MFA-VDIR-004', 'MFA-CMP-001'), last('install:web-service-sdk', 'restore:host', 'verify:server', 'install:server', 'prepare:user-portal'));
      add('configure:user-portal', 'configure', 'user-portal', 'in-window', 'Carry the User Portal settings over',
        `Compare the new web.config with the backup (mfa-readiness compare-config OLD NEW); copy the appSettings and applicationSettings values over, and point the SDK URL (pfup_pfwssdk_PfWsSdk) at the SDK's virtual directory.${fired.has('MFA-VDIR-001') ? ' If the virtual directory changed, update the User Portal URL on the MFA Server\'s Settings tab.' : ''}`,
        because('MFA-BKP-010', 'MFA-VDIR-001', 'MFA-VDIR-002', 'MFA-CFG-001', 'MFA-BKP-011', 'MFA-BKP-012'), ['install:user-portal']);
      if (fired.has('MFA-VDIR-001')) add('notify:user-portal', 'notify', 'user-portal', 'after-upgrade', 'Tell users the new User Portal URL', 'Where the new default virtual directory was taken, existing users need the new URL.', ['MFA-VDIR-001'], ['configure:user-portal']);
    }
    if (has('mobile-app')) {
      if (!target8 && pf) {
        add('install:mobile-app', 'install', 'mobile-app', 'in-window', 'Install the new Mobile App Web Service', 'Run MultiFactorAuthenticationMobileAppWebServiceSetup64.msi; keep the old virtual directory name or update the Mobile App Web Service URL in the server.', because('MFA-VDIR-003', 'MFA-INV-001'), last('install:user-portal', 'install:web-service-sdk', 'verify:server', 'prepare:user-portal'));
        add('configure:mobile-app', 'configure', 'mobile-app', 'in-window', 'Carry the Mobile App Web Service settings over', 'Copy appSettings and applicationSettings from the backup; point the SDK URL at the right place.', because('MFA-BKP-013', 'MFA-VDIR-003'), ['install:mobile-app']);
      } else if (!pf && target8) {
        add('uninstall:mobile-app', 'uninstall', 'mobile-app', 'after-upgrade', 'Uninstall the Mobile App Web Service', 'From 8.0 it is not needed: uninstall it after the upgrade.', because('MFA-CMP-003'), last('install:server', 'install:user-portal'));
      }
    }
  }

  // The AD FS adapter: on an AD FS server at stage adfs; with MFA Server on the AD FS server, in its window.
  const adapterHere = has('adfs-adapter') && pending && ((role === 'adfs-host' && opts.stage === 'adfs') || role === 'mfa-host');
  if (adapterHere) {
    const viaUi = role === 'mfa-host';
    if (!viaUi) {
      if (fired.has('MFA-ADFS-002')) add('prepare:adfs-adapter', 'prepare', 'adfs-adapter', 'before-window', 'Copy the adapter files from an upgraded MFA Server', 'Copy the adapter MSI, the Register and Unregister scripts and the config from an upgraded MFA Server\'s install folder.', ['MFA-ADFS-002']);
      if (fired.has('MFA-ADFS-001')) add('configure:adfs-adapter:register-script', 'configure', 'adfs-adapter', 'before-window', 'Add -ConfigurationFilePath to the Register script', 'Edit Register-MultiFactorAuthenticationAdfsAdapter.ps1: add -ConfigurationFilePath <full path to the config> to the end of the Register-AdfsAuthenticationProvider command.', ['MFA-ADFS-001'], last('prepare:adfs-adapter'));
      if (fired.has('MFA-ADFS-004')) add('configure:adfs-adapter:config', 'configure', 'adfs-adapter', 'before-window', 'Reconcile the old and new adapter configs', 'Copy the old values into the new MultiFactorAuthenticationAdfsAdapter.config (or adjust the old file to the new shape).', ['MFA-ADFS-004'], last('backup:adfs-adapter:config', 'prepare:adfs-adapter'));
    }
    const providerOld = facts.adfs?.oldProviderName ?? 'WindowsAzureMultiFactorAuthentication or AzureMfaServerAuthentication';
    add('drain:host:adfs-first-half', 'drain', 'host', 'in-window', 'Remove part of the AD FS farm', 'Take some AD FS servers (this one among them) out of the farm; the others keep serving.', because('MFA-ADFS-003'), last('install:user-portal', 'configure:user-portal', 'verify:server'));
    add('install:adfs-adapter', 'install', 'adfs-adapter', 'in-window', 'Install the new AD FS adapter', viaUi ? 'Update the adapter through the MFA Server admin UI.' : 'Run MultiFactorAuthenticationAdfsAdapterSetup64.msi on each server removed from the farm.', because('MFA-ADFS-003', 'MFA-PRQ-002', 'MFA-PRQ-003'), ['drain:host:adfs-first-half']);
    add('configure:adfs-adapter:policy-uncheck', 'configure', 'adfs-adapter', 'in-window', 'Uncheck the old provider in the global MFA policy', `AD FS > Authentication Policies > Edit Global Multi-factor Authentication Policy: uncheck ${providerOld}. From here until the new provider is checked, users sign in without two-step verification.`, because('MFA-ADFS-003', 'MFA-ADFS-005'), ['install:adfs-adapter']);
    add('uninstall:adfs-adapter:provider', 'uninstall', 'adfs-adapter', 'in-window', 'Unregister the old provider by its exact name', `Run Unregister-MultiFactorAuthenticationAdfsAdapter.ps1 with -Name "${providerOld}" (once per farm).`, because('MFA-ADFS-005'), ['configure:adfs-adapter:policy-uncheck']);
    add('install:adfs-adapter:provider', 'install', 'adfs-adapter', 'in-window', 'Register the new provider', 'Run Register-MultiFactorAuthenticationAdfsAdapter.ps1 (once per farm).', because('MFA-ADFS-001', 'MFA-ADFS-004', 'MFA-ADFS-005'), last('uninstall:adfs-adapter:provider', 'configure:adfs-adapter:register-script', 'configure:adfs-adapter:config'));
    add('configure:adfs-adapter:restart-adfs', 'configure', 'adfs-adapter', 'in-window', 'Restart the AD FS service on the updated servers', 'Restart-Service adfssrv on each server removed from the farm.', because('MFA-ADFS-003'), ['install:adfs-adapter:provider']);
    add('restore:host:adfs-first-half', 'restore', 'host', 'in-window', 'Swap: put the updated servers back, remove the others', 'Add the updated servers back to the farm and remove the others.', because('MFA-ADFS-003'), ['configure:adfs-adapter:restart-adfs']);
    add('configure:adfs-adapter:policy-check', 'configure', 'adfs-adapter', 'in-window', 'Check AzureMfaServerAuthentication in the global MFA policy', 'Two-step verification is back for this cluster from here.', because('MFA-ADFS-003', 'MFA-ADFS-005'), ['restore:host:adfs-first-half']);
    add('install:adfs-adapter:second-half', 'install', 'adfs-adapter', 'in-window', 'Update the rest of the farm', 'Install the adapter on the servers now out of the farm, restart AD FS there and add them back.', because('MFA-ADFS-003'), ['configure:adfs-adapter:policy-check']);
    add('verify:adfs-adapter', 'verify', 'adfs-adapter', 'after-upgrade', 'Check sign-ins ask for two-step verification', 'Sign in through AD FS with a test user; check the AD FS admin event log for adapter errors.', because('MFA-ADFS-003'), ['install:adfs-adapter:second-half']);
  }

  return order(withBackupFirst(steps));
}

/** Every backup before any drain, uninstall or install (prerequisites included): rules.md "Order". */
function withBackupFirst(steps: Draft[]): Draft[] {
  const backups = steps.filter((s) => s.action === 'backup').map((s) => s.id);
  const byId = new Map(steps.map((s) => [s.id, s]));
  const ancestors = (s: Draft, seen = new Set<string>()): Set<string> => {
    for (const d of s.dependsOn) {
      if (seen.has(d)) continue;
      seen.add(d);
      const p = byId.get(d);
      if (p) ancestors(p, seen);
    }
    return seen;
  };
  // Prerequisite installs come before the window's first step that installs anything.
  const prereqs = steps.filter((s) => s.component === 'prerequisites').map((s) => s.id);
  for (const s of steps) {
    if (s.phase === 'before-window' || s.component === 'prerequisites') continue;
    if (['drain', 'uninstall', 'install'].includes(s.action) && s.dependsOn.every((d) => byId.get(d)?.phase === 'before-window' || !byId.has(d))) {
      const anc = ancestors(s);
      s.dependsOn.push(...prereqs.filter((p) => !anc.has(p)));
    }
  }
  // Then every backup before them: only where not already implied (a prerequisite install carries them),
  // so a step lists what it really waits for. Steps were added in procedure order, so ancestors are done.
  for (const s of steps) {
    if (!['drain', 'uninstall', 'install'].includes(s.action)) continue;
    const anc = ancestors(s);
    const missing = backups.filter((b) => !anc.has(b));
    if (missing.length) s.dependsOn = [...missing, ...s.dependsOn];
  }
  for (const s of steps) s.dependsOn = [...new Set(s.dependsOn.filter((d) => byId.has(d)))];
  // Keep only direct constraints: a dependency another one already implies is left out.
  for (const s of steps) {
    const implied = new Set(s.dependsOn.flatMap((d) => [...ancestors(byId.get(d)!)]));
    s.dependsOn = s.dependsOn.filter((d) => !implied.has(d));
  }
  return steps;
}

/** Topological order over dependsOn, with phases in order; ties break by phase, then id. */
function order(steps: Draft[]): PlanStep[] {
  const rank = (s: Draft) => PHASES.indexOf(s.phase);
  const done = new Set<string>();
  const out: PlanStep[] = [];
  const left = [...steps];
  while (left.length) {
    // Among the steps whose dependencies are done, the earliest phase first, then id.
    const ready = left
      .filter((s) => s.dependsOn.every((d) => done.has(d)))
      .sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const next = ready[0] ?? [...left].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1))[0]!; // a cycle cannot happen; never hang
    done.add(next.id);
    left.splice(left.indexOf(next), 1);
    out.push({ order: out.length + 1, ...next });
  }
  // dependsOn read in plan order ("after: step 2, step 3"), not in the order the constraints were added.
  const at = new Map(out.map((s) => [s.id, s.order]));
  for (const s of out) s.dependsOn = [...s.dependsOn].sort((a, b) => at.get(a)! - at.get(b)!);
  return out;
}

/** Which plan steps each finding calls for. */
export function linkFindings(findings: Finding[], plan: PlanStep[]): Finding[] {
  return findings.map((f) => ({ ...f, planSteps: plan.filter((s) => s.because.includes(f.ruleId)).map((s) => s.id) }));
}
