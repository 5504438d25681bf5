/**
 * Issue 15: a saved report read by `fleet` (and re-rendered by `gate`) passes the one redaction policy again, so a
 * report written by an older version with a narrower policy, or edited by hand, carries no secret into a fleet
 * report, a host report written with --host-reports, or a file gate writes.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, NOW, cli, stageHost, tmp } from './helpers.js';

const M = { conn: 'ZqSavedConnPwd', url: 'ZqSavedUrlPwd', pem: 'ZqSavedPemBody', jet: 'ZqSavedJetPwd' };
const MARKERS = Object.values(M);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}
const leaks = (text: string) => MARKERS.filter((m) => text.includes(m));

describe('planted secrets in a saved report never reach fleet or gate output', () => {
  let dir: string;
  let saved: string;
  beforeAll(() => {
    dir = tmp('saved-secrets');
    const r = cli(['scan', stageHost(BASE), '--json', '--now', NOW]);
    const report = JSON.parse(r.stdout) as {
      findings: { message: string; planSteps: string[]; evidence: { observed: string; location: string }[] }[];
      problems: { location: string; message: string }[];
    };
    // In findings a plan step calls for (the fleet keeps those), in evidence, and in problems.
    const f = report.findings.find((x) => x.planSteps.length > 0)!;
    f.message += ` (tried Server=db01;User Id=pf;Password=${M.conn};)`;
    f.evidence[0].observed = `http://proxyuser:${M.url}@proxy.contoso.local:8080/`;
    report.findings[0].evidence.push({
      ...report.findings[0].evidence[0],
      observed: `-----BEGIN PRIVATE KEY-----\nMIIE${M.pem}\n-----END PRIVATE KEY-----`,
    });
    report.problems.push({
      location: 'C:\\pf\\audit.config',
      message: `cannot open Provider=Microsoft.Jet.OLEDB.4.0;Jet OLEDB:Database Password=${M.jet}`,
    });
    mkdirSync(path.join(dir, 'reports'));
    saved = path.join(dir, 'reports', 'MFA01.json');
    writeFileSync(saved, JSON.stringify(report, null, 2));
    expect(leaks(readFileSync(saved, 'utf8'))).toEqual(MARKERS);
  });

  it('fleet over the saved report: fleet reports (json, html, md, junit), host reports and the console hold none', () => {
    const out = path.join(dir, 'fleet-out');
    const hr = path.join(dir, 'host-reports');
    const f = cli(['fleet', path.join(dir, 'reports'), '--format', 'json,html,md,junit', '--out', out, '--host-reports', hr, '--now', NOW]);
    expect([0, 1], f.stderr).toContain(f.code);
    const written = [...filesUnder(out), ...filesUnder(hr)];
    expect(written.length).toBeGreaterThanOrEqual(5);
    for (const file of written) expect(leaks(readFileSync(file, 'utf8')), file).toEqual([]);
    expect(leaks(f.stdout + f.stderr)).toEqual([]);
    // the redacted text is still there, only the secret went
    const hostJson = filesUnder(hr).find((x) => x.endsWith('.json'))!;
    expect(readFileSync(hostJson, 'utf8')).toContain('Password=[redacted]');
  });

  it('gate --format json,md,junit,sarif of the saved report: no file and no console line holds one', () => {
    const g = cli(['gate', saved, '--fail-on', 'low', '--format', 'json,md,junit,sarif', '--output', path.join(dir, 'gated', 'g.json')]);
    expect(g.code).toBe(1);
    const written = filesUnder(path.join(dir, 'gated'));
    expect(written).toHaveLength(4);
    for (const file of written) expect(leaks(readFileSync(file, 'utf8')), file).toEqual([]);
    expect(leaks(g.stdout + g.stderr)).toEqual([]);
  });
});
