/**
 * scan --adapter-files (issue 11 item 4): the folder the four new AD FS adapter files were copied to and the
 * Register script edited in. The fixture host carries it in bundle.json (adapterFiles, as collect writes it);
 * the flag overrides it; collect --adapter-files writes it into bundle.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, stageHost } from '../helpers/hosts.js';

const NOW = '2026-11-21T09:00:00Z';
interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  evidence: { location: string; observed: string }[];
}
const scan = (dir: string, ...flags: string[]) => {
  const r = runCli(['scan', dir, '--stage', 'adfs', '--json', '--now', NOW, ...flags]);
  expect(r.code, r.stderr).not.toBe(2);
  return JSON.parse(r.stdout) as { findings: Finding[]; plan: { id: string }[] };
};
const ids = (r: { findings: Finding[] }) => r.findings.map((f) => f.ruleId);

describe('scan --adapter-files', () => {
  it('reads the edited Register script, the installer and the template in the staging folder (bundle.json adapterFiles)', () => {
    const r = scan(stageHost('adfs-server-staging-folder'));
    expect(ids(r)).not.toContain('MFA-ADFS-001');
    expect(ids(r)).not.toContain('MFA-ADFS-002');
    expect(ids(r)).not.toContain('MFA-BKP-014');
    const diff = r.findings.find((f) => f.ruleId === 'MFA-ADFS-004')!;
    // OLD (the registered config) first, NEW (the staged template) second.
    expect(diff.message).toContain(
      'between the saved config C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapter.config and the new D:\\MFA-Upgrade\\Adapter-8.1\\MultiFactorAuthenticationAdfsAdapter.config',
    );
    expect(diff.evidence).toContainEqual({
      source: 'file',
      location: '/ConfigurationData/WebServiceSdkUrl',
      observed:
        'changed: https://mfa11.fabrikam.local/MFASDK/PfWsSdk.asmx -> https://localhost:4898/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx',
    });
    expect(diff.evidence).toContainEqual({
      source: 'file',
      location: '/ConfigurationData/WebServiceSdkPassword',
      observed: 'changed: [redacted] -> empty',
    });
    expect(JSON.stringify(r)).not.toContain('Fixture-Secret-adfs05');
  });

  it('the flag overrides bundle.json: files missing from the folder given are named there', () => {
    const r = scan(stageHost('adfs-server-staging-folder'), '--adapter-files', 'D:\\MFA-Upgrade\\Adapter-8.0');
    const missing = r.findings.filter((f) => f.ruleId === 'MFA-ADFS-002');
    expect(missing).toHaveLength(4);
    for (const f of missing)
      expect(f.message).toMatch(/ is not in D:\\MFA-Upgrade\\Adapter-8\.0: copy it from an upgraded MFA Server's install folder\.$/);
  });

  it("without it (and without adapterFiles in bundle.json) only the adapter's folder is read", () => {
    const dir = stageHost('adfs-server-staging-folder');
    const bj = path.join(dir, 'bundle.json');
    const b = JSON.parse(readFileSync(bj, 'utf8')) as Record<string, unknown>;
    delete b.adapterFiles;
    delete b.backupDirs;
    writeFileSync(bj, JSON.stringify(b));
    const r = scan(dir);
    expect(r.findings.filter((f) => f.ruleId === 'MFA-ADFS-002').map((f) => f.evidence[0].location)).toContain(
      'C:\\Program Files\\Multi-Factor Authentication Server\\MultiFactorAuthenticationAdfsAdapterSetup64.msi',
    );
  });

  it('collect --adapter-files writes adapterFiles into bundle.json and copies the staged files', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'mfa-collect-adapter-'));
    try {
      const dest = path.join(out, 'bundle');
      // collect runs on the Windows host; here it reads a bundle standing in for it (MFA_READINESS_COLLECT_FROM).
      const from = stageHost('adfs-server-staging-folder');
      const bj = path.join(from, 'bundle.json');
      const b = JSON.parse(readFileSync(bj, 'utf8')) as Record<string, unknown>;
      delete b.adapterFiles;
      writeFileSync(bj, JSON.stringify(b));
      const c = runCli(['collect', '--out', dest, '--adapter-files', 'D:\\MFA-Upgrade\\Adapter-8.1'], {
        env: { MFA_READINESS_COLLECT_FROM: from },
      });
      expect(c.code, c.stderr).toBe(0);
      expect((JSON.parse(readFileSync(path.join(dest, 'bundle.json'), 'utf8')) as { adapterFiles?: string }).adapterFiles).toBe(
        'D:\\MFA-Upgrade\\Adapter-8.1',
      );
      const again = scan(dest);
      expect(ids(again)).not.toContain('MFA-ADFS-001');
      expect(ids(again)).toContain('MFA-ADFS-004');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
