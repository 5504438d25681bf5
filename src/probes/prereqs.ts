import type { DotnetFact, VcRuntimeFact } from '../types.js';
import { NDP, NDP_V4_FULL, VC_RUNTIMES, bothViews, num, regEvidence, str } from './registry.js';
import type { ProbeContext } from './context.js';

/** .NET Framework 4.x: the NDP\v4\Full Release value. Known where the export covers the NDP key (or live). */
export function probeDotnet(ctx: ProbeContext): DotnetFact {
  const { reg, target } = ctx;
  const known = target.registryComplete || reg.hasAnyUnder(NDP);
  const release = num(reg.getValue(NDP_V4_FULL, 'Release'));
  const evidence =
    release !== null
      ? [regEvidence(NDP_V4_FULL, 'Release', String(release))]
      : known
        ? [regEvidence(NDP_V4_FULL, 'Release', reg.getKey(NDP_V4_FULL) ? 'no Release value' : 'key absent')]
        : [];
  return { known, release, evidence };
}

/**
 * VC++ 2015+ runtime (x64 or x86): VisualStudio\14.0\VC\Runtimes\<arch> in either view; without that key,
 * the Uninstall entries ("Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.x") where the export
 * covers them, since a host that never had the runtime has no Runtimes key to export.
 */
export function probeVc(
  ctx: ProbeContext,
  arch: 'x64' | 'x86',
  uninstallCovered: boolean,
  other: { displayName: string; version: string | null; key: string }[],
): VcRuntimeFact {
  const { reg, target } = ctx;
  for (const key of bothViews(`${VC_RUNTIMES}\\${arch}`)) {
    if (!reg.getKey(key)) continue;
    const installed = num(reg.getValue(key, 'Installed'));
    const major = num(reg.getValue(key, 'Major'));
    const minor = num(reg.getValue(key, 'Minor'));
    const bld = num(reg.getValue(key, 'Bld'));
    const version = str(reg.getValue(key, 'Version')) ?? (major !== null ? `${major}.${minor ?? 0}.${bld ?? 0}` : null);
    return {
      arch,
      known: true,
      installed: installed === 1,
      version,
      major,
      minor,
      bld,
      evidence: [
        regEvidence(key, 'Installed', String(installed ?? 'absent')),
        regEvidence(key, 'Version', `${version ?? 'absent'} (Major ${major ?? '?'}, Minor ${minor ?? '?'}, Bld ${bld ?? '?'})`),
      ],
    };
  }
  const re = new RegExp(`Visual C\\+\\+ 20(15|17|19|22)\\b.*Redistributable.*\\(${arch}\\)`, 'i');
  const hit = other.find((o) => re.test(o.displayName));
  if (hit) {
    const parts = (hit.version ?? '').split('.').map((x) => Number(x));
    return {
      arch,
      known: true,
      installed: true,
      version: hit.version,
      major: Number.isFinite(parts[0]) ? parts[0] : null,
      minor: Number.isFinite(parts[1]) ? parts[1] : null,
      bld: Number.isFinite(parts[2]) ? parts[2] : null,
      evidence: [regEvidence(hit.key, 'DisplayName', `${hit.displayName} ${hit.version ?? ''}`.trim())],
    };
  }
  const known = target.registryComplete || uninstallCovered;
  return {
    arch,
    known,
    installed: false,
    version: null,
    major: null,
    minor: null,
    bld: null,
    evidence: known
      ? [regEvidence(`${VC_RUNTIMES}\\${arch}`, 'Installed', 'key absent in both views, and no Visual C++ 2015+ Uninstall entry')]
      : [],
  };
}
