/**
 * Windows product versions ("8.0.1.1", "5.2.1.2") compare numerically part by part, with missing parts as 0
 * (rules.md: 8.0.1.1 < 8.1 = 8.1.0.0). semver cannot hold a fourth part, so this is not semver.
 */
export function parseVersion(v: string | null | undefined): number[] | null {
  if (!v) return null;
  const m = /^\s*v?(\d+(?:\.\d+)*)/.exec(v);
  if (!m) return null;
  return m[1].split('.').map((x) => Number(x));
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a) ?? [];
  const y = parseVersion(b) ?? [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function majorOf(v: string | null | undefined): number | null {
  return parseVersion(v)?.[0] ?? null;
}
