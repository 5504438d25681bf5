import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { landsInside, writeReportFile, writeReports } from '../../src/report/write.js';
import { SAMPLE_RULES_RAN, sampleReport } from '../report/sample.js';
import { snapshot } from '../helpers/hosts.js';
import { NOW, cli, stageHost, tmp } from './helpers.js';

/**
 * Nothing written where it must not be (issue 15 items 13, 14, 17): each test plays the attack.
 */

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('item 13: temp files are random, exclusive and never follow a link', () => {
  it('links planted at the old predictable temp names (.NAME.PID.N.tmp) do not redirect a report', async () => {
    const cwd = tmp('writes-link');
    const victim = path.join(cwd, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = path.join(cwd, 'out');
    mkdirSync(out);
    const names = ['json', 'html', 'md', 'junit.xml'].map((e) => `mfa-readiness-MFA01-2026-11-21.${e}`);
    for (const n of names) for (let i = 1; i <= 50; i++) symlinkSync(victim, path.join(out, `.${n}.${process.pid}.${i}.tmp`));
    const written = await writeReports(sampleReport(), { formats: ['json', 'html', 'md', 'junit'], out, cwd, rulesRan: SAMPLE_RULES_RAN });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    for (const f of written) expect(lstatSync(f).isFile()).toBe(true);
    // the planted links are left as they were, and no temp file of ours remains
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp')).length).toBe(names.length * 50);
  });

  it("a link planted at the report's own name is replaced, not written through", async () => {
    const cwd = tmp('writes-final-link');
    const victim = path.join(cwd, 'victim.txt');
    writeFileSync(victim, 'precious');
    const file = path.join(cwd, 'report.json');
    symlinkSync(victim, file);
    await writeReportFile(file, '{}\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{}\n');
  });

  it('many writes of one file at once never share a temp file', async () => {
    const cwd = tmp('writes-race');
    const file = path.join(cwd, 'r.json');
    await Promise.all(Array.from({ length: 40 }, (_, i) => writeReportFile(file, `${'x'.repeat(10_000)}${i}\n`)));
    expect(readFileSync(file, 'utf8')).toMatch(/^x{10000}\d+\n$/);
    expect(readdirSync(cwd)).toEqual(['r.json']);
  });
});

describe('item 14: the containment check and where the bytes land', () => {
  it('a name beginning with .. is inside, not a parent', async () => {
    expect(await landsInside('/b/..reports/x.json', '/b')).toBe(true);
    expect(await landsInside('/b/...json', '/b')).toBe(true);
    expect(await landsInside('/b/../x.json', '/b')).toBe(false);
    expect(await landsInside('/bb/x.json', '/b')).toBe(false);
  });

  it('scan --out BUNDLE/..reports and --output BUNDLE/...json are refused, nothing written', () => {
    const bundle = stageHost('ready-8x');
    const before = snapshot(bundle);
    for (const args of [
      ['--out', path.join(bundle, '..reports')],
      ['--output', path.join(bundle, '...json')],
      ['--out', `${bundle}/..`.replace(/\.\.$/, '..x')],
    ]) {
      const r = cli(['scan', bundle, ...args, '--now', NOW]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/inside the scanned target/);
    }
    expect(snapshot(bundle)).toEqual(before);
  });

  it('fleet --out BUNDLE/..window and --host-reports BUNDLE/..hosts are refused, nothing written', () => {
    const bundle = stageHost('ready-8x');
    const before = snapshot(bundle);
    for (const args of [
      ['--out', path.join(bundle, '..window')],
      ['--host-reports', path.join(bundle, '..hosts')],
    ]) {
      const r = cli(['fleet', bundle, ...args, '--now', NOW]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/inside a scanned target/);
    }
    expect(snapshot(bundle)).toEqual(before);
  });

  it('collect --out BUNDLE/..copy is refused', () => {
    const bundle = stageHost('ready-8x');
    const before = snapshot(bundle);
    const r = cli(['collect', '--out', path.join(bundle, '..copy')], { env: { MFA_READINESS_COLLECT_FROM: bundle } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inside the target/);
    expect(snapshot(bundle)).toEqual(before);
  });

  it('an output folder swapped for a link into the target after the check: the write is refused', async () => {
    const cwd = tmp('writes-swap');
    const target = path.join(cwd, 'bundle');
    mkdirSync(path.join(target, 'inner'), { recursive: true });
    const out = path.join(cwd, 'window');
    mkdirSync(out);
    // checked: fine; then swapped (as a fleet run gives time to)
    expect(await landsInside(path.join(out, 'r.json'), target)).toBe(false);
    renameSync(out, path.join(cwd, 'window.old'));
    symlinkSync(path.join(target, 'inner'), out);
    await expect(writeReportFile(path.join(out, 'r.json'), '{}', { forbidden: [target] })).rejects.toThrow(
      /refusing to write a report inside the scanned target/,
    );
    expect(readdirSync(path.join(target, 'inner'))).toEqual([]);
    // writeReports checks at write time too (the same swap under --out)
    await expect(
      writeReports(sampleReport(), { formats: ['json'], out, cwd, rulesRan: SAMPLE_RULES_RAN, targetDir: target }),
    ).rejects.toThrow(/inside the scanned target/);
    // a deeper --out through the swapped folder: refused before any folder is made inside the target
    await expect(
      writeReports(sampleReport(), {
        formats: ['json'],
        out: path.join(out, 'a', 'b'),
        cwd,
        rulesRan: SAMPLE_RULES_RAN,
        targetDir: target,
      }),
    ).rejects.toThrow(/inside the scanned target/);
    expect(readdirSync(path.join(target, 'inner'))).toEqual([]);
  });
});

describe('item 17: --json with --out/--output, host report names, {{log}}, non-file --output', () => {
  it('scan --json --out DIR and --json --output FILE write the files, and the JSON on stdout', () => {
    const bundle = stageHost('ready-8x');
    const dir = tmp('writes-json-out');
    const a = cli(['scan', bundle, '--json', '--out', path.join(dir, 'a'), '--now', NOW]);
    expect([0, 1], a.stderr).toContain(a.code);
    expect(JSON.parse(a.stdout).schemaVersion).toBe(1);
    expect(filesUnder(path.join(dir, 'a'))).toEqual(['mfa-readiness-MFA21-2026-11-21.html', 'mfa-readiness-MFA21-2026-11-21.json']);
    const b = cli(['scan', bundle, '--json', '--output', path.join(dir, 'b', 'CHG1.json'), '--now', NOW]);
    expect([0, 1], b.stderr).toContain(b.code);
    expect(JSON.parse(b.stdout).schemaVersion).toBe(1);
    expect(filesUnder(path.join(dir, 'b'))).toEqual(['CHG1.html', 'CHG1.json']);
    // --json alone: stdout only
    const c = cli(['scan', bundle, '--json', '--now', NOW], { cwd: dir });
    expect(JSON.parse(c.stdout).schemaVersion).toBe(1);
    expect(filesUnder(dir)).toEqual([
      'a',
      'a/mfa-readiness-MFA21-2026-11-21.html',
      'a/mfa-readiness-MFA21-2026-11-21.json',
      'b',
      'b/CHG1.html',
      'b/CHG1.json',
    ]);
  });

  it('fleet --json --out DIR writes the fleet reports too', () => {
    const bundle = stageHost('ready-8x');
    const dir = tmp('writes-fleet-json');
    const r = cli(['fleet', bundle, '--json', '--out', dir, '--now', NOW]);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(JSON.parse(r.stdout).hosts).toHaveLength(1);
    expect(filesUnder(dir)).toEqual(['mfa-readiness-fleet-2026-11-21.html', 'mfa-readiness-fleet-2026-11-21.json']);
  });

  it('host reports of "MFA 01", "MFA-01" and "MFA/01" get three files, and "wrote" names them', () => {
    const dir = tmp('writes-host-names');
    const hosts = ['MFA 01', 'MFA-01', 'MFA/01'].map((name, i) => {
      const b = stageHost('ready-8x');
      const bj = path.join(b, 'bundle.json');
      writeFileSync(bj, JSON.stringify({ ...JSON.parse(readFileSync(bj, 'utf8')), hostname: name }));
      const named = path.join(path.dirname(b), `host${i}`);
      renameSync(b, named);
      return named;
    });
    const r = cli(['fleet', ...hosts, '--host-reports', path.join(dir, 'hosts'), '--format', 'json', '--out', dir, '--now', NOW]);
    expect([0, 1], r.stderr).toContain(r.code);
    // JSON, HTML and Markdown per host (issue 14): three stems, one of each format.
    const all = readdirSync(path.join(dir, 'hosts')).sort();
    expect(all).toHaveLength(9);
    const files = all.filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(3);
    expect(all.filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, '.json'))).toEqual(files);
    const names = files.map((f) => JSON.parse(readFileSync(path.join(dir, 'hosts', f), 'utf8')).host.name).sort();
    expect(names).toEqual(['MFA 01', 'MFA-01', 'MFA/01']);
    const wrote = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('wrote ') && l.includes(`${path.sep}hosts${path.sep}`))
      .map((l) => path.basename(l.slice(6)))
      .sort();
    expect(wrote).toEqual(all);
  });

  it('a 215-character host name gives a shortened file name with a hash, not ENAMETOOLONG', () => {
    const b = stageHost('ready-8x');
    const bj = path.join(b, 'bundle.json');
    const long = `MFA${'x'.repeat(212)}`;
    writeFileSync(bj, JSON.stringify({ ...JSON.parse(readFileSync(bj, 'utf8')), hostname: long }));
    const dir = tmp('writes-long');
    const r = cli(['scan', b, '--format', 'json,html,md,junit', '--out', dir, '--now', NOW]);
    expect([0, 1], r.stderr).toContain(r.code);
    const files = readdirSync(dir);
    expect(files).toHaveLength(4);
    for (const f of files) expect(f).toMatch(/^mfa-readiness-MFAx+-[0-9a-f]{8}-2026-11-21\./);
    expect(
      JSON.parse(
        readFileSync(
          path.join(
            dir,
            files.find((f) => f.endsWith('.json'))!,
          ),
          'utf8',
        ),
      ).host.name,
    ).toBe(long);
  });

  it("a user template's {{log}} writes nothing into --json output", () => {
    const b = stageHost('ready-8x');
    const dir = tmp('writes-log-helper');
    const tpl = path.join(dir, 'tpl');
    mkdirSync(tpl);
    writeFileSync(path.join(tpl, 'report.html.hbs'), '<p>{{log "INJECTED" level="error"}}{{log "INJECTED-INFO"}}{{hostName}}</p>');
    writeFileSync(path.join(tpl, 'report.md.hbs'), '{{log "INJECTED-MD"}}# report\n');
    const r = cli(['scan', b, '--json', '--format', 'json,html,md', '--template', tpl, '--out', path.join(dir, 'out'), '--now', NOW]);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stdout + r.stderr).not.toContain('INJECTED');
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect(readdirSync(path.join(dir, 'out'))).toHaveLength(3);
  });

  it('--output naming a device, a pipe or a folder is refused with one line; nothing is created beside it', () => {
    const b = stageHost('ready-8x');
    const dir = tmp('writes-nonfile');
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const folder = path.join(dir, 'folder');
    mkdirSync(folder);
    for (const output of ['/dev/stdout', '/dev/null', fifo, folder]) {
      for (const cmd of ['scan', 'fleet']) {
        const r = cli([cmd, b, '--output', output, '--now', NOW], { timeoutMs: 30_000 });
        expect(r.code, `${cmd} --output ${output}: ${r.stderr}`).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/not a report file/);
      }
    }
    expect(readdirSync(dir).sort()).toEqual(['folder', 'pipe']);
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync('/dev/stdout.json') || existsSync('/dev/null.json') || existsSync('/dev/null.html')).toBe(false);
  });
});
