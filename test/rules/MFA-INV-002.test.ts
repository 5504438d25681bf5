/** MFA-INV-002: valid and invalid cases (see tester.ts). */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { ruleTester, ruleById } from './tester.js';
import { makeFacts, opts } from './facts.js';
import { agent5, mfaHost, server70, server81 } from './hosts.js';

ruleTester('MFA-INV-002', {
  valid: [
    {
      name: 'install path exists',
      facts: mfaHost({
        installPaths: [
          {
            path: 'C:\\Program Files\\PhoneFactor',
            exists: true,
            evidence: {
              source: 'registry',
              location: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\\InstallPath',
              observed: 'C:\\Program Files\\PhoneFactor',
            },
          },
        ],
      }),
    },
    {
      name: 'stage adfs',
      facts: mfaHost({
        installPaths: [
          { path: 'D:\\PhoneFactor', exists: false, evidence: { source: 'registry', location: 'x', observed: 'D:\\PhoneFactor' } },
        ],
      }),
      opts: { stage: 'adfs' },
    },
  ],
  invalid: [
    {
      name: 'the registry names a missing folder',
      facts: makeFacts({
        components: [agent5()],
        installPaths: [
          {
            path: 'C:\\Program Files\\PhoneFactor',
            exists: false,
            evidence: {
              source: 'registry',
              location: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\\InstallPath',
              observed: 'C:\\Program Files\\PhoneFactor',
            },
          },
        ],
      }),
      findings: [
        { messageId: 'missing', data: { path: 'C:\\Program Files\\PhoneFactor', drive: 'C:' }, severity: 'high', component: 'server' },
      ],
    },
    {
      name: 'the drive is not in the copy: unknown',
      facts: makeFacts({
        components: [server70()],
        installPaths: [
          { path: 'D:\\MFA', exists: null, evidence: { source: 'registry', location: 'HKLM\\...\\InstallLocation', observed: 'D:\\MFA' } },
        ],
      }),
      findings: [{ messageId: 'driveMissing', data: { path: 'D:\\MFA', drive: 'D:' }, severity: 'high', outcome: 'unknown' }],
    },
  ],
});

// Only the upgrade rules (backups, prerequisites, virtual directories, components, HA, AD FS) wait for a pending
// upgrade (docs/rules/README.md, "When a rule runs"): a host already at the target still gets the inventory rules.
describe('MFA-INV-002 on a host at the target', () => {
  it('still reports a registry install path that does not exist (inventory is not pendingOnly)', () => {
    const f = makeFacts({
      components: [server81()],
      installPaths: [
        {
          path: 'C:\\Program Files\\PhoneFactor',
          exists: false,
          evidence: {
            source: 'registry',
            location: 'HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor\\InstallPath',
            observed: 'C:\\Program Files\\PhoneFactor',
          },
        },
      ],
    });
    const run = runRules(f, opts(), [ruleById('MFA-INV-002')]);
    expect(run.upgradePath).toBe('none');
    expect(run.findings.map((x) => x.ruleId)).toEqual(['MFA-INV-002']);
  });
});
