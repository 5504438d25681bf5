import { STEP } from '../steps.js';
import type { PlanContext, StepDef } from '../types.js';
import { installerFor } from '../../util/windows.js';

/**
 * The User Portal and the Mobile App Web Service, on the MFA Server or on a web server of their own
 * (procedures: "Upgrade the User Portal", "Upgrade the Mobile App Web Service"). A web server gets its
 * installers from an upgraded MFA Server, so it goes after the MFA Servers.
 */

const webPart = (ctx: PlanContext) => ctx.pending && (ctx.role === 'web-host' || ctx.role === 'mfa-host');
/** The part is here and is upgraded: on the PhoneFactor Agent path always, else where it is below the target. */
const partDue = (ctx: PlanContext, c: 'user-portal' | 'mobile-app') => webPart(ctx) && ctx.has(c) && (ctx.pf || ctx.due(c));
const webHost = (ctx: PlanContext) => ctx.pending && ctx.role === 'web-host';
/**
 * How the portal is installed: on the PhoneFactor Agent path it was uninstalled, so it is installed anew from the
 * MFA Server UI (pf-install-3); in place the MFA Server installer prompts to update it; a web server runs the MSI.
 */
const portalHow = (ctx: PlanContext) =>
  ctx.role !== 'mfa-host'
    ? `Run ${installerFor('MultiFactorAuthenticationUserPortalSetup', ctx.facts.host.os.architecture)} as an administrator`
    : ctx.pf
      ? 'Install it from the MFA Server UI (User Portal section: Install User Portal); the old portal was uninstalled, so there is no update prompt'
      : "Accept the MFA Server's prompt to update the User Portal";
const vdirName = (v: string | null | undefined) => (v ? v.replace(/^\//, '') : 'the one in use');

export const WEB_STEPS: readonly StepDef[] = [
  {
    id: STEP.uninstallPortal,
    action: 'uninstall',
    component: 'user-portal',
    phase: 'in-window',
    when: (ctx) => webHost(ctx) && ctx.pf && ctx.has('user-portal'),
    title: 'Uninstall the User Portal',
    detail: 'Through Programs and Features.',
  },
  {
    id: STEP.uninstallMobileApp,
    action: 'uninstall',
    component: 'mobile-app',
    phase: 'in-window',
    when: (ctx) => webHost(ctx) && ctx.pf && ctx.has('mobile-app'),
    title: 'Uninstall the Mobile App Web Service',
    detail: 'Through Programs and Features.',
    after: [STEP.uninstallPortal],
    // On a web server the part is uninstalled because of the path, whatever the target version.
    notBecause: ['MFA-CMP-003'],
  },
  {
    id: STEP.preparePortal,
    action: 'prepare',
    component: 'user-portal',
    phase: 'in-window',
    when: (ctx) => webHost(ctx) && (ctx.has('user-portal') || (ctx.has('mobile-app') && !ctx.target8)),
    title: 'Copy the installers from an upgraded MFA Server',
    detail: (ctx) =>
      `After the MFA Servers are upgraded, copy ${installerFor('MultiFactorAuthenticationUserPortalSetup', ctx.facts.host.os.architecture)} (and the Mobile App Web Service MSI where it is reinstalled) from an MFA Server's install folder to this server.`,
    after: [STEP.uninstallMobileApp, STEP.uninstallPortal],
  },
  {
    id: STEP.installPortal,
    action: 'install',
    component: 'user-portal',
    phase: 'in-window',
    when: (ctx) => partDue(ctx, 'user-portal'),
    title: 'Install the new User Portal',
    detail: (ctx) =>
      `${portalHow(ctx)}; virtual directory name: ${vdirName(ctx.component('user-portal')?.virtualDirectory)}${ctx.pf ? " (keep it to keep users' URL, or take the new default MultiFactorAuth)" : ''}.`,
    after: [STEP.installSdk, STEP.restoreHost, STEP.verifyServer, STEP.installServer, STEP.preparePortal],
  },
  {
    id: STEP.configurePortal,
    action: 'configure',
    component: 'user-portal',
    phase: 'in-window',
    when: (ctx) => partDue(ctx, 'user-portal'),
    title: 'Carry the User Portal settings over',
    detail: (ctx) =>
      `Compare the new web.config with the backup (mfa-readiness compare-config OLD NEW); copy the appSettings and applicationSettings values over, and point the SDK URL (pfup_pfwssdk_PfWsSdk) at the SDK's virtual directory.${ctx.calledFor(STEP.notifyPortal) ? " If the virtual directory changed, update the User Portal URL on the MFA Server's Settings tab." : ''}`,
    after: [STEP.installPortal],
  },
  {
    id: STEP.notifyPortal,
    action: 'notify',
    component: 'user-portal',
    phase: 'after-upgrade',
    when: (ctx) => partDue(ctx, 'user-portal') && ctx.calledFor(STEP.notifyPortal),
    title: 'Tell users the new User Portal URL',
    detail: 'Where the new default virtual directory was taken, existing users need the new URL.',
    after: [STEP.configurePortal],
  },
  {
    id: STEP.installMobileApp,
    action: 'install',
    component: 'mobile-app',
    phase: 'in-window',
    when: (ctx) => webPart(ctx) && ctx.has('mobile-app') && ctx.pf && !ctx.target8,
    title: 'Install the new Mobile App Web Service',
    detail: (ctx) =>
      `Run ${installerFor('MultiFactorAuthenticationMobileAppWebServiceSetup', ctx.facts.host.os.architecture)}; keep the old virtual directory name or update the Mobile App Web Service URL in the server.`,
    after: [STEP.installPortal, STEP.installSdk, STEP.verifyServer, STEP.preparePortal],
  },
  {
    // In place, for targets before 8.0: the service is upgraded too, or it stays on the old release and .NET 2.0.
    id: STEP.installMobileApp,
    action: 'install',
    component: 'mobile-app',
    phase: 'in-window',
    when: (ctx) => partDue(ctx, 'mobile-app') && !ctx.pf && !ctx.target8,
    title: 'Run the new Mobile App Web Service installer in place',
    detail: (ctx) =>
      `${ctx.role === 'mfa-host' ? 'After the MFA Server install, run' : 'Run'} ${installerFor('MultiFactorAuthenticationMobileAppWebServiceSetup', ctx.facts.host.os.architecture)} from the upgraded MFA Server's install folder as an administrator; virtual directory name: ${vdirName(ctx.component('mobile-app')?.virtualDirectory)} (the installer proposes MultiFactorAuthMobileAppWebService). It moves the service to .NET 4.`,
    after: [STEP.installServer, STEP.installSdk, STEP.installPortal, STEP.preparePortal],
  },
  {
    id: STEP.configureMobileApp,
    action: 'configure',
    component: 'mobile-app',
    phase: 'in-window',
    when: (ctx) => partDue(ctx, 'mobile-app') && !ctx.target8,
    title: 'Carry the Mobile App Web Service settings over',
    detail: 'Copy appSettings and applicationSettings from the backup; point the SDK URL at the right place.',
    after: [STEP.installMobileApp],
  },
  {
    id: STEP.uninstallMobileApp,
    action: 'uninstall',
    component: 'mobile-app',
    phase: 'after-upgrade',
    when: (ctx) => webPart(ctx) && ctx.has('mobile-app') && !ctx.pf && ctx.target8,
    title: 'Uninstall the Mobile App Web Service',
    detail: 'From 8.0 it is not needed: uninstall it after the upgrade.',
    after: [STEP.installServer, STEP.installPortal],
    // Only the 8.0 change calls for this one; the inventory alone does not.
    notBecause: ['MFA-INV-001'],
  },
];
