import { STEP } from '../steps.js';
import type { PlanContext, StepDef } from '../types.js';
import { adapterOnMfaHost } from './server.js';

/**
 * The AD FS adapter (procedure: "Upgrade the AD FS adapter"): on an AD FS server at stage `adfs`; where MFA
 * Server runs on the AD FS server, in its own window through the MFA Server UI. Half the farm first, the
 * provider switched once, then the other half.
 */

const adapterHere = (ctx: PlanContext) =>
  ctx.due('adfs-adapter') && ctx.pending && ((ctx.role === 'adfs-host' && ctx.opts.stage === 'adfs') || ctx.role === 'mfa-host');
/** MFA Server on this host updates the adapter through its UI: no files to copy or edit. */
const viaUi = (ctx: PlanContext) => ctx.role === 'mfa-host';
const byFiles = (ctx: PlanContext) => adapterHere(ctx) && !viaUi(ctx);
/** The staging folder the new files were copied to (--adapter-files), where known. */
const staged = (ctx: PlanContext) => ctx.facts.adfs?.staging?.folder ?? null;
const providerOld = (ctx: PlanContext) =>
  ctx.facts.adfs?.oldProviderName ?? 'WindowsAzureMultiFactorAuthentication or AzureMfaServerAuthentication';

export const ADFS_STEPS: readonly StepDef[] = [
  {
    id: STEP.prepareAdfs,
    action: 'prepare',
    component: 'adfs-adapter',
    phase: 'before-window',
    when: (ctx) => byFiles(ctx) && ctx.calledFor(STEP.prepareAdfs),
    title: 'Copy the adapter files from an upgraded MFA Server',
    detail: (ctx) =>
      `Copy the adapter MSI, the Register and Unregister scripts and the config from an upgraded MFA Server's install folder${staged(ctx) ? ` to ${staged(ctx)}` : ' to a folder on this server'}.`,
  },
  {
    id: STEP.configureAdfsRegisterScript,
    action: 'configure',
    component: 'adfs-adapter',
    phase: 'before-window',
    when: (ctx) => byFiles(ctx) && ctx.calledFor(STEP.configureAdfsRegisterScript),
    title: 'Add -ConfigurationFilePath to the Register script',
    detail: (ctx) =>
      `Edit ${ctx.facts.adfs?.registerScript?.path ?? 'Register-MultiFactorAuthenticationAdfsAdapter.ps1'}: add -ConfigurationFilePath <full path to the config> to the end of the Register-AdfsAuthenticationProvider command.`,
    after: [STEP.prepareAdfs],
  },
  {
    id: STEP.configureAdfsConfig,
    action: 'configure',
    component: 'adfs-adapter',
    phase: 'before-window',
    when: (ctx) => byFiles(ctx) && ctx.calledFor(STEP.configureAdfsConfig),
    title: 'Reconcile the old and new adapter configs',
    detail: 'Copy the old values into the new MultiFactorAuthenticationAdfsAdapter.config (or adjust the old file to the new shape).',
    after: [STEP.backupAdfsConfig, STEP.prepareAdfs],
  },
  {
    id: STEP.drainAdfsFirstHalf,
    action: 'drain',
    component: 'host',
    phase: 'in-window',
    when: adapterHere,
    title: 'Remove part of the AD FS farm',
    detail: 'Take some AD FS servers (this one among them) out of the farm; the others keep serving.',
    after: [STEP.installPortal, STEP.configurePortal, STEP.verifyServer],
  },
  {
    id: STEP.installAdfs,
    action: 'install',
    component: 'adfs-adapter',
    phase: 'in-window',
    when: adapterHere,
    title: 'Install the new AD FS adapter',
    detail: (ctx) =>
      viaUi(ctx)
        ? 'Update the adapter through the MFA Server admin UI.'
        : 'Run MultiFactorAuthenticationAdfsAdapterSetup64.msi on each server removed from the farm.',
    after: [STEP.drainAdfsFirstHalf],
  },
  {
    id: STEP.adfsPolicyUncheck,
    action: 'configure',
    component: 'adfs-adapter',
    phase: 'in-window',
    when: adapterHere,
    title: 'Uncheck the old provider in the global MFA policy',
    detail: (ctx) =>
      `AD FS > Authentication Policies > Edit Global Multi-factor Authentication Policy: uncheck ${providerOld(ctx)}. From here until the new provider is checked, users sign in without two-step verification.`,
    after: [STEP.installAdfs],
  },
  {
    id: STEP.adfsUnregisterOld,
    action: 'uninstall',
    component: 'adfs-adapter',
    phase: 'in-window',
    when: adapterHere,
    title: 'Unregister the old provider by its exact name',
    detail: (ctx) => `Run Unregister-MultiFactorAuthenticationAdfsAdapter.ps1 with -Name "${providerOld(ctx)}" (once per farm).`,
    after: [STEP.adfsPolicyUncheck],
  },
  {
    id: STEP.adfsRegisterNew,
    action: 'install',
    component: 'adfs-adapter',
    phase: 'in-window',
    when: adapterHere,
    title: 'Register the new provider',
    detail: 'Run Register-MultiFactorAuthenticationAdfsAdapter.ps1 (once per farm).',
    after: [STEP.adfsUnregisterOld, STEP.configureAdfsRegisterScript, STEP.configureAdfsConfig],
  },
  {
    id: STEP.adfsRestart,
    action: 'configure',
    component: 'adfs-adapter',
    phase: 'in-window',
    when: adapterHere,
    title: 'Restart the AD FS service on the updated servers',
    detail: 'Restart-Service adfssrv on each server removed from the farm.',
    after: [STEP.adfsRegisterNew],
  },
  {
    id: STEP.restoreAdfsFirstHalf,
    action: 'restore',
    component: 'host',
    phase: 'in-window',
    when: adapterHere,
    title: 'Swap: put the updated servers back, remove the others',
    detail: 'Add the updated servers back to the farm and remove the others.',
    after: [STEP.adfsRestart],
  },
  {
    id: STEP.adfsPolicyCheck,
    action: 'configure',
    component: 'adfs-adapter',
    phase: 'in-window',
    when: adapterHere,
    title: 'Check AzureMfaServerAuthentication in the global MFA policy',
    detail: 'Two-step verification is back for this cluster from here.',
    after: [STEP.restoreAdfsFirstHalf],
  },
  {
    // MFA Server on the AD FS server: back into traffic once the new provider is checked, not between unchecking
    // the old one and unregistering it (the in-window steps would otherwise sort by id around it).
    id: STEP.restoreHost,
    action: 'restore',
    component: 'host',
    phase: 'in-window',
    when: (ctx) => adapterHere(ctx) && adapterOnMfaHost(ctx) && ctx.serverDue && ctx.multi,
    title: 'Put this server back into traffic',
    detail:
      'Add it back to the load balancer and point clients at it again, now that the new provider is checked in the global MFA policy.',
    after: [STEP.installSdk, STEP.verifyServer, STEP.adfsPolicyCheck],
  },
  {
    id: STEP.installAdfsSecondHalf,
    action: 'install',
    component: 'adfs-adapter',
    phase: 'in-window',
    when: adapterHere,
    title: 'Update the rest of the farm',
    detail: 'Install the adapter on the servers now out of the farm, restart AD FS there and add them back.',
    after: [STEP.adfsPolicyCheck],
  },
  {
    id: STEP.verifyAdfs,
    action: 'verify',
    component: 'adfs-adapter',
    phase: 'after-upgrade',
    when: adapterHere,
    title: 'Check sign-ins ask for two-step verification',
    detail: 'Sign in through AD FS with a test user; check the AD FS admin event log for adapter errors.',
    after: [STEP.installAdfsSecondHalf],
  },
];
