/**
 * Issue 11 item 9 on a single host: where the Web Service SDK's virtual directory changes, the finding names the
 * applications that use it on this host and on the servers bundle.json lists (otherHosts). The fixture
 * pf-agent-5x-custom-portal-vdir: PF02's SDK is called by its own portal and by the Mobile App Web Service on PFDMZ01.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { scanTarget } from '../../src/scan.js';
import { ROOT } from '../helpers/hosts.js';

describe('SDK consumers on other servers (bundle.json otherHosts)', () => {
  it('MFA-VDIR-002 names the portal config here and PFDMZ01 (Mobile App Web Service), with bundle evidence', async () => {
    const dir = path.join(ROOT, 'fixtures', 'hosts', 'pf-agent-5x-custom-portal-vdir');
    const { report } = await scanTarget(await BundleHost.open(dir), {
      targetVersion: '8.1',
      stage: 'pre',
      failOn: 'critical',
      now: '2026-11-21T09:00:00Z',
    });
    const f = report.findings.find((x) => x.ruleId === 'MFA-VDIR-002')!;
    expect(f.message).toContain('Configs on this host that point at the old URL: C:\\inetpub\\wwwroot\\mfaportal\\web.config.');
    expect(f.message).toMatch(/On the other servers bundle\.json lists, change the SDK URL too: PFDMZ01 \(Mobile App Web Service\)\.$/);
    expect(f.evidence).toContainEqual({ source: 'bundle', location: 'bundle.json otherHosts', observed: 'PFDMZ01: mobile-app' });
  });
});
