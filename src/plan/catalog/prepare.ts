import type { PlanComponent } from '../../types.js';
import { STEP, type StepId } from '../steps.js';
import type { PlanContext, StepDef } from '../types.js';
import { is32Bit, windowsRelease } from '../../util/windows.js';

/**
 * Before the window: the installer, the installers other servers need, the backups and the prerequisites
 * (procedures, "before you start" and step 1-2 of each).
 */

/** Named where no backup rule fired for a backup step: the inventory is then why the step is in the plan. */
const INVENTORY = 'MFA-INV-001';

/**
 * A backup is the procedure's step wherever the thing exists, and wherever a rule calls for it. The data file's
 * backup is not here: it changes while the server runs, so it is taken in the window (catalog/server.ts).
 */
export function backup(
  id: StepId,
  component: PlanComponent,
  present: (ctx: PlanContext) => boolean,
  title: string,
  detail: (ctx: PlanContext) => string,
): StepDef {
  return {
    id,
    action: 'backup',
    component,
    phase: 'before-window',
    when: (ctx) => ctx.pending && (present(ctx) || ctx.calledFor(id, [INVENTORY])),
    title,
    detail,
    // The procedures' step 1 is getting the installer, step 2 the backups.
    after: [STEP.prepareServer],
    becauseOtherwise: [INVENTORY],
  };
}

/** A prerequisite install: planned where a rule found the prerequisite missing. */
function prerequisite(id: StepId, title: string, detail: string | ((ctx: PlanContext) => string)): StepDef {
  return {
    id,
    action: 'install',
    component: 'prerequisites',
    phase: 'before-window',
    when: (ctx) => ctx.pending && ctx.calledFor(id),
    title,
    detail,
  };
}

const themes = (ctx: PlanContext) => ctx.facts.userPortal?.themes ?? [];

export const PREPARE_STEPS: readonly StepDef[] = [
  {
    id: STEP.prepareServer,
    action: 'prepare',
    component: 'server',
    phase: 'before-window',
    when: (ctx) => ctx.pending && ctx.role === 'mfa-host' && ctx.serverDue,
    title: (ctx) => `Get the MFA Server ${ctx.opts.targetVersion} installer`,
    detail: 'Download the latest MFA Server release; its Migration Utility moves users to cloud-based Microsoft Entra MFA.',
  },
  {
    id: STEP.prepareServerInstallers,
    action: 'prepare',
    component: 'server',
    phase: 'before-window',
    when: (ctx) => ctx.calledFor(STEP.prepareServerInstallers),
    title: 'Put the installers other servers need into the install folder',
    detail: (ctx) =>
      `Copy ${ctx.facts.installers.needed.join(', ')} from the latest release into ${ctx.facts.installers.folder ?? 'the install folder'}.`,
  },
  backup(
    STEP.backupPortalWebConfig,
    'user-portal',
    (ctx) => (ctx.pf || ctx.due('user-portal')) && !!ctx.facts.userPortal?.webConfig?.exists,
    'Back up the User Portal web.config',
    (ctx) =>
      `Copy ${ctx.facts.userPortal?.webConfig?.path ?? 'the portal web.config'}; its appSettings and applicationSettings are carried over after the install.`,
  ),
  backup(
    STEP.backupPortalThemes,
    'user-portal',
    (ctx) => themes(ctx).some((t) => t.custom),
    'Back up the custom portal themes',
    (ctx) =>
      `Copy ${
        themes(ctx)
          .filter((t) => t.custom)
          .map((t) => t.path)
          .join(', ') || 'the custom App_Themes folders'
      }.`,
  ),
  backup(
    STEP.backupPortalDefaultTheme,
    'user-portal',
    (ctx) => themes(ctx).some((t) => !t.custom && t.changedFiles.length > 0),
    'Back up the changed Default theme',
    (ctx) =>
      `Copy ${themes(ctx).find((t) => !t.custom)?.path ?? 'App_Themes\\Default'} (the installer replaces it); better, move the changes into a theme of your own.`,
  ),
  backup(
    STEP.backupMobileAppWebConfig,
    'mobile-app',
    (ctx) => (ctx.pf || ctx.due('mobile-app')) && !!ctx.facts.mobileApp?.webConfig?.exists,
    'Back up the Mobile App Web Service web.config',
    (ctx) => `Copy ${ctx.facts.mobileApp?.webConfig?.path ?? 'its web.config'}.`,
  ),
  backup(
    STEP.backupAdfsConfig,
    'adfs-adapter',
    (ctx) => ctx.role === 'adfs-host' && !!ctx.facts.adfs?.config?.exists,
    'Save the registered AD FS adapter config',
    () =>
      'Copy MultiFactorAuthenticationAdfsAdapter.config, or run Export-AdfsAuthenticationProviderConfigurationData -Name <adapter name> -FilePath <file>.',
  ),
  prerequisite(STEP.installDotnet, 'Install .NET Framework 4.5 or newer', (ctx) => {
    // The newest .NET the host's Windows takes (4.6 on Server 2008 SP2; none on Server 2003).
    const win = windowsRelease(ctx.facts.host.os);
    if (win && !win.newestNet)
      return `${win.name} cannot install .NET Framework 4.5 or newer: move the MFA parts to a newer Windows Server first.`;
    const net = win?.newestNet ?? { version: '4.8', release: 528040 };
    return `Install .NET Framework ${net.version} (Release ${net.release} or later)${net.version !== '4.8' ? `, the newest ${win!.name} takes` : ''}; a restart may be needed, so do it before the window.`;
  }),
  prerequisite(
    STEP.installVcX64,
    'Install the Visual C++ 2015-2022 runtime (x64)',
    'Install the latest Visual C++ Redistributable for Visual Studio 2015-2022, x64 (14.0.23506 or later).',
  ),
  prerequisite(STEP.installVcX86, 'Install the Visual C++ 2015-2022 runtime (x86)', (ctx) =>
    is32Bit(ctx.facts.host.os.architecture)
      ? 'Install the latest Visual C++ Redistributable for Visual Studio 2015-2022, x86 (14.0.23506 or later): the one this 32-bit Windows runs.'
      : 'Install the latest Visual C++ Redistributable for Visual Studio 2015-2022, x86 (needed on 64-bit servers too).',
  ),
];
