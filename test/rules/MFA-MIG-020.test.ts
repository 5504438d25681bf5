/** MFA-MIG-020: after the window, the server that runs the utility (see tester.ts). */
import { ruleTester } from './tester.js';
import { backup, comp } from './facts.js';
import { DATA } from './hosts.js';
import { migrationFact, server, url } from './migration-facts.js';
import type { Report } from '../../src/types.js';

const POST = { goal: 'migrate', stage: 'post' } as const;
const done = { stsUrl: url('https://login.microsoftonline.com'), graphUrl: url('https://graph.microsoft.com') };
const baseline = (installPath: string) => ({
  file: 'before.json',
  report: { inventory: { components: [{ component: 'server', installPath }] } } as unknown as Report,
});

ruleTester('MFA-MIG-020', {
  valid: [
    { name: 'build, files, values and data file in place', facts: server('8.1.2.1', 'primary', done), opts: POST },
    {
      name: 'the same folder as before the window',
      facts: server('8.1.2.1', 'primary', done),
      opts: { ...POST, baseline: baseline('C:\\Program Files\\Multi-Factor Authentication Server\\') },
    },
    { name: 'stage pre: not run', facts: server('8.0.3.2', 'primary', {}, false), opts: { goal: 'migrate' } },
    { name: 'a subordinate keeps its version', facts: server('8.0.3.2', 'subordinate', {}, false), opts: POST },
  ],
  invalid: [
    {
      name: 'nothing done: build, files, values',
      facts: server('8.0.3.2', 'primary', {}, false),
      opts: POST,
      findings: [
        { messageId: 'build', severity: 'critical', data: { version: '8.0.3.2', build: '8.1' } },
        { messageId: 'files', severity: 'critical' },
        { messageId: 'notConfigured', severity: 'high', data: { missing: 'StsUrl and GraphUrl' } },
      ],
    },
    {
      name: 'installed but not configured',
      facts: server('8.1.2.1', 'standalone', { graphUrl: done.graphUrl }),
      opts: POST,
      findings: [{ messageId: 'notConfigured', severity: 'high', data: { missing: 'StsUrl' } }],
    },
    {
      name: 'PhoneFactor key not exported: unknown',
      facts: server('8.1.2.1', 'primary', { registryKnown: false }),
      opts: POST,
      findings: [{ messageId: 'registryUnknown', severity: 'high', outcome: 'unknown' }],
    },
    {
      name: 'folder unreadable: unknown',
      facts: server('8.1.2.1', 'primary', { ...done, files: migrationFact({}, null).files }),
      opts: POST,
      findings: [{ messageId: 'filesUnknown', severity: 'critical', outcome: 'unknown' }],
    },
    {
      name: 'data file gone from the install folder',
      facts: server('8.1.2.1', 'primary', done, true, { dataFile: backup(DATA, [], { exists: false }) }),
      opts: POST,
      findings: [{ messageId: 'noData', severity: 'critical' }],
    },
    {
      name: 'installed into another folder than before the window',
      facts: server('8.1.2.1', 'primary', done, true, { components: [comp('server', '8.1.2.1', { installPath: 'D:\\MFA\\' })] }),
      opts: { ...POST, baseline: baseline('C:\\Program Files\\Multi-Factor Authentication Server\\') },
      findings: [{ messageId: 'moved', severity: 'high', data: { now: 'D:\\MFA\\' } }],
    },
  ],
});
