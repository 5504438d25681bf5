import { describe, expect, it } from 'vitest';
import { probeDotnet, probeVc } from '../../src/probes/prereqs.js';
import { readUninstall } from '../../src/probes/uninstall.js';
import { NDP, NDP_V4_FULL, VC_RUNTIMES, wow64 } from '../../src/probes/registry.js';
import { memoryHost, probeContext, uninstallEntry, type MemoryHost } from '../helpers/memory.js';

async function dotnet(h: MemoryHost) {
  return probeDotnet(await probeContext(h));
}
async function vc(h: MemoryHost, arch: 'x64' | 'x86') {
  const ctx = await probeContext(h);
  const un = readUninstall(ctx.reg);
  return probeVc(ctx, arch, un.covered, un.other);
}

describe('probeDotnet', () => {
  it('.NET 4.8: the Release value', async () => {
    expect(await dotnet(memoryHost().reg(NDP_V4_FULL, { Release: 528040 }))).toEqual({
      known: true,
      release: 528040,
      evidence: [
        { source: 'registry', location: 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full\\Release', observed: '528040' },
      ],
    });
  });

  it('.NET 4.0 only: the key without Release is known and has no release', async () => {
    const f = await dotnet(memoryHost().reg(NDP_V4_FULL, { Version: '4.0.30319' }));
    expect(f).toMatchObject({ known: true, release: null });
    expect(f.evidence[0].observed).toBe('no Release value');
  });

  it('.NET 3.5 only (no v4 key): known, key absent', async () => {
    const f = await dotnet(memoryHost().reg(`${NDP}\\v3.5`, { Install: 1 }));
    expect(f).toMatchObject({ known: true, release: null });
    expect(f.evidence[0].observed).toBe('key absent');
  });

  it('the NDP key not exported: unknown, no evidence; on a live host an absent key is known absent', async () => {
    expect(await dotnet(memoryHost())).toEqual({ known: false, release: null, evidence: [] });
    expect((await dotnet(memoryHost({ kind: 'live' }))).known).toBe(true);
  });
});

describe('probeVc', () => {
  it('the Runtimes key in the 32-bit view', async () => {
    const f = await vc(
      memoryHost().reg(`${wow64(VC_RUNTIMES)}\\x64`, { Installed: 1, Major: 14, Minor: 38, Bld: 33135, Version: 'v14.38.33135.00' }),
      'x64',
    );
    expect(f).toMatchObject({ arch: 'x64', known: true, installed: true, version: 'v14.38.33135.00', major: 14, minor: 38, bld: 33135 });
  });

  it('Installed 0 is not installed; no Version value: built from Major.Minor.Bld', async () => {
    const f = await vc(memoryHost().reg(`${VC_RUNTIMES}\\x86`, { Installed: 0, Major: 14, Minor: 0, Bld: 23026 }), 'x86');
    expect(f).toMatchObject({ known: true, installed: false, version: '14.0.23026' });
  });

  it('no Runtimes key: the Uninstall entry of the 2015-2022 redistributable for that arch', async () => {
    const h = memoryHost();
    uninstallEntry(h, '{x64}', 'Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33135', { version: '14.38.33135.0' });
    uninstallEntry(h, '{2013}', 'Microsoft Visual C++ 2013 Redistributable (x86) - 12.0.30501', { version: '12.0.30501.0' });
    expect(await vc(h, 'x64')).toMatchObject({ known: true, installed: true, version: '14.38.33135.0', major: 14, minor: 38, bld: 33135 });
    // The 2013 runtime does not count: Uninstall is covered, so x86 is known missing.
    expect(await vc(h, 'x86')).toMatchObject({ known: true, installed: false, version: null });
  });

  it('neither the key nor Uninstall exported: unknown', async () => {
    expect(await vc(memoryHost(), 'x64')).toMatchObject({ known: false, installed: false, evidence: [] });
  });
});
