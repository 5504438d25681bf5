/** MFA-BKP-003: valid and invalid cases (see tester.ts). */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { ruleTester, ruleById } from './tester.js';
import { backup, comp, file, makeFacts, opts } from './facts.js';
import { DATA, mfaHost, server81 } from './hosts.js';

ruleTester('MFA-BKP-003', {
  valid: [
    { name: 'data file on disk', facts: mfaHost() },
    { name: 'a web host has no data file', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }) },
    { name: 'at the target', facts: mfaHost({ dataFile: null }, server81()) },
  ],
  invalid: [
    { name: 'data file missing from the install folder', facts: mfaHost({ dataFile: backup(DATA, [], { exists: false, source: 'none', size: null, mtime: null }) }), findings: [{ messageId: 'missing', data: { path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata' }, severity: 'high', component: 'data' }] },
    { name: 'no install folder to look in', facts: mfaHost({ dataFile: null }), findings: [{ messageId: 'missing', data: { path: '<install path>\\Data\\PhoneFactor.pfdata' }, severity: 'high' }] },
  ],
});


// rules.md "Unknown": where a rule's facts could not be read, the finding is `unknown`. Here the registry's
// install path is on a drive the copy does not have (MFA-INV-002 says unknown), so the data file's absence is
// not established. MFA-BKP-003 reports `fail` instead (see the report).
describe('MFA-BKP-003 with the install drive absent from the copy', () => {
  it('is unknown, not fail', () => {
    const f = mfaHost({ dataFile: null, installPaths: [{ path: 'D:\\MFA', exists: null, evidence: { source: 'registry', location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{x}\\InstallLocation', observed: 'D:\\MFA' } }] });
    const run = runRules(f, opts(), [ruleById('MFA-BKP-003')]);
    expect(run.findings.map((x) => `${x.outcome} ${x.severity}`)).toEqual(['unknown high']);
  });
});

