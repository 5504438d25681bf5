import type { ComponentId, Finding, Goal, HostRole, Roles, Severity, Stage, UpgradePath, Verdict, WaiverStatus } from '../types.js';
import type { RuleMeta } from '../rules/types.js';

/** One SDK URL a host's config points at (User Portal, Mobile App Web Service, AD FS adapter). */
export interface FleetSdkUrl {
  component: ComponentId;
  file: string;
  url: string;
  /** Host part, lower case. */
  host: string;
  /** First path segment, e.g. "MultiFactorAuthWebServiceSdk" ("" where none). */
  vdir: string;
}

/** A plan step of a host, as much as the fleet keeps of it. */
export interface HostStep {
  id: string;
  action: string;
  component: string;
  phase: string;
  title: string;
  /** The step's detail from the host's plan (what to type, which file): the runbook shows it (issue 11 item 16). */
  detail: string;
}

/** An open finding of a host that a plan step is there for (the runbook shows it beside the step). */
export interface StepFinding {
  id: string;
  ruleId: string;
  severity: Severity;
  outcome: 'fail' | 'unknown';
  title: string;
  message: string;
}

/**
 * What the fleet keeps of one host: small and flat, so memory does not grow with the size of host reports
 * (docs/fleet.md; the full report is dropped, or written with --host-reports, as soon as it is made).
 */
export interface HostSummary {
  name: string;
  target: string;
  status: 'scanned' | 'read' | 'failed';
  reason: string | null;
  verdict: Verdict | null;
  roles: Roles | null;
  upgradePath: UpgradePath | null;
  hostRole: HostRole | null;
  /**
   * --stage post with the host's report of before: whether its parts reached the target (from the report's
   * change). `not-upgraded`: none did; `partly-upgraded`: some are still below it; null where not known.
   */
  upgrade?: 'upgraded' | 'partly-upgraded' | 'not-upgraded' | null;
  components: { component: ComponentId; version: string | null; virtualDirectory: string | null; installPath: string | null }[];
  /** IIS application URL paths ("/MultiFactorAuthWebServiceSdk"); null where IIS was unknown to the scan. */
  virtualDirectories: string[] | null;
  /** Host names bound on the host's IIS sites (lower case): a URL naming one of them names this host. */
  boundHostNames: string[];
  /** Other names that reach this host (bundle.json `aliases`: a load-balancer or DNS alias), lower case. */
  aliases: string[];
  /** null where the report does not say (the SDK URLs of configs that name another host are not in a Report). */
  sdkUrls: FleetSdkUrl[] | null;
  /** Installers present in the MFA Server install folder; null where not known (a read report, no install folder). */
  installers: { folder: string; present: string[] } | null;
  plan: HostStep[];
  /** The host's open (unwaived) findings that some plan step is for, by the step ids they call for. */
  findings: (StepFinding & { planSteps: string[] })[];
  /** Waiver statuses of the host's report (to merge into the fleet's list). */
  waivers: WaiverStatus[];
  inputDigest: string | null;
}

export interface WaveStep {
  host: string;
  /** The host's plan step id (or the fleet's, for the promotion and once-per-farm AD FS steps). */
  id: string;
  action: string;
  component: string;
  title: string;
  /** What to do, from the host's plan (or the fleet's, for its own steps). */
  detail?: string;
  /** The host's open findings behind the step. */
  findings?: StepFinding[];
}

export interface Wave {
  order: number;
  title: string;
  /** What the wave is, for readers and tests: before-window, replication-subordinate, replication-primary, standalone, web, adfs-first-half, adfs-policy, adfs-second-half, after-upgrade. */
  kind: string;
  group: string | null;
  /**
   * Waves with the same slot can run at the same time (issue 14): they are on different tracks (replication
   * groups, web pools, AD FS farms are independent of each other). Slots run in order.
   */
  slot?: number;
  /** The independent line of work the wave belongs to ("group EU", "farm sts.contoso.com"); null for the shared waves. */
  track?: string | null;
  hosts: string[];
  steps: WaveStep[];
}

export interface FleetContext {
  hosts: HostSummary[];
  targetVersion: string;
  stage: Stage;
  /** --goal (absent: upgrade); a fleet rule runs only at the goals its meta lists (default upgrade). */
  goal?: Goal;
}

/** A fleet rule's hit; the engine adds id, title, seed, planSteps and waiver (as for a host's rules). */
export interface FleetHit {
  /** The host the finding is about (its id digest and waivers use it). */
  host: string;
  outcome?: 'fail' | 'unknown';
  severity?: Severity;
  component?: Finding['component'];
  /** One of the rule's `meta.messages`, with its placeholders' values (as a host rule's hit). */
  messageId?: string;
  data?: Record<string, string | number>;
  message?: string;
  evidence: Finding['evidence'];
  key: string;
}

export interface FleetRule {
  meta: RuleMeta;
  check(ctx: FleetContext): FleetHit[];
}

export type FleetFinding = Finding & { host: string };

export interface FleetReport {
  schemaVersion: 1;
  tool: { name: 'mfa-readiness'; version: string; rulesetVersion: string };
  scan: {
    startedAt: string;
    target: { kind: 'fleet'; location: string };
    targetVersion: string;
    stage: Stage;
    goal?: Goal;
    inputDigest: string;
  };
  hosts: Pick<HostSummary, 'name' | 'target' | 'status' | 'reason' | 'verdict' | 'roles' | 'upgradePath' | 'hostRole' | 'upgrade'>[];
  waves: Wave[];
  findings: FleetFinding[];
  verdict: Verdict;
  waivers: WaiverStatus[];
}
