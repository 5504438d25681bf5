/**
 * `collect` with a fixture host standing in for the live host (a BundleHost over the staged fixture:
 * it implements Host), then an offline scan of what it wrote, compared with scanning the host itself.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { collect, CollectError, type CollectOptions, type CollectResult } from '../../src/collect.js';
import { extractZip } from '../../src/fleet/inputs.js';
import { expected, hostNames, snapshot, stageHost } from '../helpers/hosts.js';
import { outcome, scanFolder, stageOf } from './helpers.js';
import type { Report } from '../../src/types.js';

const SECRET = 'Fixture-Secret';

function files(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? files(dir, r) : [r];
  });
}

function holdsSecret(file: string): boolean {
  const b = readFileSync(file);
  return b.includes(SECRET) || b.includes(Buffer.from(SECRET, 'utf16le'));
}

function tempOut(name = 'bundle'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'mfa-collect-')), name);
}

async function collectFrom(host: string, opts: Omit<CollectOptions, 'out'> & { out?: string } = {}): Promise<CollectResult> {
  return collect(await BundleHost.open(host), { out: tempOut(), now: new Date('2026-11-21T08:00:00Z'), ...opts });
}

/** Windows path -> the file in a bundle folder (case-insensitive, as the scanner resolves it). */
function bundleFile(root: string, winPath: string): string | null {
  const [drive, ...segs] = winPath.replace(/:/, '').split('\\');
  // A plain folder (no fs/, no registry/) is the C: drive itself.
  const plain = !existsSync(path.join(root, 'fs')) && !existsSync(path.join(root, 'registry'));
  let cur = plain ? root : path.join(root, 'fs');
  for (const s of plain ? segs : [drive, ...segs]) {
    if (!existsSync(cur)) return null;
    const hit = readdirSync(cur).find((n) => n.toLowerCase() === s.toLowerCase());
    if (!hit) return null;
    cur = path.join(cur, hit);
  }
  return cur;
}

const HOSTS = hostNames();

describe.each(HOSTS)('collect from fixture host %s', (name) => {
  let host: string;
  let res: CollectResult;
  let direct: Report;
  let offline: Report;
  let before: Map<string, string>;
  let after: Map<string, string>;

  beforeAll(async () => {
    host = stageHost(name);
    const stage = stageOf(expected(name).flags);
    before = snapshot(host);
    res = await collectFrom(host);
    after = snapshot(host);
    direct = await scanFolder(host, stage);
    offline = await scanFolder(res.out, stage);
  });

  it('an offline scan of the bundle reaches the same path, findings, outcomes and plan as scanning the host', () => {
    if (name === 'broken-inputs') {
      // The one expected difference: the fixture's registry export has bad lines (MFA-INP-001); collect
      // writes the keys the scan kept as a clean export, so the offline scan has nothing to report there.
      const inp = direct.findings.filter((f) => f.ruleId === 'MFA-INP-001');
      expect(inp.length).toBe(1);
      expect(inp[0].evidence.every((e) => /^registry\/[^/]+\.reg:\d+/.test(e.location))).toBe(true);
      const without = { ...direct, findings: direct.findings.filter((f) => f.ruleId !== 'MFA-INP-001') };
      expect(outcome(offline)).toEqual(outcome(without));
    } else {
      expect(outcome(offline)).toEqual(outcome(direct));
    }
    expect(offline.host.name).toBe(direct.host.name);
    expect(offline.host.roles.replication).toBe(direct.host.roles.replication);
  });

  it('writes nothing into the host', () => {
    expect(after).toEqual(before);
  });

  it('keeps no planted secret and no data file; describes the data file with its real sha256 and time', () => {
    const written = files(res.out);
    for (const f of written) expect(holdsSecret(path.join(res.out, f)), `${f} holds a secret`).toBe(false);
    expect(written.filter((f) => /\.pfdata/i.test(f))).toEqual([]);
    const manifest = existsSync(path.join(res.out, 'manifest.json'))
      ? (JSON.parse(readFileSync(path.join(res.out, 'manifest.json'), 'utf8')) as {
          files: { path: string; size: number; mtime: string; sha256?: string }[];
        })
      : { files: [] };
    for (const p of res.described.filter((d) => /\.pfdata/i.test(d))) {
      const onHost = bundleFile(host, p);
      expect(onHost, `${p} on the host`).not.toBeNull();
      const entry = manifest.files.find((f) => f.path === p);
      expect(entry, `manifest entry for ${p}`).toBeDefined();
      expect(entry!.sha256).toBe(createHash('sha256').update(readFileSync(onHost!)).digest('hex'));
      expect(entry!.size).toBe(statSync(onHost!).size);
      expect(Date.parse(entry!.mtime)).toBe(statSync(onHost!).mtime.getTime());
    }
  });

  it('copies files with their last-write times, and bundle.json says who the host is', () => {
    const copied = existsSync(path.join(res.out, 'fs')) ? files(path.join(res.out, 'fs')) : [];
    expect(copied.length).toBe(res.copied);
    for (const f of copied) {
      const src = bundleFile(host, f.replace(/^([A-Za-z])\//, '$1:\\').replace(/\//g, '\\'));
      expect(src, `${f} on the host`).not.toBeNull();
      expect(statSync(path.join(res.out, 'fs', f)).mtime.getTime(), f).toBe(statSync(src!).mtime.getTime());
    }
    const bj = JSON.parse(readFileSync(path.join(res.out, 'bundle.json'), 'utf8'));
    expect(bj.collectedAt).toBe('2026-11-21T08:00:00Z');
    expect(bj.hostname ?? null).toBe(direct.host.name);
    expect(bj.env.SystemDrive).toMatch(/^[A-Z]:$/);
  });
});

describe('files a scan only sees in a folder listing', () => {
  it('are in the bundle too: a Web Service SDK known only by its PfWsSdk.asmx is found offline', async () => {
    // A plain-folder host (no registry): the SDK folder is recognised by its endpoint file alone.
    const host = stageHost('files-only-no-registry');
    const sdk = path.join(host, 'inetpub', 'wwwroot', 'MultiFactorAuthWebServiceSdk');
    mkdirSync(path.join(sdk, 'bin'), { recursive: true });
    writeFileSync(path.join(sdk, 'PfWsSdk.asmx'), '<%@ WebService Language="C#" Class="pfwssdk.PfWsSdk" %>\r\n');
    const direct = await scanFolder(host);
    expect(direct.inventory.components.map((c) => c.component)).toContain('web-service-sdk');
    const res = await collectFrom(host);
    expect(existsSync(bundleFile(res.out, 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk\\PfWsSdk.asmx') ?? '')).toBe(true);
    // An empty folder that was listed exists offline too.
    expect(existsSync(bundleFile(res.out, 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk\\bin') ?? '')).toBe(true);
    expect(outcome(await scanFolder(res.out))).toEqual(outcome(direct));
  });
});

describe('collect options', () => {
  const HOST = 'pf-agent-5x-all-in-one';
  let host: string;
  let direct: Report;
  beforeAll(async () => {
    host = stageHost(HOST);
    direct = await scanFolder(host);
  });

  it('--no-redact keeps config files byte for byte, secrets included', async () => {
    const res = await collectFrom(host, { redact: false });
    const wc = 'fs/C/inetpub/wwwroot/PhoneFactor/web.config';
    expect(readFileSync(path.join(res.out, wc))).toEqual(readFileSync(bundleFile(host, 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config')!));
    expect(holdsSecret(path.join(res.out, wc))).toBe(true);
    expect(res.redacted).toBe(0);
    expect(outcome(await scanFolder(res.out))).toEqual(outcome(direct));
  });

  it('redaction replaces the secret values and nothing else a scan reads', async () => {
    const res = await collectFrom(host);
    expect(res.redacted).toBeGreaterThan(0);
    const text = readFileSync(path.join(res.out, 'fs/C/inetpub/wwwroot/PhoneFactor/web.config'), 'utf8');
    expect(text).toContain('[redacted]');
    expect(text).toMatch(/pfup\.Properties\.Settings/);
  });

  it('--include-data copies the data file (same bytes and time) instead of describing it', async () => {
    const res = await collectFrom(host, { includeData: true });
    const src = bundleFile(host, 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata')!;
    const copy = bundleFile(res.out, 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata');
    expect(copy).not.toBeNull();
    expect(readFileSync(copy!)).toEqual(readFileSync(src));
    expect(statSync(copy!).mtime.getTime()).toBe(statSync(src).mtime.getTime());
    expect(res.described).toEqual([]);
    expect(existsSync(path.join(res.out, 'manifest.json'))).toBe(false);
    expect(outcome(await scanFolder(res.out))).toEqual(outcome(direct));
  });

  it('--zip writes one archive (OUT.zip) that scans the same once unzipped', async () => {
    const out = tempOut('MFA01');
    const res = await collectFrom(host, { out, zip: true });
    expect(res.out).toBe(`${out}.zip`);
    expect(existsSync(out)).toBe(false);
    const x = await extractZip(res.out);
    const report = await scanFolder(x.bundle);
    expect(outcome(report)).toEqual(outcome(direct));
    // Zip keeps file times (to the second).
    const wc = bundleFile(x.bundle, 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config.bak')!;
    const orig = bundleFile(host, 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config.bak')!;
    expect(Math.abs(statSync(wc).mtime.getTime() - statSync(orig).mtime.getTime())).toBeLessThan(1000);
    for (const f of files(x.bundle)) expect(holdsSecret(path.join(x.bundle, f)), f).toBe(false);
  });

  it('--out x.zip is used as given', async () => {
    const out = tempOut('x.zip');
    const res = await collectFrom(host, { out, zip: true });
    expect(res.out).toBe(out);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  it('refuses an --out that exists and is not empty, and one inside the target; writes nothing then', async () => {
    const out = tempOut();
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.txt'), 'x');
    await expect(collectFrom(host, { out })).rejects.toThrow(CollectError);
    expect(readdirSync(out)).toEqual(['keep.txt']);
    const inside = path.join(host, 'bundle-out');
    await expect(collectFrom(host, { out: inside })).rejects.toThrow(/inside the target/);
    expect(existsSync(inside)).toBe(false);
  });

  it('refuses an --out inside a folder the scan reads (MFA install folder, wwwroot, a listed folder)', async () => {
    for (const outWin of [
      'C:\\inetpub\\wwwroot\\bundle',
      'C:\\Program Files\\PhoneFactor\\out',
      'C:\\Windows\\System32\\inetsrv\\config\\x',
    ]) {
      const out = tempOut();
      await expect(collectFrom(host, { out, outWinPath: outWin }), outWin).rejects.toThrow(/a folder the scan reads/);
      expect(existsSync(out)).toBe(false);
    }
    const ok = await collectFrom(host, { outWinPath: 'C:\\Temp\\MFA01' });
    expect(existsSync(path.join(ok.out, 'bundle.json'))).toBe(true);
  });

  it('flags set the roles and backup folders in bundle.json', async () => {
    const res = await collectFrom(host, {
      roles: { replication: 'primary', replicationGroup: 'HQ', loadBalanced: true, adfsFarm: 'sts.contoso.com' },
      backupDirs: ['E:\\Backups\\MFA'],
    });
    const bj = JSON.parse(readFileSync(path.join(res.out, 'bundle.json'), 'utf8'));
    expect(bj.roles).toEqual({ replication: 'primary', replicationGroup: 'HQ', loadBalanced: true, adfsFarm: 'sts.contoso.com' });
    expect(bj.backupDirs).toEqual(['E:\\Backups\\MFA']);
  });
});
