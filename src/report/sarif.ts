/**
 * `--format sarif`: the report as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the
 * file code-scanning dashboards and CI result viewers read. https://docs.oasis-open.org/sarif/sarif/v2.1.0/
 *
 * One run. Its driver lists the rule catalog (each rule's title, description, severity and page); each finding is
 * one result, its level from its severity, its place the host (and component) as logical locations, its id as a
 * partial fingerprint so a viewer follows the same finding from scan to scan; a waived finding carries its waiver
 * as an accepted external suppression; what could not be read (`problems`) are the run's tool notifications.
 * A pure function of the report, keys in a fixed order: the same report gives the same bytes.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Log, LogicalLocation, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Report, Severity } from '../types.js';
import { RULES } from '../rules/index.js';
import { TOOL_VERSION } from '../version.js';
import { PROJECT_ROOT } from './paths.js';
import { RULE_DOCS_DIR, ruleDocPath } from './procedures.js';
import { normalizeReport, outcomeLabel } from './view.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** critical and high are errors, medium a warning, low and info notes. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

/**
 * The absolute address of a rule's page (docs/rules/<ID>.md) in this installed package, a file: URI: SARIF wants an
 * absolute URI, and the project publishes its pages with the package (the JSON report names the same page by its
 * path relative to the package root, `rulePage`).
 */
export function rulePageUri(ruleId: string): string | undefined {
  const rel = ruleDocPath(ruleId);
  return rel ? pathToFileURL(join(PROJECT_ROOT, rel)).href : undefined;
}

interface CatalogEntry {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  component: string;
}

function descriptor(r: CatalogEntry): ReportingDescriptor {
  const help = rulePageUri(r.id);
  return {
    id: r.id,
    name: r.id,
    shortDescription: { text: r.title },
    fullDescription: { text: r.description || r.title },
    ...(help ? { helpUri: help } : {}),
    help: {
      text: `${r.description || r.title}\nRule page: ${ruleDocPath(r.id) ?? `${RULE_DOCS_DIR}/README.md`} (mfa-readiness rules ${r.id})`,
    },
    defaultConfiguration: { level: sarifLevel(r.severity) },
    properties: { severity: r.severity, component: r.component, tags: ['mfa-readiness', r.component] },
  };
}

/** The host catalog, then any rule a finding names that the catalog does not hold (a fleet rule, a rule of another version). */
function catalogFor(findings: readonly Finding[]): CatalogEntry[] {
  const entries: CatalogEntry[] = RULES.map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    description: r.meta.description,
    severity: r.meta.severity,
    component: r.meta.component,
  }));
  const known = new Set(entries.map((e) => e.id));
  for (const f of findings) {
    if (known.has(f.ruleId)) continue;
    known.add(f.ruleId);
    entries.push({ id: f.ruleId, title: f.title, description: '', severity: f.severity, component: f.component });
  }
  return entries;
}

function resultOf(f: Finding, ruleIndex: number, logicalIndex: number, fqn: string): Result {
  const first = f.evidence[0];
  const unknown = f.outcome === 'unknown';
  const text = `${unknown ? 'Could not be determined: ' : ''}${f.message}${first ? ` (${first.location}: ${first.observed})` : ''}`;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    kind: 'fail',
    level: sarifLevel(f.severity),
    message: { text },
    locations: [{ logicalLocations: [{ index: logicalIndex, fullyQualifiedName: fqn }] }],
    partialFingerprints: { 'mfaReadinessFindingId/v1': f.id },
    ...(f.waiver
      ? {
          suppressions: [
            {
              kind: 'external' as const,
              status: 'accepted' as const,
              justification: `${f.waiver.reason}${f.waiver.expires ? ` (until ${f.waiver.expires})` : ''}`,
            },
          ],
        }
      : {}),
    properties: {
      findingId: f.id,
      severity: f.severity,
      outcome: f.outcome,
      outcomeLabel: outcomeLabel(f),
      component: f.component,
      title: f.title,
      evidence: f.evidence.map((e) => ({ source: e.source, location: e.location, observed: e.observed })),
      planSteps: [...f.planSteps],
    },
  };
}

/** The SARIF log of one host report. */
export function renderSarif(input: Report): string {
  const report = normalizeReport(input);
  const host = report.host.name ?? 'unknown host';
  const rules = catalogFor(report.findings);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // The host, then each component a finding names, as its child.
  const logical: LogicalLocation[] = [{ name: host, fullyQualifiedName: host, kind: 'resource' }];
  const componentIndex = new Map<string, number>();
  for (const f of report.findings) {
    if (componentIndex.has(f.component)) continue;
    componentIndex.set(f.component, logical.length);
    logical.push({ name: f.component, fullyQualifiedName: `${host}/${f.component}`, kind: 'module', parentIndex: 0 });
  }
  const v = report.verdict;
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mfa-readiness',
            semanticVersion: TOOL_VERSION,
            version: TOOL_VERSION,
            rules: rules.map(descriptor),
          },
        },
        automationDetails: { id: `mfa-readiness/${host}/${report.scan.startedAt}` },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.scan.startedAt,
            toolExecutionNotifications: report.problems.map((p) => ({
              level: 'warning' as const,
              message: { text: `${p.location}: ${p.message}` },
            })),
          },
        ],
        logicalLocations: logical,
        results: report.findings.map((f) => {
          const li = componentIndex.get(f.component)!;
          return resultOf(f, ruleIndex.get(f.ruleId)!, li, logical[li].fullyQualifiedName!);
        }),
        properties: {
          host,
          status: v.status,
          gate: v.gate,
          failOn: v.failOn,
          counts: { ...v.counts },
          waived: v.waived,
          targetVersion: report.scan.targetVersion,
          stage: report.scan.stage,
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
