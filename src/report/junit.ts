import { XMLBuilder } from '../xml/fxp.js';
import type { Finding, Report } from '../types.js';
import { atOrAbove, compareFindings } from './verdict.js';
import { xmlClean } from './text.js';

/** A rule of the catalog that ran in this scan (the lead passes the catalog entries that ran). */
export interface RuleRan {
  id: string;
  title: string;
  component: string;
}

const OUTCOME = { fail: 'failed', unknown: 'could not be determined' } as const;

function describe(f: Finding): string {
  const lines = [
    `[${f.severity}] ${f.ruleId} ${f.title} (finding ${f.id}, outcome: ${OUTCOME[f.outcome] ?? f.outcome})`,
    f.message,
    ...f.evidence.map((e) => `  ${e.source} ${e.location}: ${e.observed}`),
  ];
  if (f.waiver) lines.push(`  waived: ${f.waiver.reason}${f.waiver.expires ? ` (until ${f.waiver.expires})` : ''}`);
  return lines.join('\n');
}

/**
 * JUnit XML: one testsuite for the host, one testcase per rule that ran (classname = the rule's component,
 * name = "RULE-ID title"), sorted by rule id. A testcase
 *  - fails where an unwaived finding of the rule is at or above `verdict.failOn`;
 *  - else is skipped (message: the waiver's reason) where every finding of the rule is waived;
 *  - else passes, its findings (below the threshold) in system-out.
 * Findings of a rule missing from `rulesRan` (e.g. MFA-WVR-001) get a testcase too, so none is lost.
 * Text is XML-escaped by fast-xml-parser; characters XML 1.0 forbids are made visible or dropped.
 */
export function renderJunit(report: Report, rulesRan: readonly RuleRan[]): string {
  const failOn = report.verdict.failOn;
  const findings = [...report.findings].sort(compareFindings);
  const rules = new Map<string, RuleRan>();
  for (const r of rulesRan) rules.set(r.id, r);
  for (const f of findings) if (!rules.has(f.ruleId)) rules.set(f.ruleId, { id: f.ruleId, title: f.title, component: f.component });
  const ids = [...rules.keys()].sort();
  const hostName = report.host.name ?? 'unknown-host';
  let failures = 0;
  let skipped = 0;
  const testcases = ids.map((id) => {
    const rule = rules.get(id)!;
    const own = findings.filter((f) => f.ruleId === id);
    const failing = own.filter((f) => !f.waiver && atOrAbove(f.severity, failOn));
    const tc: Record<string, unknown> = {
      '@_classname': xmlClean(rule.component),
      '@_name': xmlClean(`${rule.id} ${rule.title}`),
    };
    if (failing.length > 0) {
      failures++;
      const first = failing[0]!;
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
      tc.skipped = { '@_message': xmlClean(`waived: ${own.map((f) => f.waiver!.reason).filter((r, i, a) => a.indexOf(r) === i).join('; ')}`.replace(/\s+/g, ' ')) };
      tc['system-out'] = xmlClean(own.map(describe).join('\n\n'));
    } else if (own.length > 0) {
      tc['system-out'] = xmlClean(own.map(describe).join('\n\n'));
    }
    return tc;
  });
  const suite = {
    '@_name': xmlClean(hostName),
    '@_tests': String(testcases.length),
    '@_failures': String(failures),
    '@_errors': '0',
    '@_skipped': String(skipped),
    '@_timestamp': xmlClean(report.scan.startedAt),
    '@_hostname': xmlClean(hostName),
    properties: {
      property: [
        ['tool.version', report.tool.version],
        ['ruleset', report.tool.rulesetVersion],
        ['target.version', report.scan.targetVersion],
        ['fail-on', failOn],
        ['verdict', report.verdict.status],
        ['gate', report.verdict.gate],
        ['input.digest', report.scan.inputDigest],
      ].map(([name, value]) => ({ '@_name': name, '@_value': xmlClean(String(value)) })),
    },
    testcase: testcases,
  };
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
      '@_tests': String(testcases.length),
      '@_failures': String(failures),
      '@_errors': '0',
      '@_skipped': String(skipped),
      testsuite: [suite],
    },
  }) as string;
  return xml.endsWith('\n') ? xml : xml + '\n';
}
