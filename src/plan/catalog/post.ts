import { STEP } from '../steps.js';
import type { PlanContext, StepDef } from '../types.js';

/**
 * Stage `post` (scan --stage post): what is left to do after the window. Only these steps are planned at post
 * (src/plan/index.ts); each is there because a post rule found something (`calledFor`), or because every host of
 * its kind has it after the window (back behind the load balancer, the AD FS policy checked).
 */

const post = (ctx: PlanContext) => ctx.opts.stage === 'post';
const called = (id: (typeof STEP)[keyof typeof STEP]) => (ctx: PlanContext) => post(ctx) && ctx.calledFor(id);

export const POST_STEPS: readonly StepDef[] = [
  {
    id: STEP.postFinishUpgrade,
    action: 'install',
    component: 'host',
    phase: 'after-upgrade',
    when: called(STEP.postFinishUpgrade),
    title: 'Finish the upgrade of the parts left behind',
    detail: `Install the target release of each part the findings name (below the target, or gone since the report taken before the window), then scan again with --stage post --baseline.`,
  },
  {
    id: STEP.postVdirUrls,
    action: 'configure',
    component: 'host',
    phase: 'after-upgrade',
    when: called(STEP.postVdirUrls),
    title: 'Point every URL at the renamed virtual directory',
    detail:
      'A virtual directory changed name in the upgrade: change the Web Service SDK address in the User Portal, Mobile App Web Service and AD FS adapter configs (on this host and the others) to the new path, or give the virtual directory its old name back.',
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.postPortalSettings,
    action: 'restore',
    component: 'user-portal',
    phase: 'after-upgrade',
    when: called(STEP.postPortalSettings),
    title: 'Carry the User Portal settings over from the saved web.config',
    detail:
      'Compare the saved web.config with the one in use (mfa-readiness compare-config OLD NEW) and set the appSettings and applicationSettings values the findings name back to what they were.',
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.postMobileAppSettings,
    action: 'restore',
    component: 'mobile-app',
    phase: 'after-upgrade',
    when: called(STEP.postMobileAppSettings),
    title: 'Carry the Mobile App Web Service settings over from the saved web.config',
    detail:
      'Compare the saved web.config with the one in use (mfa-readiness compare-config OLD NEW) and set the values the findings name back to what they were.',
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.postPortalThemes,
    action: 'restore',
    component: 'user-portal',
    phase: 'after-upgrade',
    when: called(STEP.postPortalThemes),
    title: 'Put the User Portal themes back',
    detail:
      'Copy the custom theme folders from the saved copy into App_Themes, and bring the changes of the Default theme back, better in a theme of their own than in Default (the next upgrade replaces Default again).',
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.postAppPools,
    action: 'configure',
    component: 'host',
    phase: 'after-upgrade',
    when: called(STEP.postAppPools),
    title: 'Run the MFA application pools on .NET CLR v4.0',
    detail:
      'In IIS Manager, Application Pools: set the .NET CLR version of each pool the findings name to v4.0 (from MFA Server 7.0 the web parts are .NET 4 applications), then recycle it.',
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.uninstallMobileApp,
    action: 'uninstall',
    component: 'mobile-app',
    phase: 'after-upgrade',
    when: (ctx) => post(ctx) && ctx.has('mobile-app') && ctx.target8,
    title: 'Uninstall the Mobile App Web Service',
    detail: 'From MFA Server 8.0 it is no longer needed: uninstall it through Programs and Features, now that the upgrade is done.',
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.notifyPortal,
    action: 'notify',
    component: 'user-portal',
    phase: 'after-upgrade',
    when: called(STEP.notifyPortal),
    title: 'Tell users the new User Portal URL',
    detail: (ctx) =>
      `The User Portal now answers at ${ctx.component('user-portal')?.virtualDirectory ?? 'its new virtual directory'}: tell users, and update the User Portal URL on the MFA Server's Settings tab and any links to it.`,
    after: [STEP.postVdirUrls],
  },
  {
    id: STEP.restoreHost,
    action: 'restore',
    component: 'host',
    phase: 'after-upgrade',
    when: (ctx) => post(ctx) && ctx.multi,
    title: 'Put this server back behind the load balancer',
    detail: 'Add it back to the load balancer pool and point clients at it again, once the checks of this report pass.',
    after: [STEP.postFinishUpgrade, STEP.postVdirUrls, STEP.postPortalSettings, STEP.postMobileAppSettings, STEP.postAppPools],
  },
  // MFA-POST-020, MFA-POST-022..024: the MFA Server service and the AD FS provider, where their rules found something.
  {
    id: STEP.postService,
    action: 'configure',
    component: 'server',
    phase: 'after-upgrade',
    when: called(STEP.postService),
    title: 'Make the MFA Server service start automatically from the install folder',
    detail:
      "Services: the MFA Server service starts Automatic and runs the install folder's program (sc.exe qc MultiFactorAuthSvc); where it is not registered or runs from another folder, repair or reinstall MFA Server into the install folder.",
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.configureAdfsConfig,
    action: 'configure',
    component: 'adfs-adapter',
    phase: 'after-upgrade',
    when: called(STEP.configureAdfsConfig),
    title: 'Carry the old AD FS adapter settings over',
    detail:
      'Copy the values the findings name from the saved MultiFactorAuthenticationAdfsAdapter.config into the new one, then register it again (below).',
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.adfsUnregisterOld,
    action: 'uninstall',
    component: 'adfs-adapter',
    phase: 'after-upgrade',
    when: called(STEP.adfsUnregisterOld),
    title: 'Unregister the old AD FS provider',
    detail:
      'Clear WindowsAzureMultiFactorAuthentication in the global MFA policy, then run Unregister-MultiFactorAuthenticationAdfsAdapter.ps1 -Name "WindowsAzureMultiFactorAuthentication" once for the farm.',
    after: [STEP.postFinishUpgrade],
  },
  {
    id: STEP.adfsRegisterNew,
    action: 'install',
    component: 'adfs-adapter',
    phase: 'after-upgrade',
    when: called(STEP.adfsRegisterNew),
    title: 'Register the new AD FS provider',
    detail:
      'Run Register-MultiFactorAuthenticationAdfsAdapter.ps1 (with -ConfigurationFilePath) once for the farm, restart AD FS on each server, and record the cmdlet output again (collect) to verify.',
    after: [STEP.adfsUnregisterOld, STEP.configureAdfsConfig],
  },
  {
    id: STEP.adfsPolicyCheck,
    action: 'configure',
    component: 'adfs-adapter',
    phase: 'after-upgrade',
    when: (ctx) => post(ctx) && ctx.has('adfs-adapter'),
    title: 'Check the new provider in the AD FS global MFA policy',
    detail:
      'In AD FS Management, Authentication Policies, Multi-factor: AzureMfaServerAuthentication is checked and the old provider no longer listed (Get-AdfsGlobalAuthenticationPolicy).',
    after: [STEP.postFinishUpgrade, STEP.adfsRegisterNew],
  },
];
