import { XMLBuilder } from '../xml/fxp.js';
import type { Finding, Report } from '../types.js';
import type { FleetReport } from '../fleet/types.js';
import { FLEET_RULES } from '../fleet/rules/index.js';
import { rulesRanFor } from './rerender.js';
import { atOrAbove, compareFindings } from './verdict.js';
import { SEVERITIES } from '../types.js';
import { incompleteness, xmlClean } from './text.js';
import { changeProperties } from './change.js';

/** A rule of the catalog that ran in this scan (the lead passes the catalog entries that ran). */
export interface RuleRan {
  id: string;
  title: string;
  component: string;
}

function outcomeText(f: Pick<Finding, 'outcome' | 'severity'>): string {
  if (f.outcome === 'unknown') return 'could not be determined';
  return f.severity === 'info' ? 'noted' : 'failed';
}

function describe(f: Finding & { host?: string }): string {
  const lines = [
    `[${f.severity}] ${f.ruleId} ${f.title} (${f.host ? `host ${f.host}, ` : ''}finding ${f.id}, outcome: ${outcomeText(f)})`,
    f.message,
    ...f.evidence.map((e) => `  ${e.source} ${e.location}: ${e.observed}`),
  ];
  if (f.waiver) lines.push(`  waived: ${f.waiver.reason}${f.waiver.expires ? ` (until ${f.waiver.expires})` : ''}`);
  return lines.join('\n');
}

type Suite = Record<string, unknown> & { failures: number; skipped: number; tests: number };

/**
 * The testcases of one host (or of the fleet rules): one per rule, classname `<host>.<component>` so results
 * from several hosts stay apart once a CI server flattens them. A testcase
 *  - fails where an unwaived finding of the rule is at or above `failOn`;
 *  - else is skipped (message: the waiver's reason) where every finding of the rule is waived;
 *  - else passes, its findings (below the threshold) in system-out.
 */
function testcases(
  findings: (Finding & { host?: string })[],
  rulesRan: readonly RuleRan[],
  failOn: Report['verdict']['failOn'],
  classPrefix: string,
): { cases: Record<string, unknown>[]; failures: number; skipped: number } {
  const sorted = [...findings].sort(compareFindings);
  const rules = new Map<string, RuleRan>();
  for (const r of rulesRan) rules.set(r.id, r);
  for (const f of sorted) if (!rules.has(f.ruleId)) rules.set(f.ruleId, { id: f.ruleId, title: f.title, component: f.component });
  let failures = 0;
  let skipped = 0;
  const cases = [...rules.keys()].sort().map((id) => {
    const rule = rules.get(id)!;
    const own = sorted.filter((f) => f.ruleId === id);
    const failing = own.filter((f) => !f.waiver && atOrAbove(f.severity, failOn));
    const tc: Record<string, unknown> = {
      '@_classname': xmlClean(`${classPrefix}.${rule.component}`),
      '@_name': xmlClean(`${rule.id} ${rule.title}`),
    };
    if (failing.length > 0) {
      failures++;
      const first = failing[0];
      tc.failure = {
        '@_type': first.severity,
        '@_message': xmlClean(
          `${failing.length} unwaived finding(s) at or above --fail-on ${failOn}: ${first.message}`.replace(/\s+/g, ' '),
        ),
        '#text': xmlClean(failing.map(describe).join('\n\n')),
      };
      const rest = own.filter((f) => !failing.includes(f));
      if (rest.length) tc['system-out'] = xmlClean(rest.map(describe).join('\n\n'));
    } else if (own.length > 0 && own.every((f) => f.waiver)) {
      skipped++;
      tc.skipped = {
        '@_message': xmlClean(
          `waived: ${own
            .map((f) => f.waiver!.reason)
            .filter((r, i, a) => a.indexOf(r) === i)
            .join('; ')}`.replace(/\s+/g, ' '),
        ),
      };
      tc['system-out'] = xmlClean(own.map(describe).join('\n\n'));
    } else if (own.length > 0) {
      tc['system-out'] = xmlClean(own.map(describe).join('\n\n'));
    }
    return tc;
  });
  return { cases, failures, skipped };
}

const properties = (pairs: [string, string | null | undefined][]) => ({
  property: pairs.map(([name, value]) => ({ '@_name': name, '@_value': xmlClean(String(value ?? '')) })),
});

function hostSuite(report: Report, rulesRan: readonly RuleRan[]): Suite {
  const failOn = report.verdict.failOn;
  const hostName = report.host.name ?? 'unknown-host';
  const { cases, failures: ruleFailures, skipped } = testcases(report.findings, rulesRan, failOn, hostName);
  let failures = ruleFailures;
  // A gate failed by no finding at or above --fail-on (--fail-on-unknown): one testcase says so, so JUnit fails too.
  if (report.verdict.gate === 'fail' && failures === 0) {
    failures = 1;
    const why = incompleteness(report).text ?? 'the gate failed';
    cases.push({
      '@_classname': xmlClean(`${hostName}.gate`),
      '@_name': 'gate',
      failure: { '@_type': 'gate', '@_message': xmlClean(why) },
    });
  }
  return {
    '@_name': xmlClean(hostName),
    '@_tests': String(cases.length),
    '@_failures': String(failures),
    '@_errors': '0',
    '@_skipped': String(skipped),
    '@_timestamp': xmlClean(report.scan.startedAt),
    '@_hostname': xmlClean(hostName),
    properties: properties([
      ['tool.version', report.tool.version],
      ['ruleset', report.tool.rulesetVersion],
      ['target.version', report.scan.targetVersion],
      ['fail-on', failOn],
      ['verdict', report.verdict.status],
      ['gate', report.verdict.gate],
      ['input.digest', report.scan.inputDigest],
      ...changeProperties(report),
    ]),
    testcase: cases,
    failures,
    skipped,
    tests: cases.length,
  };
}

/**
 * `<testsuites>` carries name, tests, failures and errors only: Jenkins' JUnit schema (and others built on
 * it) reject a `skipped` attribute there; each `<testsuite>` keeps its own.
 */
function build(suites: Suite[]): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    processEntities: true,
  });
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'mfa-readiness',
      '@_tests': String(suites.reduce((n, s) => n + s.tests, 0)),
      '@_failures': String(suites.reduce((n, s) => n + s.failures, 0)),
      '@_errors': '0',
      testsuite: suites.map(({ failures: _f, skipped: _s, tests: _t, ...suite }) => suite),
    },
  });
  return xml.endsWith('\n') ? xml : xml + '\n';
}

/**
 * JUnit XML of one host: one testsuite named after the host, one testcase per rule that ran (classname
 * `<host>.<component>`, name "RULE-ID title"), sorted by rule id; failing exactly where the gate fails.
 * Findings of a rule missing from `rulesRan` (e.g. MFA-WVR-001) get a testcase too, so none is lost.
 * Text is XML-escaped by fast-xml-parser; characters XML 1.0 forbids are made visible or dropped.
 */
export function renderJunit(report: Report, rulesRan: readonly RuleRan[]): string {
  return build([hostSuite(report, rulesRan)]);
}

/**
 * JUnit XML of a fleet: one testsuite per host, in the fleet's order, and one (`fleet`) for the cross-host rules.
 * A host with its full report (`hostReports`, by host name) gets a testcase per rule as `scan` writes; a host
 * known only by its summary (a saved fleet report) gets one testcase, failing where its gate failed; a host that
 * could not be scanned or read gets a failing testcase naming why (unknown is not ready).
 */
export function renderFleetJunit(
  fleet: FleetReport,
  opts: { hostReports?: ReadonlyMap<string, Report>; rulesRan?: readonly RuleRan[]; fleetRules?: readonly RuleRan[] } = {},
): string {
  const failOn = fleet.verdict.failOn;
  const suites: Suite[] = fleet.hosts.map((h) => {
    const full = opts.hostReports?.get(h.name);
    if (full && h.status !== 'failed') return hostSuite(full, opts.rulesRan ?? rulesRanFor(full));
    const tc: Record<string, unknown> = { '@_classname': xmlClean(`${h.name}.host`), '@_name': 'readiness' };
    let failures = 0;
    if (h.status === 'failed' || !h.verdict) {
      failures = 1;
      tc.failure = {
        '@_type': 'not-scanned',
        '@_message': xmlClean(`${h.target}: could not be scanned: ${h.reason ?? 'unknown reason'}`.replace(/\s+/g, ' ')),
      };
    } else {
      const counts = SEVERITIES.map((s) => `${h.verdict!.counts[s] ?? 0} ${s}`).join(', ');
      const text = `${h.verdict.status}: ${counts}; ${h.verdict.waived} waived`;
      if (h.verdict.gate === 'fail') {
        failures = 1;
        tc.failure = { '@_type': 'gate', '@_message': xmlClean(`gate failed at --fail-on ${h.verdict.failOn}: ${text}`) };
      } else tc['system-out'] = xmlClean(text);
    }
    return {
      '@_name': xmlClean(h.name),
      '@_tests': '1',
      '@_failures': String(failures),
      '@_errors': '0',
      '@_skipped': '0',
      '@_timestamp': xmlClean(fleet.scan.startedAt),
      '@_hostname': xmlClean(h.name),
      testcase: [tc],
      failures,
      skipped: 0,
      tests: 1,
    };
  });
  const { cases, failures, skipped } = testcases(
    fleet.findings,
    opts.fleetRules ?? FLEET_RULES.map((r) => ({ id: r.meta.id, title: r.meta.title, component: r.meta.component })),
    failOn,
    'fleet',
  );
  suites.push({
    '@_name': 'fleet',
    '@_tests': String(cases.length),
    '@_failures': String(failures),
    '@_errors': '0',
    '@_skipped': String(skipped),
    '@_timestamp': xmlClean(fleet.scan.startedAt),
    properties: properties([
      ['tool.version', fleet.tool.version],
      ['ruleset', fleet.tool.rulesetVersion],
      ['target.version', fleet.scan.targetVersion],
      ['fail-on', failOn],
      ['verdict', fleet.verdict.status],
      ['gate', fleet.verdict.gate],
      ['input.digest', fleet.scan.inputDigest],
    ]),
    testcase: cases,
    failures,
    skipped,
    tests: cases.length,
  });
  return build(suites);
}
