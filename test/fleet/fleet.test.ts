import { execFile } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { parseHTML } from 'linkedom';
import { runFleet } from '../../src/fleet/run.js';
import { renderFleetHtml, renderFleetJson, renderFleetMarkdown, validateFleetReport } from '../../src/fleet/render.js';
import { scanTarget } from '../../src/scan.js';
import { BundleHost } from '../../src/host/bundle.js';
import type { FleetReport, Wave } from '../../src/fleet/types.js';
import { copyFleet, NOW, OPTS, ROOT } from './helpers.js';

const run = promisify(execFile);
const idx = (r: FleetReport, pred: (w: Wave) => boolean) => r.waves.findIndex(pred);
const rules = (r: FleetReport) => r.findings.map((f) => `${f.ruleId}:${f.host}:${f.outcome}`);

describe('fleet ha-pair-with-portal', () => {
  let r: FleetReport;
  beforeAll(async () => {
    r = (await runFleet([copyFleet('ha-pair-with-portal')], OPTS)).report;
  });

  it('lists every host as scanned, by name; a consistent pair raises no fleet finding', () => {
    expect(r.hosts.map((h) => [h.name, h.status])).toEqual([
      ['MFA01', 'scanned'],
      ['MFA02', 'scanned'],
      ['WEB01', 'scanned'],
    ]);
    // WEB01's SDK URL names MFA01, which serves /MultiFactorAuthWebServiceSdk and holds every MSI.
    expect(rules(r)).toEqual([]);
  });

  it('orders the waves as the procedure: backups, the subordinate, promotion + old primary, then the portal', () => {
    expect(r.waves.map((w) => [w.kind, w.hosts])).toEqual([
      ['before-window', ['MFA01', 'MFA02', 'WEB01']],
      ['replication-subordinate', ['MFA02']],
      ['replication-primary', ['MFA02', 'MFA01']],
      ['web', ['WEB01']],
    ]);
    const primary = r.waves[idx(r, (w) => w.kind === 'replication-primary')];
    // The promotion of the upgraded subordinate comes before anything is done to the old primary.
    expect(primary.steps[0]).toMatchObject({ host: 'MFA02', action: 'configure', component: 'server' });
    expect(primary.steps.slice(1).every((s) => s.host === 'MFA01')).toBe(true);
    // The subordinate's wave drains it, upgrades it and puts it back, from its own plan.
    const sub = r.waves[1].steps.map((s) => s.id);
    expect(sub.indexOf('drain:host')).toBeLessThan(sub.indexOf('install:server'));
    expect(sub.indexOf('install:server')).toBeLessThan(sub.indexOf('restore:host'));
    // The data file changes while its server runs: each server's data-file backup is in its own wave, right before
    // its install (issue 11 item 5); every other backup comes before the window.
    for (const w of r.waves.slice(1)) {
      for (const b of w.steps.filter((s) => s.action === 'backup')) {
        expect(b.id).toBe('backup:data');
        const own = w.steps.filter((s) => s.host === b.host).map((s) => s.id);
        expect(own.indexOf('backup:data')).toBeLessThan(own.indexOf('install:server'));
      }
    }
    expect(r.waves[0].steps.filter((s) => s.action === 'backup').map((s) => s.id)).toEqual(['backup:user-portal:web.config']);
  });

  it('is valid against schemas/fleet.schema.json, and renders deterministically', async () => {
    expect(validateFleetReport(JSON.parse(renderFleetJson(r)))).toEqual({ ok: true });
    const again = (await runFleet([copyFleet('ha-pair-with-portal')], { ...OPTS, jobs: 1 })).report;
    // Same evidence, same --now: same JSON except where the temp copies live.
    const strip = (x: FleetReport) => renderFleetJson(x).replace(/\/tmp\/fleet-[^/"]+/g, 'T');
    expect(strip(again)).toBe(strip(r));
  });

  it('HTML: self-contained, waves as a checklist, hosts table', () => {
    const html = renderFleetHtml(r);
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(html).not.toMatch(/https?:\/\/(?!mfa-readiness)/);
    expect(document.querySelectorAll('.wave').length).toBe(r.waves.length);
    expect(document.querySelectorAll('.wave .box').length).toBe(r.waves.flatMap((w) => w.steps).length);
    expect([...document.querySelectorAll('#hosts tbody tr')].map((tr) => tr.querySelector('td')!.textContent)).toEqual([
      'MFA01',
      'MFA02',
      'WEB01',
    ]);
    const md = renderFleetMarkdown(r);
    expect(md.match(/^- \[ \] /gm)!.length).toBe(r.waves.flatMap((w) => w.steps).length);
  });
});

describe('fleet adfs-farm', () => {
  it('AD FS in two halves after the MFA Server, the provider switch once between them', async () => {
    const r = (await runFleet([copyFleet('adfs-farm')], OPTS)).report;
    expect(r.waves.map((w) => w.kind)).toEqual(['before-window', 'standalone', 'adfs-first-half', 'adfs-policy', 'adfs-second-half']);
    expect(rules(r)).toEqual([]);
    expect(r.waves[2].hosts).toEqual(['ADFS01']);
    expect(r.waves[4].hosts).toEqual(['ADFS02']);
    const policy = r.waves[3].steps.map((s) => s.id);
    const once = (id: string) => r.waves.flatMap((w) => w.steps).filter((s) => s.id === id).length;
    expect(policy.indexOf('configure:adfs-adapter:policy-uncheck')).toBeLessThan(policy.indexOf('uninstall:adfs-adapter:provider'));
    expect(policy.indexOf('uninstall:adfs-adapter:provider')).toBeLessThan(policy.indexOf('install:adfs-adapter:provider'));
    expect(policy.indexOf('install:adfs-adapter:provider')).toBeLessThan(policy.indexOf('configure:adfs-adapter:policy-check'));
    for (const id of [
      'configure:adfs-adapter:policy-uncheck',
      'uninstall:adfs-adapter:provider',
      'install:adfs-adapter:provider',
      'configure:adfs-adapter:policy-check',
    ])
      expect(once(id)).toBe(1);
    expect(validateFleetReport(JSON.parse(renderFleetJson(r)))).toEqual({ ok: true });
  });
});

describe('fleet broken', () => {
  let r: FleetReport;
  beforeAll(async () => {
    r = (await runFleet([copyFleet('broken')], OPTS)).report;
  });

  it('lists the unreadable zip as failed with its reason; the others are scanned', () => {
    const failed = r.hosts.filter((h) => h.status === 'failed');
    expect(failed.map((h) => h.name)).toEqual(['MFA13']);
    expect(failed[0].reason).toMatch(/^unreadable zip: /);
    expect(r.hosts.filter((h) => h.status === 'scanned').map((h) => h.name)).toEqual(['MFA11', 'MFA12', 'WEB11']);
  });

  it('raises two primaries, the SDK URL to a missing host, the missing MSI and the failed target', () => {
    expect(rules(r)).toEqual(
      expect.arrayContaining([
        'MFA-FLEET-002:MFA11:fail',
        'MFA-FLEET-005:WEB11:fail',
        'MFA-FLEET-007:WEB11:fail',
        'MFA-FLEET-008:MFA13:unknown',
      ]),
    );
    // MFA12 lacks the User Portal MSI today, but its own upgrade writes the 8.1 installers (issue 11 item 13); and
    // WEB11's URL names no server of this fleet, so no deployment here owes it one.
    expect(rules(r).filter((x) => x.startsWith('MFA-CMP-002'))).toEqual([]);
    expect(r.verdict.status).toBe('not-ready');
    expect(r.verdict.gate).toBe('fail');
    expect(validateFleetReport(JSON.parse(renderFleetJson(r)))).toEqual({ ok: true });
  });
});

describe('fleet inputs', () => {
  it('reads a saved report as "read" and scans a zip of a bundle; refuses a zip entry with ..', async () => {
    const fleet = copyFleet('ha-pair-with-portal');
    const { report } = await scanTarget(await BundleHost.open(path.join(fleet, 'MFA01')), {
      targetVersion: '8.1',
      stage: 'pre',
      failOn: 'critical',
      now: NOW,
    });
    const work = mkdtempSync(path.join(tmpdir(), 'fleet-inputs-'));
    writeFileSync(path.join(work, 'MFA01.json'), JSON.stringify(report));
    writeFileSync(path.join(work, 'bad.json'), JSON.stringify({ schemaVersion: 1 }));
    const zip = async (file: string, entries: [string, string][]) => {
      const z = new yazl.ZipFile();
      for (const [name, src] of entries) z.addFile(src, name);
      z.end();
      await new Promise<void>((res) => z.outputStream.pipe(createWriteStream(file)).on('close', () => res()));
    };
    const times = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/fleets/ha-pair-with-portal.times.json'), 'utf8')) as Record<
      string,
      string
    >;
    const mfa02 = Object.keys(times)
      .filter((k) => k.startsWith('MFA02/'))
      .map((k): [string, string] => [k, path.join(fleet, k)]);
    await zip(path.join(work, 'MFA02.zip'), mfa02);
    // yazl refuses to write `..`; rename a same-length entry in the finished bytes (the CRC covers data, not names).
    await zip(path.join(work, 'evil.zip'), [['AA/escape.txt', path.join(fleet, 'MFA01', 'bundle.json')]]);
    const evil = readFileSync(path.join(work, 'evil.zip'));
    writeFileSync(path.join(work, 'evil.zip'), Buffer.from(evil.toString('latin1').replaceAll('AA/escape.txt', '../escape.txt'), 'latin1'));
    const locations: string[] = [];
    const r = (await runFleet([work], { ...OPTS, onHostReport: async (rep) => void locations.push(rep.scan.target.location) })).report;
    // A zipped host's own report names the zip, not the temp folder it was unpacked into.
    expect(locations).toContain(path.join(work, 'MFA02.zip'));
    expect(locations.filter((l) => l.includes('mfa-readiness-fleet-'))).toEqual([]);
    const by = Object.fromEntries(r.hosts.map((h) => [h.target.split('/').pop(), h]));
    expect(by['MFA01.json']).toMatchObject({ name: 'MFA01', status: 'read', reason: null });
    expect(by['MFA02.zip']).toMatchObject({ name: 'MFA02', status: 'scanned' });
    expect(by['MFA02.zip']!.verdict!.status).toBe('ready-with-warnings');
    expect(by['evil.zip']!.status).toBe('failed');
    expect(by['evil.zip']!.reason).toContain('..');
    expect(by['bad.json']!.status).toBe('failed');
    expect(by['bad.json']!.reason).toMatch(/^not a valid report/);
    // The read primary and the zipped subordinate still make a group: subordinate first.
    expect(r.waves.filter((w) => w.group === 'HQ').map((w) => w.kind)).toEqual(['replication-subordinate', 'replication-primary']);
  });
});

describe('fleet phonefactor-web (issue 11 items 9, 14, 16)', () => {
  let r: FleetReport;
  beforeAll(async () => {
    r = (await runFleet([copyFleet('phonefactor-web')], OPTS)).report;
  });

  it('uninstalls the separate PhoneFactor portal before MFA Server is installed, and reinstalls it after', () => {
    const all = r.waves.flatMap((w) => w.steps.map((s) => `${s.host} ${s.id}`));
    expect(all.indexOf('WEB21 uninstall:user-portal')).toBeGreaterThan(-1);
    expect(all.indexOf('WEB21 uninstall:user-portal')).toBeLessThan(all.indexOf('PF01 install:server'));
    expect(all.indexOf('PF01 install:server')).toBeLessThan(all.indexOf('WEB21 install:user-portal'));
    expect(r.waves.find((w) => w.kind === 'phonefactor-uninstall')!.hosts).toEqual(['WEB21']);
  });

  it("names the portal on the other server that uses the SDK's old virtual directory (MFA-FLEET-010)", () => {
    const f = r.findings.filter((x) => x.ruleId === 'MFA-FLEET-010');
    expect(f.map((x) => [x.host, x.severity])).toEqual([['PF01', 'high']]);
    expect(f[0].message).toContain('WEB21 user-portal (C:\\inetpub\\wwwroot\\PhoneFactor\\web.config)');
    expect(f[0].message).toContain('Type PhoneFactorWebServiceSdk as the virtual directory');
    expect(validateFleetReport(JSON.parse(renderFleetJson(r)))).toEqual({ ok: true });
  });

  it("the Markdown runbook shows each step's detail and the findings behind it, where the person doing the step reads it", () => {
    const md = renderFleetMarkdown(r);
    const sdkStep = md.slice(md.indexOf('**PF01**: Install the new Web Service SDK'));
    const block = sdkStep.slice(0, sdkStep.indexOf('\n- [ ] '));
    expect(block).toContain('Virtual directory name: PhoneFactorWebServiceSdk');
    expect(block).toMatch(/MFA-VDIR-002/);
    // The fleet finding is linked from the wave of the server it is about.
    const wave = md.slice(md.indexOf('Standalone MFA Servers'));
    expect(wave.slice(0, wave.indexOf('- [ ] '))).toContain('MFA-FLEET-010 (PF01)');
    const { document } = parseHTML(renderFleetHtml(r));
    const step = [...document.querySelectorAll('.wave .step')].find((d) => d.getAttribute('data-step') === 'install:web-service-sdk')!;
    expect(step.querySelector('.detail')!.textContent).toContain('PhoneFactorWebServiceSdk');
    expect(step.querySelector('.because')!.textContent).toContain('MFA-VDIR-002');
  });
});

describe('fleet sdk-pool (issue 11 items 11, 12, 13, 15; issue 14 tracks)', () => {
  let r: FleetReport;
  beforeAll(async () => {
    r = (await runFleet([copyFleet('sdk-pool')], OPTS)).report;
  });

  it('the pool name reaches both MFA Servers (no dangling URL); the member serving /MFASDK is named for each client', () => {
    expect(r.hosts.map((h) => [h.name, h.status])).toEqual([
      ['ADFS31', 'scanned'],
      ['MFA31', 'scanned'],
      ['MFA32', 'scanned'],
      ['WEB31', 'scanned'],
      ['WEB32', 'scanned'],
    ]);
    expect(rules(r).filter((x) => /FLEET-00[57]/.test(x))).toEqual([]);
    const six = r.findings.filter((f) => f.ruleId === 'MFA-FLEET-006');
    expect(six.map((f) => f.host).sort()).toEqual(['ADFS31', 'WEB31', 'WEB32']);
    for (const f of six)
      expect(f.message).toContain(
        'a name shared by MFA31, MFA32; MFA32 has no /MultiFactorAuthWebServiceSdk virtual directory (it serves /MFASDK)',
      );
    // The group's own upgrade brings the installers MFA32 lacks today: no MFA-CMP-002 (was one per server and MSI).
    expect(rules(r).filter((x) => x.startsWith('MFA-CMP-002'))).toEqual([]);
  });

  it('load-balanced portals one at a time, out of the pool and back; the one-server AD FS farm as an outage', () => {
    expect(r.waves.map((w) => [w.kind, w.hosts.join(',')])).toEqual([
      ['before-window', 'ADFS31,MFA31,MFA32,WEB31,WEB32'],
      ['replication-subordinate', 'MFA32'],
      ['replication-primary', 'MFA32,MFA31'],
      ['web-pool', 'WEB31'],
      ['web-pool', 'WEB32'],
      ['adfs-single', 'ADFS31'],
    ]);
    const web31 = r.waves[3].steps;
    expect(web31[0]).toMatchObject({ id: 'drain:host', title: 'Take WEB31 out of the load-balancer pool' });
    expect(web31.at(-1)).toMatchObject({ id: 'restore:host', title: 'Put WEB31 back into the load-balancer pool' });
    expect(r.waves[5].title).toContain('has one server: this is an OUTAGE');
    expect(rules(r)).toContain('MFA-FLEET-011:ADFS31:fail');
    expect(r.waves.map((w) => w.slot)).toEqual([1, 2, 3, 4, 5, 6]);
    const md = renderFleetMarkdown(r);
    expect(md).toContain('AD FS farm sts.fabrikam.com has one server: this is an OUTAGE');
    expect(validateFleetReport(JSON.parse(renderFleetJson(r)))).toEqual({ ok: true });
  });
});

describe('fleet folders (issue 14)', () => {
  it('a sub-folder that is empty or not a host is listed with its reason, and fails the gate even at --fail-on critical', async () => {
    const dir = copyFleet('ha-pair-with-portal');
    mkdirSync(path.join(dir, 'MFA09'));
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes', 'window.txt'), 'change CHG0012345\n');
    const r = (await runFleet([dir], OPTS)).report;
    const failed = r.hosts.filter((h) => h.status === 'failed').map((h) => [h.name, h.reason]);
    expect(failed).toEqual([
      ['MFA09', 'empty folder: no host was collected into it'],
      ['notes', 'not a host copy: no fs/, registry/, bundle.json or Windows folders in it'],
    ]);
    expect(
      rules(r)
        .filter((x) => x.startsWith('MFA-FLEET-008'))
        .sort(),
    ).toEqual(['MFA-FLEET-008:MFA09:unknown', 'MFA-FLEET-008:notes:unknown']);
    // Unknown is not ready: MFA-FLEET-008 is high, yet the gate at critical fails.
    expect(r.verdict).toMatchObject({ status: 'not-ready', gate: 'fail', failOn: 'critical' });
    expect((await runFleet([dir], { ...OPTS, failOn: 'none' })).report.verdict.gate).toBe('pass');
  });
});

describe('fleet command (built CLI)', () => {
  const cli = (args: string[]) =>
    run('node', [path.join(ROOT, 'bin/run.js'), 'fleet', ...args, '--now', NOW], { cwd: tmpdir() }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exit 0 on a passing fleet, 1 on a failing one, 2 where nothing is usable or a flag is bad', async () => {
    const ok = await cli([copyFleet('ha-pair-with-portal'), '--json']);
    expect(ok.code).toBe(0);
    expect(validateFleetReport(JSON.parse(ok.stdout))).toEqual({ ok: true });
    expect(ok.stderr).toBe('');
    expect((await cli([copyFleet('broken'), '--json'])).code).toBe(1);
    expect((await cli([copyFleet('ha-pair-with-portal'), '--json', '--fail-on', 'high'])).code).toBe(1);
    const none = await cli([path.join(tmpdir(), 'no-such-fleet-folder'), '--json']);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout).error.message).toContain('no target could be used');
    expect((await cli([copyFleet('adfs-farm'), '--fail-on', 'bogus'])).code).toBe(2);
  }, 60_000);

  it('one server collected twice: MFA-FLEET-009 (critical), exit 1, and not taken for two primaries', async () => {
    const dir = copyFleet('ha-pair-with-portal');
    cpSync(path.join(dir, 'MFA01'), path.join(dir, 'MFA01-again'), { recursive: true, preserveTimestamps: true });
    const r = await cli([dir, '--json']);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as FleetReport;
    expect(rep.findings.map((f) => `${f.ruleId}:${f.host}:${f.severity}`)).toEqual(['MFA-FLEET-009:MFA01:critical']);
    expect(rep.findings[0].message).toContain(`${path.join(dir, 'MFA01')}, ${path.join(dir, 'MFA01-again')}`);
    expect(rep.verdict.status).toBe('not-ready');
    expect(validateFleetReport(rep)).toEqual({ ok: true });
  }, 60_000);

  it('refuses to write into a target, also through a link to it: exit 2, nothing written', async () => {
    const dir = copyFleet('ha-pair-with-portal');
    const link = path.join(mkdtempSync(path.join(tmpdir(), 'fleet-link-')), 'reports');
    symlinkSync(path.join(dir, 'MFA01'), link);
    const before = readdirSync(path.join(dir, 'MFA01')).sort();
    for (const args of [
      ['--out', path.join(dir, 'MFA01')],
      ['--out', link],
      ['--host-reports', link],
    ]) {
      const r = await cli([dir, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/refusing to write .*inside a scanned target/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(path.join(dir, 'MFA01')).sort()).toEqual(before);
  }, 60_000);

  it('writes the files asked for and a summary naming the failed hosts', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'fleet-out-'));
    const r = await cli([copyFleet('broken'), '--format', 'json,html,md', '--out', out, '--host-reports', path.join(out, 'hosts')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fleet of 4: not-ready \(gate fail/);
    expect(r.stderr).toMatch(/failed: .*MFA13\.zip: unreadable zip/);
    for (const ext of ['json', 'html', 'md'])
      expect(r.stderr).toContain(`wrote ${path.join(out, `mfa-readiness-fleet-2026-11-21.${ext}`)}`);
    // Each host's report in the three formats (issue 14): the person doing WEB11's part reads HTML or Markdown.
    for (const ext of ['json', 'html', 'md']) {
      expect(r.stderr).toContain(path.join(out, 'hosts', `mfa-readiness-WEB11-2026-11-21.${ext}`));
      expect(existsSync(path.join(out, 'hosts', `mfa-readiness-WEB11-2026-11-21.${ext}`))).toBe(true);
    }
    expect(readFileSync(path.join(out, 'hosts', 'mfa-readiness-WEB11-2026-11-21.md'), 'utf8')).toContain('WEB11');
  }, 60_000);
});
