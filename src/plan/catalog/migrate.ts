import { STEP } from '../steps.js';
import type { PlanContext, StepDef } from '../types.js';
import {
  belowMinimum,
  buildCarriesUtility,
  cloudOfValues,
  mfaServerOf,
  migrationRole,
  mustChange,
  needsUtilityBuild,
  utilityPresent,
} from '../../rules/migration.js';

/**
 * The plan at `scan --goal migrate` (Microsoft Learn, "MFA Server migration": back up, install the update,
 * configure the Migration Utility): only the server that runs the utility changes (the primary, and a
 * dedicated migration server where bundle.json names one). The User Portal, the Web Service SDK, the AD FS
 * adapter and the subordinates keep their version, so they get no steps.
 */

/** Why a step is planned where no finding names it: the server's role in the migration. */
const ROLE_RULE = 'MFA-MIG-008';

const folderOf = (ctx: PlanContext) =>
  ctx.facts.migration?.folder ?? mfaServerOf(ctx.facts)?.installPath ?? 'the MFA Server install folder';

/** The build that carries the utility is not (known to be) there yet. */
const needsBuild = (ctx: PlanContext) => needsUtilityBuild(ctx.facts);

/** StsUrl and GraphUrl are both set and agree on one cloud. */
const configured = (ctx: PlanContext) => {
  const m = ctx.facts.migration;
  const cloud = cloudOfValues(ctx.facts);
  return !!m?.stsUrl && !!m.graphUrl && (cloud === 'commercial' || cloud === 'government');
};

const isPrimaryLike = (ctx: PlanContext) => migrationRole(ctx.facts) !== 'migration-server';
/** Before the window (stage pre); after it (stage post) only what is left: the install, the configure steps, opening the utility. */
const pre = (ctx: PlanContext) => ctx.opts.stage !== 'post';
const drained = (ctx: PlanContext) => pre(ctx) && needsBuild(ctx) && isPrimaryLike(ctx) && ctx.multi;

const installedVersion = (ctx: PlanContext) => mfaServerOf(ctx.facts)?.version ?? 'installed now';

export const MIGRATE_STEPS: readonly StepDef[] = [
  {
    id: STEP.migrateFullUpgradeFirst,
    action: 'prepare',
    component: 'server',
    phase: 'before-window',
    when: (ctx) => pre(ctx) && mustChange(ctx.facts) && belowMinimum(ctx.facts),
    title: 'Do the full upgrade first: this version is too old for the in-place migration build',
    detail: (ctx) =>
      `Below 6.1 (or the PhoneFactor Agent) the guide's in-place install of the migration build does not apply. Scan with --goal upgrade and follow that plan to ${ctx.opts.targetVersion}; that release carries the Migration Utility. Then scan again with --goal migrate.`,
    becauseOtherwise: [ROLE_RULE],
  },
  {
    id: STEP.migrateKeepInstaller,
    action: 'prepare',
    component: 'server',
    phase: 'before-window',
    when: (ctx) => pre(ctx) && needsBuild(ctx),
    title: (ctx) => `Keep the installer of the version installed now (${installedVersion(ctx)})`,
    detail:
      'The rollback is: uninstall the new build, put the data file backup back, run this installer. Without a copy of it, ask Microsoft support before going on.',
    becauseOtherwise: [ROLE_RULE],
  },
  {
    id: STEP.backupData,
    action: 'backup',
    component: 'data',
    phase: 'before-window',
    when: (ctx) => pre(ctx) && needsBuild(ctx) && isPrimaryLike(ctx) && !!ctx.facts.dataFile,
    title: 'Back up the data file right before the install',
    detail: (ctx) =>
      `Copy ${ctx.facts.dataFile?.original.path ?? 'Data\\PhoneFactor.pfdata'} somewhere safe as the last thing before running the installer: it goes stale quickly, and any change made after the copy is lost if you roll back.`,
    after: [STEP.migrateKeepInstaller],
    becauseOtherwise: [ROLE_RULE],
  },
  {
    id: STEP.migrateNoTraffic,
    action: 'configure',
    component: 'host',
    phase: 'before-window',
    when: (ctx) => pre(ctx) && migrationRole(ctx.facts) === 'migration-server' && ctx.calledFor(STEP.migrateNoTraffic),
    title: 'Take all other MFA traffic off the migration server',
    detail:
      'The server that runs the Migration Utility and its sync service handles no other MFA requests: move the User Portal, the Web Service SDK and its consumers, the AD FS adapter and any load-balancer alias to other servers.',
  },
  {
    id: STEP.drainHost,
    action: 'drain',
    component: 'host',
    phase: 'in-window',
    when: drained,
    title: 'Take this server out of load balancing',
    detail: 'Remove it from the load balancer (and any traffic sharing with the other MFA Servers) before the install.',
    becauseOtherwise: [ROLE_RULE],
  },
  {
    id: STEP.installServer,
    action: 'install',
    component: 'server',
    phase: 'in-window',
    // After the window: where the build or the utility is still missing (MFA-MIG-020).
    when: (ctx) =>
      pre(ctx)
        ? needsBuild(ctx)
        : mustChange(ctx.facts) && (buildCarriesUtility(ctx.facts) !== true || utilityPresent(ctx.facts) === false),
    title: (ctx) => `Run the MFA Server ${ctx.opts.targetVersion} installer in place on this server only`,
    detail: (ctx) =>
      `No uninstall: it upgrades ${folderOf(ctx)} and the data file in place. Accept the prompt to install the Visual C++ 2015 redistributable (x86 and x64). Do not update the User Portal, the Web Service SDK or the AD FS adapter, and leave the subordinates at their version.`,
    after: [STEP.migrateNoTraffic, STEP.drainHost],
    becauseOtherwise: [ROLE_RULE],
  },
  {
    id: STEP.migrateConfigureUtility,
    action: 'configure',
    component: 'server',
    phase: 'after-upgrade',
    when: (ctx) => mustChange(ctx.facts) && !configured(ctx),
    title: 'Run Configure-MultiFactorAuthMigrationUtility.ps1 in an elevated PowerShell',
    detail: (ctx) => {
      const where = `The script is in ${folderOf(ctx)}.`;
      const gov =
        ' For the US government cloud, change its ".com" endpoints to ".us" first: StsUrl and GraphUrl must both name the same cloud.';
      return migrationRole(ctx.facts) === 'migration-server'
        ? `${where} Here it registers a certificate with the existing MFA Server Migration Utility app registration; the utility and the sync service use it to reach Microsoft Graph.${gov}`
        : `${where} It asks for an Application Administrator of the tenant, creates the MFA Server Migration Utility app registration and writes StsUrl and GraphUrl under HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor.${gov}`;
    },
    after: [STEP.migrateFullUpgradeFirst, STEP.installServer],
    becauseOtherwise: [ROLE_RULE],
  },
  {
    id: STEP.migrateConsent,
    action: 'configure',
    component: 'server',
    phase: 'after-upgrade',
    when: (ctx) => mustChange(ctx.facts) && isPrimaryLike(ctx) && !configured(ctx),
    title: 'Grant admin consent to the MFA Server Migration Utility app',
    detail:
      'Open the address the script prints, or in the Microsoft Entra admin center: App registrations, MFA Server Migration Utility, API permissions, grant admin consent.',
    after: [STEP.migrateConfigureUtility],
    becauseOtherwise: [ROLE_RULE],
  },
  {
    id: STEP.migrateOpenUtility,
    action: 'verify',
    component: 'server',
    phase: 'after-upgrade',
    when: (ctx) => mustChange(ctx.facts),
    title: 'Open the Migration Utility',
    detail: (ctx) =>
      `Start MultiFactorAuthMigrationUtilityUI from ${folderOf(ctx)}: it opens on the group search of the migration. Migrating users copies their methods; it changes nothing in the data file.`,
    after: [STEP.migrateConfigureUtility, STEP.migrateConsent, STEP.installServer],
    becauseOtherwise: [ROLE_RULE],
  },
  {
    id: STEP.restoreHost,
    action: 'restore',
    component: 'host',
    phase: 'after-upgrade',
    when: drained,
    title: 'Put this server back into load balancing',
    detail: 'Once the utility opens, add the server back to the load balancer.',
    after: [STEP.migrateOpenUtility],
    becauseOtherwise: [ROLE_RULE],
  },
];
