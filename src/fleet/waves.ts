import type { HostStep, HostSummary, StepFinding, Wave, WaveStep } from './types.js';
import { groupOf } from './rules/helpers.js';
import { STEP, type StepId } from '../plan/steps.js';

type Draft = Omit<Wave, 'order' | 'slot'> & { slot: number };

/**
 * The order of the maintenance window (upgrade-mfa-server-2024.md, "Upgrade steps at a glance"): backups and
 * prerequisites first; on the PhoneFactor path the old web parts uninstalled before any MFA Server is installed;
 * per replication group each subordinate on its own (drained one at a time, so the group keeps serving), then the
 * promotion of an upgraded subordinate and the old primary; standalone MFA Servers; User Portal and Mobile App Web
 * Service servers (load-balanced ones drained one at a time, as MFA Servers); AD FS servers per farm in two halves
 * with the provider switch (once per farm) between them, or a farm of one server as the outage it is; what comes
 * after the upgrade last. Steps come from each host's own plan, with their details and the findings behind them;
 * the promotion, the pool drains and the once-per-farm steps are the fleet's.
 *
 * Replication groups, web pools and AD FS farms are independent of each other: their waves are tracks, and the
 * waves of one slot can run at the same time (a fleet of 40 groups is as many slots as its largest group has
 * servers, not 160 waves in a row).
 */
export function buildWaves(hosts: readonly HostSummary[], opts: { goal?: 'upgrade' | 'migrate' } = {}): Wave[] {
  // --goal migrate: the hosts' own (migration) plans only: no promotion, no AD FS adapter swap (src/plan/catalog/migrate.ts).
  const migrate = opts.goal === 'migrate';
  const byName = (a: HostSummary, b: HostSummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.target < b.target ? -1 : 1);
  const pending = hosts
    .filter((h) => h.status !== 'failed' && (migrate ? h.plan.length > 0 : h.upgradePath !== null && h.upgradePath !== 'none'))
    .sort(byName);
  const adfsMembers = migrate ? [] : pending.filter((h) => h.components.some((c) => c.component === 'adfs-adapter'));
  const isAdfsStep = (s: HostStep) => s.component === 'adfs-adapter' || /:adfs-/.test(s.id);
  const findingsFor = (h: HostSummary, id: string): StepFinding[] =>
    h.findings.filter((f) => f.planSteps.includes(id)).map(({ planSteps: _p, ...f }) => f);
  const fromPlan = (h: HostSummary, s: HostStep): WaveStep => ({
    host: h.name,
    id: s.id,
    action: s.action,
    component: s.component,
    title: s.title,
    detail: s.detail,
    findings: findingsFor(h, s.id),
  });
  const fleetStep = (host: string, id: string, action: string, component: string, title: string, detail: string): WaveStep => ({
    host,
    id,
    action,
    component,
    title,
    detail,
    findings: [],
  });

  // PhoneFactor path across hosts (issue 11 item 14): where an MFA Server of the fleet replaces a PhoneFactor Agent,
  // the web servers' old parts are uninstalled first, then MFA Server is installed, then the parts come back.
  const pfServer = pending.some((h) => h.hostRole === 'mfa-host' && h.upgradePath === 'phonefactor-agent');
  const earlyUninstall = (h: HostSummary, s: HostStep) =>
    pfServer && h.hostRole === 'web-host' && h.upgradePath === 'phonefactor-agent' && s.phase === 'in-window' && s.action === 'uninstall';
  const steps = (h: HostSummary, phase: string, dropAdfs: boolean): WaveStep[] =>
    h.plan
      .filter((s) => s.phase === phase && !(dropAdfs && adfsMembers.includes(h) && isAdfsStep(s)) && !earlyUninstall(h, s))
      .map((s) => fromPlan(h, s));
  const waves: Draft[] = [];
  const push = (w: Omit<Draft, 'hosts'> & { hosts?: string[] }) => {
    if (w.steps.length) waves.push({ ...w, hosts: [...new Set(w.steps.map((s) => s.host))] });
  };
  let slot = 1;
  /** Runs one wave list per track side by side: the i-th wave of each track in slot base + i. */
  const tracks = (lists: Omit<Draft, 'hosts' | 'slot'>[][]) => {
    const base = slot;
    let used = 0;
    for (const list of lists) {
      const kept = list.filter((w) => w.steps.length);
      kept.forEach((w, i) => push({ ...w, slot: base + i }));
      used = Math.max(used, kept.length);
    }
    slot = base + used;
  };

  push({
    kind: 'before-window',
    group: null,
    track: null,
    slot: slot++,
    title: 'Before the window: installers, backups and prerequisites on every server',
    steps: pending.flatMap((h) => steps(h, 'before-window', false)),
  });

  if (pfServer) {
    const pre = pending.filter((h) => h.plan.some((s) => earlyUninstall(h, s)));
    push({
      kind: 'phonefactor-uninstall',
      group: null,
      track: null,
      slot,
      title:
        'PhoneFactor path: uninstall the old User Portal and Mobile App Web Service on the web servers first (before MFA Server is installed; they are installed again after it)',
      steps: pre.flatMap((h) => h.plan.filter((s) => earlyUninstall(h, s)).map((s) => fromPlan(h, s))),
    });
    if (pre.length) slot++;
  }

  // Replication groups (and load-balanced servers): subordinates one at a time, then the primary. Groups are
  // independent tracks; standalone servers are a track of their own.
  const mfa = pending.filter((h) => h.hostRole === 'mfa-host');
  const inGroup = (h: HostSummary) =>
    h.roles?.replication === 'primary' || h.roles?.replication === 'subordinate' || h.roles?.loadBalanced === true;
  const groups = new Map<string, HostSummary[]>();
  for (const h of mfa.filter(inGroup)) {
    const g = groupOf(h);
    groups.set(g, [...(groups.get(g) ?? []), h]);
  }
  const serverTracks: Omit<Draft, 'hosts' | 'slot'>[][] = [];
  for (const [g, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const list: Omit<Draft, 'hosts' | 'slot'>[] = [];
    const primaries = members.filter((h) => h.roles?.replication === 'primary');
    const others = members.filter((h) => h.roles?.replication !== 'primary');
    for (const s of others) {
      list.push({
        kind: 'replication-subordinate',
        group: g,
        track: `group ${g}`,
        title: `Group ${g}: upgrade ${s.name} (out of traffic; the others keep serving)`,
        steps: steps(s, 'in-window', true),
      });
    }
    if (primaries.length) {
      // The promotion: an upgraded subordinate of the group, else any subordinate (already at the target).
      const candidate = migrate
        ? undefined
        : (others[0] ??
          hosts
            .filter((h) => h.status !== 'failed' && h.hostRole === 'mfa-host' && h.roles?.replication === 'subordinate' && groupOf(h) === g)
            .sort(byName)[0]);
      const promote: WaveStep[] = candidate
        ? [
            fleetStep(
              candidate.name,
              STEP.promoteServer,
              'configure',
              'server',
              `Promote ${candidate.name} to primary of group ${g} (MFA Server UI, Multi-Server)`,
              `In the MFA Server UI on ${candidate.name}: Multi-Server, make this server the primary; check that replication reaches every other server of group ${g} before the old primary is touched.`,
            ),
          ]
        : [];
      list.push({
        kind: 'replication-primary',
        group: g,
        track: `group ${g}`,
        title: `Group ${g}: ${candidate ? `promote ${candidate.name}, then ` : ''}upgrade the old primary ${primaries.map((p) => p.name).join(', ')}`,
        steps: [...promote, ...primaries.flatMap((p) => steps(p, 'in-window', true))],
      });
    }
    serverTracks.push(list);
  }
  serverTracks.push([
    {
      kind: 'standalone',
      group: null,
      track: 'standalone',
      title: 'Standalone MFA Servers',
      steps: mfa.filter((h) => !inGroup(h)).flatMap((h) => steps(h, 'in-window', true)),
    },
  ]);
  tracks(serverTracks);

  // Web servers: a load-balanced portal is drained like an MFA Server (issue 11 item 12): out of the pool, upgraded,
  // back in, one at a time per pool. The others in one wave.
  const web = pending.filter((h) => h.hostRole === 'web-host');
  const pools = new Map<string, HostSummary[]>();
  for (const h of web.filter((x) => x.roles?.loadBalanced === true)) {
    const p = h.roles?.replicationGroup ?? 'web';
    pools.set(p, [...(pools.get(p) ?? []), h]);
  }
  const webTracks: Omit<Draft, 'hosts' | 'slot'>[][] = [];
  for (const [pool, members] of [...pools].sort(([a], [b]) => (a < b ? -1 : 1))) {
    webTracks.push(
      members.map((h) => {
        const own = steps(h, 'in-window', true);
        const others = members.filter((m) => m !== h).map((m) => m.name);
        const keep = others.length
          ? `${others.join(', ')} keep${others.length === 1 ? 's' : ''} serving`
          : 'no other server of the pool is in this fleet: check another one serves';
        const drain = own.some((s) => s.id === STEP.drainHost)
          ? []
          : [
              fleetStep(
                h.name,
                STEP.drainHost,
                'drain',
                'host',
                `Take ${h.name} out of the load-balancer pool`,
                `Disable ${h.name} in the load balancer (or set it to drain) and wait for its sessions to end; ${keep}.`,
              ),
            ];
        const restore = own.some((s) => s.id === STEP.restoreHost)
          ? []
          : [
              fleetStep(
                h.name,
                STEP.restoreHost,
                'restore',
                'host',
                `Put ${h.name} back into the load-balancer pool`,
                `Open the User Portal on ${h.name} directly, sign in once, then enable it in the load balancer before the next server of the pool is taken out.`,
              ),
            ];
        return {
          kind: 'web-pool',
          group: pool,
          track: `web pool ${pool}`,
          title: `Web pool ${pool}: upgrade ${h.name} (out of the pool; ${keep})`,
          steps: [...drain, ...own, ...restore],
        };
      }),
    );
  }
  webTracks.push([
    {
      kind: 'web',
      group: null,
      track: 'web',
      title: 'User Portal and Mobile App Web Service servers',
      steps: web.filter((h) => h.roles?.loadBalanced !== true).flatMap((h) => steps(h, 'in-window', true)),
    },
  ]);
  tracks(webTracks);

  // AD FS, per farm: half the servers, the provider switch once, then the other half. A farm of one server has no
  // other half to keep serving (issue 11 item 15): it is one wave, an outage, said so.
  const farms = new Map<string, HostSummary[]>();
  for (const h of adfsMembers) {
    const f = h.roles?.adfsFarm ?? `(${h.name})`;
    farms.set(f, [...(farms.get(f) ?? []), h]);
  }
  const adfsTracks: Omit<Draft, 'hosts' | 'slot'>[][] = [];
  for (const [farm, members] of [...farms].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const st = (h: HostSummary, id: StepId, action: string, title: string, detail = ''): WaveStep => {
      const own = h.plan.find((s) => s.id === id);
      return own ? fromPlan(h, own) : fleetStep(h.name, id, action, id.includes(':host') ? 'host' : 'adfs-adapter', title, detail);
    };
    const track = `farm ${farm}`;
    if (members.length === 1) {
      const h = members[0];
      const named = h.roles?.adfsFarm
        ? `AD FS farm ${farm} has one server`
        : `${h.name} is an AD FS server whose farm bundle.json does not name (taken as a farm of one)`;
      const install = h.plan.find((s) => s.id === STEP.installAdfs);
      adfsTracks.push([
        {
          kind: 'adfs-single',
          group: farm,
          track,
          title: `${named}: this is an OUTAGE of MFA sign-in through AD FS, from the adapter install until AzureMfaServerAuthentication is checked again. Announce it and plan it as one.`,
          steps: [
            {
              ...(install ? fromPlan(h, install) : fleetStep(h.name, STEP.installAdfs, 'install', 'adfs-adapter', '', '')),
              title: 'Install the new AD FS adapter (the outage starts here: no other AD FS server keeps serving)',
            },
            fleetStep(
              h.name,
              STEP.adfsPolicyUncheck,
              'configure',
              'adfs-adapter',
              'Uncheck the old provider in the global MFA policy',
              'One AD FS server: it cannot be taken out of the farm while others serve. Announce the outage before the install; until the last step of this wave no sign-in gets an MFA Server second factor through AD FS.',
            ),
            st(
              h,
              STEP.adfsUnregisterOld,
              'uninstall',
              'Unregister the old provider by its exact name (Unregister-MultiFactorAuthenticationAdfsAdapter.ps1)',
            ),
            st(h, STEP.adfsRegisterNew, 'install', 'Register the new provider (Register-MultiFactorAuthenticationAdfsAdapter.ps1)'),
            st(h, STEP.adfsRestart, 'configure', 'Restart the AD FS service'),
            {
              ...st(h, STEP.adfsPolicyCheck, 'configure', ''),
              title: 'Check AzureMfaServerAuthentication in the global MFA policy (the outage ends here)',
            },
          ],
        },
      ]);
      continue;
    }
    const half = Math.ceil(members.length / 2);
    const first = members.slice(0, half);
    const second = members.slice(half);
    const lead = first[0];
    adfsTracks.push([
      {
        kind: 'adfs-first-half',
        group: farm,
        track,
        title: `AD FS farm ${farm}, first half: ${first.map((h) => h.name).join(', ')} (${second.map((h) => h.name).join(', ')} keep serving)`,
        steps: first.flatMap((h) => [
          st(h, STEP.drainAdfsFirstHalf, 'drain', 'Remove this server from the AD FS farm'),
          st(
            h,
            STEP.installAdfs,
            'install',
            'Install the new AD FS adapter (MultiFactorAuthenticationAdfsAdapterSetup64.msi, or the MFA Server admin UI where MFA Server runs here)',
          ),
        ]),
      },
      {
        kind: 'adfs-policy',
        group: farm,
        track,
        title: `AD FS farm ${farm}: switch the provider (once per farm; no two-step verification until it is checked again)`,
        steps: [
          st(lead, STEP.adfsPolicyUncheck, 'configure', 'Uncheck the old provider in the global MFA policy'),
          st(
            lead,
            STEP.adfsUnregisterOld,
            'uninstall',
            'Unregister the old provider by its exact name (Unregister-MultiFactorAuthenticationAdfsAdapter.ps1)',
          ),
          st(lead, STEP.adfsRegisterNew, 'install', 'Register the new provider (Register-MultiFactorAuthenticationAdfsAdapter.ps1)'),
          ...first.map((h) => st(h, STEP.adfsRestart, 'configure', 'Restart the AD FS service')),
          ...first.map((h) => st(h, STEP.restoreAdfsFirstHalf, 'restore', 'Add this server back to the AD FS farm')),
          ...second.map((h) => st(h, STEP.drainAdfsSecondHalf, 'drain', 'Remove this server from the AD FS farm')),
          st(lead, STEP.adfsPolicyCheck, 'configure', 'Check AzureMfaServerAuthentication in the global MFA policy'),
        ],
      },
      {
        kind: 'adfs-second-half',
        group: farm,
        track,
        title: `AD FS farm ${farm}, second half: ${second.map((h) => h.name).join(', ')}`,
        steps: second.flatMap((h) => [
          st(h, STEP.installAdfs, 'install', 'Install the new AD FS adapter'),
          st(h, STEP.adfsRestart, 'configure', 'Restart the AD FS service'),
          st(h, STEP.restoreAdfsSecondHalf, 'restore', 'Add this server back to the AD FS farm'),
        ]),
      },
    ]);
  }
  tracks(adfsTracks);
  push({
    kind: 'after-upgrade',
    group: null,
    track: null,
    slot: slot++,
    title: 'After the upgrade',
    steps: pending.flatMap((h) => steps(h, 'after-upgrade', false)),
  });

  // Slots renumbered densely (a track list that kept no wave leaves no gap).
  // In slot order (stable: a track's own waves keep their order), so doing the waves one by one is also right.
  const used = [...new Set(waves.map((w) => w.slot))].sort((a, b) => a - b);
  const ordered = waves
    .map((w, i) => ({ w, i }))
    .sort((a, b) => a.w.slot - b.w.slot || a.i - b.i)
    .map((x) => x.w);
  return ordered.map((w, i) => ({
    order: i + 1,
    title: w.title,
    kind: w.kind,
    group: w.group,
    slot: used.indexOf(w.slot) + 1,
    track: w.track ?? null,
    hosts: w.hosts,
    steps: w.steps,
  }));
}
