import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';
import { mfaServerOf, mustChange, UTILITY_BUILD } from '../migration.js';
import { compareVersions } from '../../util/version.js';

const KEY = 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';
const norm = (p: string) => p.toLowerCase().replace(/\//g, '\\').replace(/\\+$/, '');

export default defineRule({
  meta: {
    id: 'MFA-MIG-020',
    title: 'After the window: the server that runs the Migration Utility is not ready',
    severity: 'critical',
    severityNote:
      "critical where the build or the utility's files are not there, or the data file is not in the install folder; high where StsUrl/GraphUrl are not both set or the server was installed into another folder than before the window",
    component: 'server',
    stages: ['post'],
    goals: ['migrate'],
    pendingOnly: false,
    planSteps: [STEP.installServer, STEP.migrateConfigureUtility],
    seed: { file: 'rules.md', section: 'MFA Server migration: Install MFA Server update' },
    procedure: 'migrate-install',
    description: `At --goal migrate --stage post, on the primary (or the dedicated migration server): MFA Server is at ${UTILITY_BUILD} or later, the utility's files are in the install folder, StsUrl and GraphUrl are set, the data file is in that folder (upgraded in place) and, with --baseline, the install folder is the one of before the window. The service's own folder is MFA-POST-020's.`,
    messages: {
      build:
        'MFA Server on {{host}} is {{version}}, not the {{build}} build that carries the Migration Utility: run the new installer in place.',
      files: "The Migration Utility's files are not in {{folder}} ({{files}}): the install did not finish; run the new installer again.",
      filesUnknown: "Whether the Migration Utility's files are in {{folder}} cannot be told (the folder could not be read).",
      notConfigured:
        'StsUrl and GraphUrl are not both set under {{key}} ({{missing}} missing): run Configure-MultiFactorAuthMigrationUtility.ps1 in an elevated PowerShell.',
      registryUnknown:
        'The registry export does not cover {{key}}: whether the configure script ran cannot be told. Export it with the bundle.',
      noData:
        'The data file {{path}} is not in the install folder: the installer upgrades it in place there; find where the server now reads its data before going on.',
      moved:
        'MFA Server is now in {{now}}, but was in {{before}} before the window: the new build went into another folder, so the data file upgraded is not the one of before. Reinstall into {{before}}, or move the data file and check users and settings.',
    },
  },
  check({ facts, opts }) {
    if (!mustChange(facts)) return [];
    const host = facts.host.name ?? 'this server';
    const s = mfaServerOf(facts);
    const hits: RuleHit[] = [];
    if (!s || s.component === 'agent' || !s.version || compareVersions(s.version, UTILITY_BUILD) < 0) {
      hits.push({
        messageId: 'build',
        data: { host, version: s?.version ?? 'of unknown version', build: UTILITY_BUILD },
        evidence: s?.evidence.slice(0, 1) ?? [],
        key: 'post-build',
      });
    }
    const m = facts.migration;
    if (m?.folder) {
      const missing = m.files.filter((f) => f.present === false);
      const unknown = m.files.filter((f) => f.present === null);
      if (missing.length)
        hits.push({
          messageId: 'files',
          data: { folder: m.folder, files: missing.map((f) => f.name).join(', ') },
          evidence: missing.map((f) => ({ source: 'file' as const, location: f.path, observed: 'not found' })),
          key: 'post-files',
        });
      else if (unknown.length)
        hits.push({
          messageId: 'filesUnknown',
          outcome: 'unknown',
          data: { folder: m.folder },
          evidence: unknown.map((f) => ({ source: 'file' as const, location: f.path, observed: 'folder could not be read' })),
          key: 'post-files',
        });
    }
    if (m && !(m.stsUrl && m.graphUrl)) {
      if (!m.registryKnown)
        hits.push({
          messageId: 'registryUnknown',
          outcome: 'unknown',
          severity: 'high',
          data: { key: KEY },
          evidence: [{ source: 'registry', location: KEY, observed: 'not in the registry exports' }],
          key: 'post-config',
        });
      else {
        const missing = [m.stsUrl ? null : 'StsUrl', m.graphUrl ? null : 'GraphUrl'].filter((x): x is string => !!x);
        hits.push({
          messageId: 'notConfigured',
          severity: 'high',
          data: { key: KEY, missing: missing.join(' and ') },
          evidence: missing.map((n) => ({ source: 'registry' as const, location: `${KEY}\\${n}`, observed: 'absent' })),
          key: 'post-config',
        });
      }
    }
    const d = facts.dataFile;
    if (d && !d.original.exists && !d.original.unreadable) {
      hits.push({
        messageId: 'noData',
        data: { path: d.original.path },
        evidence: [{ source: 'file', location: d.original.path, observed: 'not found' }],
        key: 'post-data',
      });
    }
    const before =
      opts.baseline?.report.inventory.components.find((c) => c.component === 'server' || c.component === 'agent')?.installPath ?? null;
    const now = s?.installPath ?? null;
    if (before && now && norm(before) !== norm(now)) {
      hits.push({
        messageId: 'moved',
        severity: 'high',
        data: { now, before },
        evidence: [
          ...(s?.evidence.slice(0, 1) ?? []),
          { source: 'bundle', location: opts.baseline!.file, observed: `install folder before the window: ${before}` },
        ],
        key: 'post-folder',
      });
    }
    return hits;
  },
});
