/**
 * The in-memory host stands in for a bundle only if the probes cannot tell them apart: each scenario here is
 * built twice, as a MemoryHost and as a bundle folder on disk (fs/<drive>/, registry/*.reg, bundle.json,
 * manifest.json, file times), and the probes must find the same facts in both.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { MEMORY_DEFAULT_MTIME, toRegValue, type MemoryFileOptions, type MemoryRegValue } from '../../src/host/memory.js';
import { normalizeWinPath, splitWinPath } from '../../src/host/paths.js';
import type { BundleJson, ManifestEntry } from '../../src/host/types.js';
import { runProbes } from '../../src/probes/index.js';
import { ADAPTER_CONFIG, REGISTER_PS1 } from '../../src/probes/adfs.js';
import { NDP_V4_FULL, PHONEFACTOR_KEY, WINDOWS_CV, wow64 } from '../../src/probes/registry.js';
import { writeRegV5 } from '../../src/registry/reg-writer.js';
import { RegistryStore } from '../../src/registry/store.js';
import type { Stage } from '../../src/types.js';
import { APPHOST_PATH, MFA, PF, WWWROOT, applicationHost, memoryHost, portalWebConfig, uninstallEntry } from '../helpers/memory.js';

/** What a scenario may do: the builder methods MemoryHost and BundleWriter share. */
interface Sink {
  file(p: string, content: string | Buffer, o?: MemoryFileOptions): unknown;
  dir(p: string, o?: { mtime?: string | Date }): unknown;
  reg(key: string, values?: Record<string, MemoryRegValue>): unknown;
  bundleJson(b: BundleJson): unknown;
  manifestFile(m: ManifestEntry): unknown;
}

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** Writes the same scenario as a bundle folder. */
class BundleWriter implements Sink {
  readonly root = mkdtempSync(path.join(tmpdir(), 'mfa-parity-'));
  private readonly times: [string, string][] = [];
  private readonly store = new RegistryStore();
  private readonly manifest: ManifestEntry[] = [];
  private bundle: BundleJson | null = null;

  constructor() {
    roots.push(this.root);
  }

  private local(p: string): string {
    const { drive, segments } = splitWinPath(normalizeWinPath(p));
    return path.join(this.root, 'fs', drive, ...segments);
  }

  file(p: string, content: string | Buffer, o: MemoryFileOptions = {}): this {
    const f = this.local(p);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(
      f,
      typeof content === 'string' ? (o.encoding === 'utf16le' ? Buffer.from('\ufeff' + content, 'utf16le') : content) : content,
    );
    this.times.push([f, new Date(o.mtime ?? MEMORY_DEFAULT_MTIME).toISOString()]);
    return this;
  }

  dir(p: string, o: { mtime?: string | Date } = {}): this {
    mkdirSync(this.local(p), { recursive: true });
    this.times.push([this.local(p), new Date(o.mtime ?? MEMORY_DEFAULT_MTIME).toISOString()]);
    return this;
  }

  reg(key: string, values: Record<string, MemoryRegValue> = {}): this {
    this.store.createKey(key);
    for (const [n, v] of Object.entries(values)) this.store.setValue(key, toRegValue(n, v));
    return this;
  }

  bundleJson(b: BundleJson): this {
    this.bundle = b;
    return this;
  }

  manifestFile(m: ManifestEntry): this {
    this.manifest.push(m);
    return this;
  }

  done(): string {
    if (this.store.keyCount() > 0) {
      mkdirSync(path.join(this.root, 'registry'), { recursive: true });
      writeFileSync(path.join(this.root, 'registry', 'export.reg'), writeRegV5(this.store.keys()));
    }
    if (this.bundle) writeFileSync(path.join(this.root, 'bundle.json'), JSON.stringify(this.bundle));
    if (this.manifest.length) writeFileSync(path.join(this.root, 'manifest.json'), JSON.stringify({ files: this.manifest }));
    // Deepest first, after everything is written: a folder's time changes when something is put in it.
    for (const [p, t] of [...this.times].sort((a, b) => b[0].length - a[0].length)) utimesSync(p, new Date(t), new Date(t));
    return this.root;
  }
}

type Scenario = (s: Sink) => void;

const SCENARIOS: [string, Stage, Scenario][] = [
  [
    'MFA Server with portal, SDK URL, backups and a manifest-only copy',
    'pre',
    (s) => {
      s.bundleJson({ hostname: 'MFA01', backupDirs: ['E:\\Backups'], roles: { replication: 'primary', replicationGroup: 'HQ' } });
      s.reg(PHONEFACTOR_KEY, { InstallPath: MFA });
      s.reg(NDP_V4_FULL, { Release: 461808 });
      s.file(`${MFA}\\MultiFactorAuthSvc.exe`, 'MZ', { mtime: '2025-01-01T00:00:00Z' });
      s.file(`${MFA}\\Data\\PhoneFactor.pfdata`, 'DATA', { mtime: '2026-11-10T00:00:00Z' });
      s.file('E:\\Backups\\MFA\\PhoneFactor.pfdata', 'DATA', { mtime: '2026-11-01T00:00:00Z' });
      s.manifestFile({ path: `${MFA}\\Data\\PhoneFactor.pfdata.bak`, size: 4, mtime: '2026-10-01T00:00:00Z', sha256: 'ab'.repeat(32) });
      s.file(
        APPHOST_PATH,
        applicationHost([{ path: '/MultiFactorAuth', physicalPath: `${WWWROOT}\\MultiFactorAuth` }], ['*:443:mfa.contoso.com']),
      );
      s.file(`${WWWROOT}\\MultiFactorAuth\\web.config`, portalWebConfig(), { mtime: '2026-11-05T00:00:00Z' });
      s.file(`${WWWROOT}\\MultiFactorAuth\\web.config.bak`, portalWebConfig('https://old/PfWsSdk.asmx'), { mtime: '2026-11-04T00:00:00Z' });
      s.file(`${WWWROOT}\\MultiFactorAuth\\App_Themes\\Default\\a.css`, 'a', { mtime: '2026-06-01T00:00:00Z' });
      s.file(`${WWWROOT}\\MultiFactorAuth\\App_Themes\\Contoso\\b.css`, 'b');
      s.file(`${WWWROOT}\\MultiFactorAuth\\Default.aspx`, 'x', { mtime: '2025-01-01T00:00:00Z' });
    },
  ],
  [
    'PhoneFactor Agent, mixed-case folders, 32-bit view, localized Program Files',
    'pre',
    (s) => {
      s.reg(WINDOWS_CV, { ProgramFilesDir: 'C:\\Programme' });
      s.reg(wow64(PHONEFACTOR_KEY), { InstallPath: 'C:\\Programme\\PhoneFactor\\' });
      s.file('C:\\PROGRAMME\\phonefactor\\PFSVC.EXE', 'MZ');
      s.file('C:\\PROGRAMME\\phonefactor\\data\\phonefactor.PFDATA', 'D');
      s.file('C:\\PROGRAMME\\phonefactor\\data\\PhoneFactor - Copy.pfdata', 'D', { mtime: '2020-01-01T00:00:00Z' });
      s.dir('C:\\Windows');
    },
  ],
  [
    'AD FS server at stage adfs, adapter found by its files',
    'adfs',
    (s) => {
      s.file(`${MFA}\\${REGISTER_PS1}`, 'Register-AdfsAuthenticationProvider -TypeName $t', { encoding: 'utf16le' });
      s.file(
        `${MFA}\\${ADAPTER_CONFIG}`,
        '<ConfigurationData><WebServiceSdkUrl>https://mfa01/x/PfWsSdk.asmx</WebServiceSdkUrl><A>2</A></ConfigurationData>',
        { mtime: '2026-11-20T00:00:00Z' },
      );
      s.file(
        `${MFA}\\${ADAPTER_CONFIG}.bak`,
        '<ConfigurationData><WebServiceSdkUrl>https://mfa01/x/PfWsSdk.asmx</WebServiceSdkUrl><A>1</A></ConfigurationData>',
        { mtime: '2026-11-01T00:00:00Z' },
      );
    },
  ],
];

function uninstallToo(name: string, s: Sink): void {
  if (name.startsWith('MFA Server'))
    uninstallEntry(s, '{S}', 'Multi-Factor Authentication Server', { version: '7.3.0.3', installLocation: MFA, installDate: '20250101' });
}

describe('MemoryHost and a bundle folder give the probes the same facts', () => {
  it.each(SCENARIOS)('%s', async (name, stage, scenario) => {
    const mem = memoryHost();
    scenario(mem);
    uninstallToo(name, mem);
    const disk = new BundleWriter();
    scenario(disk);
    uninstallToo(name, disk);
    const bundle = await BundleHost.open(disk.done());
    const a = await runProbes(mem, { stage });
    const b = await runProbes(bundle, { stage });
    expect(b.problems).toEqual([]);
    expect(a).toEqual(b);
    expect(a.components.length).toBeGreaterThan(0);
  });

  it('a folder that cannot be read (BundleHost denyRead, MemoryHost cannotRead): the same facts and problems', async () => {
    const scenario: Scenario = (s) => {
      s.file(`${PF}\\pfsvc.exe`, 'MZ');
      s.file(`${PF}\\Data\\PhoneFactor.pfdata`, 'D');
    };
    const mem = memoryHost();
    scenario(mem);
    mem.cannotRead(`${PF}\\Data`);
    const disk = new BundleWriter();
    scenario(disk);
    const bundle = await BundleHost.open(disk.done(), { denyRead: (rel) => rel === 'fs/C/Program Files/PhoneFactor/Data' });
    const a = await runProbes(mem, { stage: 'pre' });
    const b = await runProbes(bundle, { stage: 'pre' });
    // A bundle names a folder it could not list by its place in the bundle; the memory host by its Windows path.
    const asWindows = (loc: string) => (loc.startsWith('fs/') ? normalizeWinPath(`${loc[3]}:\\${loc.slice(5)}`) : loc);
    b.problems = b.problems.map((p) => ({ ...p, location: asWindows(p.location) }));
    expect(a.dataFile!.original.unreadable).toBe(true);
    expect(a).toEqual(b);
  });
});
