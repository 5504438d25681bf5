#!/usr/bin/env node
/**
 * Scaffolds a rule: `npm run new-rule -- MFA-XXX-000` writes
 *
 *   src/rules/catalog/MFA-XXX-000.ts   (MFA-FLEET-*: src/fleet/rules/MFA-FLEET-000.ts)
 *   test/rules/MFA-XXX-000.test.ts
 *   docs/rules/MFA-XXX-000.md
 *
 * and runs scripts/gen-rules.mjs, which lists the rule in the index and writes its page's header. Nothing else is
 * edited by hand. The skeletons say TODO where a decision is needed; test/rules/catalog.test.ts fails until the
 * rule names a real step of docs/procedures.md, reports every message it declares and its test expects each one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const id = process.argv[2] ?? '';

function fail(message) {
  console.error(`new-rule: ${message}`);
  process.exit(2);
}

if (!/^MFA-[A-Z]+-\d{3}$/.test(id))
  fail(`"${id}" is not a rule id like MFA-BKP-015 (MFA-, capitals, -, three digits); usage: npm run new-rule -- MFA-XXX-000`);
const fleet = id.startsWith('MFA-FLEET-');
const files = {
  rule: fleet ? `src/fleet/rules/${id}.ts` : `src/rules/catalog/${id}.ts`,
  test: `test/rules/${id}.test.ts`,
  doc: `docs/rules/${id}.md`,
};
for (const f of Object.values(files))
  if (existsSync(path.join(ROOT, f))) fail(`${f} already exists: ${id} is taken (ids are never reused)`);
const other = fleet ? `src/rules/catalog/${id}.ts` : `src/fleet/rules/${id}.ts`;
if (existsSync(path.join(ROOT, other))) fail(`${other} already exists: ${id} is taken`);

const meta = (severity) => `    id: '${id}',
    title: 'TODO: what is wrong, in one line',
    severity: '${severity}',
    component: 'host',
    stages: ${fleet ? "'all'" : "['pre']"},
    pendingOnly: ${fleet ? 'false' : 'true'},
    // The plan steps (src/plan/steps.ts, as STEP.x) this rule's findings call for.
    planSteps: [],
    // Kept in reports for compatibility (finding.seed): the procedure's section, in a few words.
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'TODO' },
    // TODO: the step of docs/procedures.md this rule checks (add the step there first if it is missing).
    procedure: 'TODO',
    description: 'TODO: what it checks and why, one or two sentences (shown by \`mfa-readiness rules\`).',
    messages: {
      // TODO: one message per outcome; {{name}} is filled from the hit's data.
      found: 'TODO: what the user sees about {{what}}, and what to do.',
    },`;

const rule = fleet
  ? `import { defineFleetRule } from './helpers.js';
import type { FleetHit } from '../types.js';

export default defineFleetRule({
  meta: {
${meta('medium')}
  },
  check(ctx) {
    const hits: FleetHit[] = [];
    // TODO: for each problem across ctx.hosts:
    // hits.push({ host: h.name, messageId: <a key of meta.messages>, data: { what: ... }, evidence: [...], key: ... });
    void ctx;
    return hits;
  },
});
`
  : `import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
${meta('medium')}
  },
  check({ facts }) {
    const hits: RuleHit[] = [];
    // TODO: from the facts only (src/types.ts Facts), for each problem:
    // hits.push({ messageId: <a key of meta.messages>, data: { what: ... }, evidence: [{ source: 'file', location: ..., observed: ... }], key: ... });
    void facts;
    return hits;
  },
});
`;

const test = fleet
  ? `/** ${id}: valid and invalid fleets (see fleet-tester.ts). */
import { fleetRuleTester } from './fleet-tester.js';
import { host } from './fleet-hosts.js';

fleetRuleTester('${id}', {
  valid: [
    { name: 'a single healthy MFA Server', hosts: [host('MFA01')] },
  ],
  invalid: [
    // TODO: one case per message and branch: { name, hosts, findings: [{ host, messageId, data, severity }] }
  ],
});
`
  : `/** ${id}: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { makeFacts } from './facts.js';

ruleTester('${id}', {
  valid: [
    { name: 'nothing found', facts: makeFacts() },
  ],
  invalid: [
    // TODO: one case per message and branch: { name, facts, opts?, findings: [{ messageId, data, severity, outcome? }] }
  ],
});
`;

const doc = `# ${id}

## What it checks

TODO: the facts it looks at and when it fires.

## Why it matters

TODO: what goes wrong in the window if this is ignored.

## How to fix

TODO: what to do, with the commands.

## Waive it

A waiver keeps the finding in the report, marked waived; it no longer counts for \`--fail-on\` or the verdict.

\`\`\`yaml
waivers:
  - rule: ${id}
    host: MFA01
    reason: "TODO, CHG0012345"
    expires: 2027-01-31
\`\`\`
`;

writeFileSync(path.join(ROOT, files.rule), rule);
writeFileSync(path.join(ROOT, files.test), test);
writeFileSync(path.join(ROOT, files.doc), doc);
try {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-rules.mjs')], { stdio: 'inherit' });
} catch {
  fail(`wrote ${Object.values(files).join(', ')}, but scripts/gen-rules.mjs failed (above); fix that and run npm run build`);
}
console.log(
  `new-rule: wrote ${Object.values(files).join(', ')}; fill in the TODOs, then npx vitest run test/rules/${id}.test.ts test/rules/catalog.test.ts`,
);
