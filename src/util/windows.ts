/**
 * What a Windows Server release is, from the version the host reports: its name, the end of its extended
 * support (and of the paid Extended Security Updates where Microsoft sold them), the newest .NET Framework 4.x
 * it can install, and whether it is 32-bit. Dates: Microsoft's lifecycle pages for each release.
 */
import type { HostOs } from '../report/report.generated.js';

export interface WindowsRelease {
  name: string;
  /** Last day of extended support (YYYY-MM-DD). */
  extendedEnd: string;
  /** Last day of Extended Security Updates, where they were sold. */
  esuEnd: string | null;
  /** The newest .NET Framework 4.x this release installs, and its NDP\v4\Full Release value; null: none (4.0 at most). */
  newestNet: { version: string; release: number } | null;
}

const NET48 = { version: '4.8', release: 528040 };

/** By major.minor.build (builds of one major.minor share a row unless listed). */
const RELEASES: { match: RegExp; caption: RegExp; release: WindowsRelease }[] = [
  {
    match: /^5\.2\./,
    caption: /server 2003/i,
    release: { name: 'Windows Server 2003', extendedEnd: '2015-07-14', esuEnd: null, newestNet: null },
  },
  // .NET 4.6 is the last .NET Framework Server 2008 SP2 installs (4.6.1 and later need 2008 R2 SP1).
  {
    match: /^6\.0\./,
    caption: /server 2008(?! r2)/i,
    release: {
      name: 'Windows Server 2008',
      extendedEnd: '2020-01-14',
      esuEnd: '2023-01-10',
      newestNet: { version: '4.6', release: 393297 },
    },
  },
  {
    match: /^6\.1\./,
    caption: /server 2008 r2/i,
    release: { name: 'Windows Server 2008 R2', extendedEnd: '2020-01-14', esuEnd: '2023-01-10', newestNet: NET48 },
  },
  {
    match: /^6\.2\./,
    caption: /server 2012(?! r2)/i,
    release: { name: 'Windows Server 2012', extendedEnd: '2023-10-10', esuEnd: '2026-10-13', newestNet: NET48 },
  },
  {
    match: /^6\.3\./,
    caption: /server 2012 r2/i,
    release: { name: 'Windows Server 2012 R2', extendedEnd: '2023-10-10', esuEnd: '2026-10-13', newestNet: NET48 },
  },
  {
    match: /^10\.0\.14393(\.|$)/,
    caption: /server 2016/i,
    release: { name: 'Windows Server 2016', extendedEnd: '2027-01-12', esuEnd: null, newestNet: NET48 },
  },
  {
    match: /^10\.0\.17763(\.|$)/,
    caption: /server 2019/i,
    release: { name: 'Windows Server 2019', extendedEnd: '2029-01-09', esuEnd: null, newestNet: NET48 },
  },
  {
    match: /^10\.0\.20348(\.|$)/,
    caption: /server 2022/i,
    release: { name: 'Windows Server 2022', extendedEnd: '2031-10-14', esuEnd: null, newestNet: NET48 },
  },
  {
    match: /^10\.0\.26100(\.|$)/,
    caption: /server 2025/i,
    release: { name: 'Windows Server 2025', extendedEnd: '2034-10-10', esuEnd: null, newestNet: NET48 },
  },
];

/** The release by version ("6.0.6002"), else by caption ("Windows Server 2008 Standard"); null where neither says. */
export function windowsRelease(os: Pick<HostOs, 'caption' | 'version'>): WindowsRelease | null {
  const v = os.version?.trim() ?? '';
  const byVersion = v ? RELEASES.find((r) => r.match.test(v)) : undefined;
  if (byVersion) return byVersion.release;
  const c = os.caption ?? '';
  return (c && RELEASES.find((r) => r.caption.test(c))?.release) || null;
}

/** A 32-bit Windows: x86 only (no x64 runtime, 32-bit installers). */
export function is32Bit(architecture: string | null | undefined): boolean {
  return /^(x86|32|32-bit|i[3-6]86)$/i.test((architecture ?? '').trim());
}

/**
 * An installer's file name for the host's architecture: the procedures name 32- and 64-bit MSIs
 * (`MultiFactorAuthenticationUserPortalSetup32.msi` / `...Setup64.msi`); 64-bit where the architecture is unknown.
 */
export function installerFor(base: string, architecture: string | null | undefined): string {
  return `${base}${is32Bit(architecture) ? '32' : '64'}.msi`;
}
