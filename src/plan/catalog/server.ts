import type { ComponentId } from '../../types.js';
import { STEP, type StepId } from '../steps.js';
import type { PlanContext, StepDef } from '../types.js';

/**
 * The MFA Server in the window (procedures: the PhoneFactor Agent path uninstalls the old parts and installs
 * the server over the same path; the in-place path runs the new installer), with the host out of traffic
 * where it is one of several.
 */

/** MFA Server is installed here: an mfa-host whose server is below the target (not one at the target, scanned at stage adfs). */
const onMfaHost = (ctx: PlanContext) => ctx.pending && ctx.role === 'mfa-host' && ctx.serverDue;
/** MFA Server and the AD FS adapter on one host: it goes back into traffic after the provider switch (catalog/adfs.ts). */
export const adapterOnMfaHost = (ctx: PlanContext) => ctx.role === 'mfa-host' && ctx.has('adfs-adapter') && ctx.due('adfs-adapter');
const agentPath = (ctx: PlanContext) => onMfaHost(ctx) && ctx.pf;
const inPlace = (ctx: PlanContext) => onMfaHost(ctx) && !ctx.pf;

/** The PhoneFactor Agent path removes the parts in this order: portal, mobile app, SDK, then the agent. */
/** The portal and the SDK are removed through the agent's UI where the agent is still there, else in Programs and Features. */
const viaAgent = (ctx: PlanContext) =>
  ctx.has('agent')
    ? 'Through the PhoneFactor Agent, or Programs and Features.'
    : 'Through Programs and Features (the PhoneFactor Agent is no longer installed).';
const UNINSTALL_ORDER: readonly [StepId, ComponentId, string, string | ((ctx: PlanContext) => string)][] = [
  [STEP.uninstallPortal, 'user-portal', 'Uninstall the User Portal', viaAgent],
  [STEP.uninstallMobileApp, 'mobile-app', 'Uninstall the Mobile App Web Service', 'Through Programs and Features.'],
  [STEP.uninstallSdk, 'web-service-sdk', 'Uninstall the Web Service SDK', viaAgent],
  [
    STEP.uninstallAgent,
    'agent',
    'Uninstall the PhoneFactor Agent',
    'Through Programs and Features. The data file stays in the install folder.',
  ],
];

const uninstalls: StepDef[] = UNINSTALL_ORDER.map(([id, component, title, detail], i) => ({
  id,
  action: 'uninstall',
  component,
  phase: 'in-window',
  when: (ctx) => agentPath(ctx) && ctx.has(component),
  title,
  detail,
  // After the one before it in the order (where planned), the first after the drain.
  after: [STEP.drainHost, ...UNINSTALL_ORDER.slice(0, i).map(([prev]) => prev)],
}));

const vdirName = (v: string | null | undefined) => (v ? v.replace(/^\//, '') : 'the one in use');

/** An upgrade stopped half way removed the SDK that configs on this host still point at: it is installed again. */
const sdkRemovedInUse = (ctx: PlanContext) =>
  !!ctx.facts.interruptedUpgrade && !ctx.has('web-service-sdk') && ctx.facts.sdkUrls.some((u) => u.thisHost);
const sdkVdirInUse = (ctx: PlanContext) => {
  const u = ctx.facts.sdkUrls.find((x) => x.thisHost);
  const first = u?.path.split('/').filter(Boolean)[0];
  return first ? `/${first}` : null;
};

/** Where the data file is (the facts' path, else the install path's Data folder). */
const dataPath = (ctx: PlanContext) => ctx.facts.dataFile?.original.path ?? 'Data\\PhoneFactor.pfdata under the install folder';
const backupTo = (ctx: PlanContext) =>
  ctx.facts.host.backupDirs.length ? ctx.facts.host.backupDirs.join(' or ') : 'a backup folder off this server';
const service = (ctx: PlanContext) =>
  ctx.has('server') ? 'the Multi-Factor Authentication Server service (MultiFactorAuthSvc)' : 'the PhoneFactor service';

export const SERVER_STEPS: readonly StepDef[] = [
  {
    id: STEP.drainHost,
    action: 'drain',
    component: 'host',
    phase: 'in-window',
    when: (ctx) => onMfaHost(ctx) && ctx.multi,
    title: 'Take this server out of traffic',
    detail: (ctx) =>
      ctx.facts.host.roles.replication === 'primary'
        ? 'Remove it from the load balancer and stop clients sending to it. As the primary, upgrade it last: first upgrade the subordinates and promote one of them to primary.'
        : 'Remove it from the load balancer and stop clients sending to it; upgrade subordinates one at a time.',
  },
  {
    // The data file changes while the server runs: the copy is taken in the window, with the service stopped,
    // right before this server's uninstalls and install (procedures: pf-uninstall-1, inplace-server-2).
    id: STEP.backupData,
    action: 'backup',
    component: 'data',
    phase: 'in-window',
    when: (ctx) =>
      onMfaHost(ctx) &&
      (!!ctx.facts.dataFile?.original.exists || !!ctx.facts.interruptedUpgrade || ctx.calledFor(STEP.backupData, ['MFA-INV-001'])),
    title: 'Back up the data file, with the service stopped',
    detail: (ctx) =>
      ctx.facts.interruptedUpgrade
        ? `Nothing runs the data file now (the agent is uninstalled): copy ${dataPath(ctx)} (or the whole Data folder) to ${backupTo(ctx)}.`
        : `Stop ${service(ctx)}, then copy ${dataPath(ctx)} (or the whole Data folder) to ${backupTo(ctx)}; a copy from before the window misses the changes since. Keep it until the server is checked (restore step below).`,
    after: [STEP.drainHost],
    becauseOtherwise: ['MFA-INV-001'],
  },
  ...uninstalls,
  {
    id: STEP.installServer,
    action: 'install',
    component: 'server',
    phase: 'in-window',
    when: agentPath,
    title: (ctx) => `Install MFA Server ${ctx.opts.targetVersion} over the same path`,
    detail: (ctx) =>
      `Run the installer; it picks up ${ctx.facts.installPaths[0]?.path ?? 'the install path'} from the registry and upgrades the data file in place.`,
    after: [STEP.drainHost, ...UNINSTALL_ORDER.map(([id]) => id)],
    // Prerequisites have their own steps on this path, and the drain carries the replication order.
    notBecause: ['MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-HA-001'],
  },
  {
    id: STEP.configureServer,
    action: 'configure',
    component: 'server',
    phase: 'in-window',
    when: agentPath,
    title: 'Activate the server and check its replication group',
    detail: 'If prompted, activate MFA Server and make sure it is in the right replication group.',
    after: [STEP.installServer],
  },
  {
    id: STEP.verifyServer,
    action: 'verify',
    component: 'server',
    phase: 'in-window',
    when: agentPath,
    title: 'Check users and settings are there',
    detail: 'Open the MFA Server UI: the users and settings from the data file must be there before going on.',
    after: [STEP.configureServer],
  },
  {
    id: STEP.installServer,
    action: 'install',
    component: 'server',
    phase: 'in-window',
    when: inPlace,
    title: (ctx) => `Run the MFA Server ${ctx.opts.targetVersion} installer in place`,
    detail: (ctx) =>
      `No uninstall needed. Accept the Visual C++ 2015 prompt.${ctx.multi ? (ctx.facts.host.roles.replication === 'primary' ? ' This primary goes after the subordinates and the promotion of one of them.' : ' Subordinates go before the primary.') : ''}`,
    after: [STEP.drainHost],
    // The install path is the PhoneFactor Agent path's concern (the installer reuses it there).
    notBecause: ['MFA-INV-002'],
  },
  {
    id: STEP.verifyServer,
    action: 'verify',
    component: 'server',
    phase: 'in-window',
    when: inPlace,
    title: 'Check the server works',
    detail: 'Open the MFA Server UI and check users, settings and replication status.',
    after: [STEP.installServer],
  },
  {
    id: STEP.restoreData,
    action: 'restore',
    component: 'data',
    phase: 'in-window',
    when: (ctx) => onMfaHost(ctx) && (!!ctx.facts.dataFile?.original.exists || !!ctx.facts.interruptedUpgrade),
    title: 'Only if the install failed or users are missing: put the data file back',
    detail: (ctx) =>
      `Stop the service, copy the backup over ${dataPath(ctx)} (the whole Data folder where it was copied), and start it again${ctx.pf ? '; on this path the old agent is gone, so run the MFA Server installer again over the same path first' : '; where the new release does not start, reinstall the old one first'}. Otherwise skip this step.`,
    after: [STEP.backupData, STEP.installServer, STEP.verifyServer],
    becauseOtherwise: ['MFA-INV-001'],
  },
  {
    id: STEP.installSdk,
    action: 'install',
    component: 'web-service-sdk',
    phase: 'in-window',
    when: (ctx) => onMfaHost(ctx) && ((ctx.has('web-service-sdk') && (ctx.pf || ctx.due('web-service-sdk'))) || sdkRemovedInUse(ctx)),
    title: 'Install the new Web Service SDK',
    detail: (ctx) =>
      `${ctx.pf ? 'Through the MFA Server UI.' : "Accept the installer's prompt."} Virtual directory name: ${vdirName(ctx.component('web-service-sdk')?.virtualDirectory ?? sdkVdirInUse(ctx))}${ctx.pf ? ' (the new default is MultiFactorAuthWebServiceSdk)' : ''}.`,
    after: (ctx) => [ctx.pf ? STEP.verifyServer : STEP.installServer],
  },
  {
    id: STEP.restoreHost,
    action: 'restore',
    component: 'host',
    phase: 'in-window',
    when: (ctx) => onMfaHost(ctx) && ctx.multi && !adapterOnMfaHost(ctx),
    title: 'Put this server back into traffic',
    detail: 'Add it back to the load balancer and point clients at it again.',
    after: [STEP.installSdk, STEP.verifyServer],
  },
];
