import type { HostStep, HostSummary, Wave, WaveStep } from './types.js';
import { groupOf } from './rules/helpers.js';
import { STEP, type StepId } from '../plan/steps.js';

/**
 * The order of the maintenance window (upgrade-mfa-server-2024.md, "Upgrade steps at a glance"): backups and
 * prerequisites first; per replication group each subordinate on its own (drained one at a time, so the group
 * keeps serving), then the promotion of an upgraded subordinate and the old primary; standalone MFA Servers;
 * User Portal and Mobile App Web Service servers; AD FS servers per farm in two halves with the provider switch
 * (once per farm) between them; what comes after the upgrade last. Steps come from each host's own plan; the
 * promotion and the once-per-farm steps are the fleet's.
 */
export function buildWaves(hosts: readonly HostSummary[]): Wave[] {
  const byName = (a: HostSummary, b: HostSummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.target < b.target ? -1 : 1);
  const pending = hosts.filter((h) => h.status !== 'failed' && h.upgradePath !== null && h.upgradePath !== 'none').sort(byName);
  const adfsMembers = pending.filter((h) => h.components.some((c) => c.component === 'adfs-adapter'));
  const isAdfsStep = (s: HostStep) => s.component === 'adfs-adapter' || /:adfs-/.test(s.id);
  const steps = (h: HostSummary, phase: string, dropAdfs: boolean): WaveStep[] =>
    h.plan.filter((s) => s.phase === phase && !(dropAdfs && adfsMembers.includes(h) && isAdfsStep(s))).map((s) => ({ host: h.name, id: s.id, action: s.action, component: s.component, title: s.title }));
  const waves: Omit<Wave, 'order'>[] = [];
  const push = (w: Omit<Wave, 'order'>) => {
    if (w.steps.length) waves.push({ ...w, hosts: [...new Set(w.steps.map((s) => s.host))] });
  };

  push({ kind: 'before-window', group: null, title: 'Before the window: installers, backups and prerequisites on every server', hosts: [], steps: pending.flatMap((h) => steps(h, 'before-window', false)) });

  // Replication groups (and load-balanced servers): subordinates one at a time, then the primary.
  const mfa = pending.filter((h) => h.hostRole === 'mfa-host');
  const inGroup = (h: HostSummary) => h.roles?.replication === 'primary' || h.roles?.replication === 'subordinate' || h.roles?.loadBalanced === true;
  const groups = new Map<string, HostSummary[]>();
  for (const h of mfa.filter(inGroup)) {
    const g = groupOf(h);
    groups.set(g, [...(groups.get(g) ?? []), h]);
  }
  for (const [g, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const primaries = members.filter((h) => h.roles?.replication === 'primary');
    const others = members.filter((h) => h.roles?.replication !== 'primary');
    for (const s of others) {
      push({ kind: 'replication-subordinate', group: g, title: `Group ${g}: upgrade ${s.name} (out of traffic; the others keep serving)`, hosts: [], steps: steps(s, 'in-window', true) });
    }
    if (primaries.length === 0) continue;
    // The promotion: an upgraded subordinate of the group, else any subordinate (already at the target).
    const candidate = others[0] ?? hosts.filter((h) => h.status !== 'failed' && h.hostRole === 'mfa-host' && h.roles?.replication === 'subordinate' && groupOf(h) === g).sort(byName)[0];
    const promote: WaveStep[] = candidate
      ? [{ host: candidate.name, id: STEP.promoteServer, action: 'configure', component: 'server', title: `Promote ${candidate.name} to primary of group ${g} (MFA Server UI, Multi-Server)` }]
      : [];
    push({
      kind: 'replication-primary', group: g,
      title: `Group ${g}: ${candidate ? `promote ${candidate.name}, then ` : ''}upgrade the old primary ${primaries.map((p) => p.name).join(', ')}`,
      hosts: [], steps: [...promote, ...primaries.flatMap((p) => steps(p, 'in-window', true))],
    });
  }
  push({ kind: 'standalone', group: null, title: 'Standalone MFA Servers', hosts: [], steps: mfa.filter((h) => !inGroup(h)).flatMap((h) => steps(h, 'in-window', true)) });
  push({ kind: 'web', group: null, title: 'User Portal and Mobile App Web Service servers', hosts: [], steps: pending.filter((h) => h.hostRole === 'web-host').flatMap((h) => steps(h, 'in-window', true)) });

  // AD FS, per farm: half the servers, the provider switch once, then the other half.
  const farms = new Map<string, HostSummary[]>();
  for (const h of adfsMembers) {
    const f = h.roles?.adfsFarm ?? `(${h.name})`;
    farms.set(f, [...(farms.get(f) ?? []), h]);
  }
  for (const [farm, members] of [...farms].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const half = Math.ceil(members.length / 2);
    const first = members.slice(0, half);
    const second = members.slice(half);
    const st = (h: HostSummary, id: StepId, action: string, title: string): WaveStep => ({
      host: h.name, id, action, component: id.includes(':host') ? 'host' : 'adfs-adapter', title: h.plan.find((s) => s.id === id)?.title ?? title,
    });
    push({
      kind: 'adfs-first-half', group: farm, title: `AD FS farm ${farm}, first half: ${first.map((h) => h.name).join(', ')}`, hosts: [],
      steps: first.flatMap((h) => [
        st(h, STEP.drainAdfsFirstHalf, 'drain', 'Remove this server from the AD FS farm'),
        st(h, STEP.installAdfs, 'install', 'Install the new AD FS adapter (MultiFactorAuthenticationAdfsAdapterSetup64.msi, or the MFA Server admin UI where MFA Server runs here)'),
      ]),
    });
    const lead = first[0]!;
    push({
      kind: 'adfs-policy', group: farm, title: `AD FS farm ${farm}: switch the provider (once per farm; no two-step verification until it is checked again)`, hosts: [],
      steps: [
        st(lead, STEP.adfsPolicyUncheck, 'configure', 'Uncheck the old provider in the global MFA policy'),
        st(lead, STEP.adfsUnregisterOld, 'uninstall', 'Unregister the old provider by its exact name (Unregister-MultiFactorAuthenticationAdfsAdapter.ps1)'),
        st(lead, STEP.adfsRegisterNew, 'install', 'Register the new provider (Register-MultiFactorAuthenticationAdfsAdapter.ps1)'),
        ...first.map((h) => st(h, STEP.adfsRestart, 'configure', 'Restart the AD FS service')),
        ...first.map((h) => st(h, STEP.restoreAdfsFirstHalf, 'restore', 'Add this server back to the AD FS farm')),
        ...second.map((h) => st(h, STEP.drainAdfsSecondHalf, 'drain', 'Remove this server from the AD FS farm')),
        st(lead, STEP.adfsPolicyCheck, 'configure', 'Check AzureMfaServerAuthentication in the global MFA policy'),
      ],
    });
    push({
      kind: 'adfs-second-half', group: farm, title: `AD FS farm ${farm}, second half: ${second.map((h) => h.name).join(', ')}`, hosts: [],
      steps: second.flatMap((h) => [
        st(h, STEP.installAdfs, 'install', 'Install the new AD FS adapter'),
        st(h, STEP.adfsRestart, 'configure', 'Restart the AD FS service'),
        st(h, STEP.restoreAdfsSecondHalf, 'restore', 'Add this server back to the AD FS farm'),
      ]),
    });
  }
  push({ kind: 'after-upgrade', group: null, title: 'After the upgrade', hosts: [], steps: pending.flatMap((h) => steps(h, 'after-upgrade', false)) });
  return waves.map((w, i) => ({ order: i + 1, ...w }));
}
