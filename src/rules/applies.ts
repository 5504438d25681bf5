import semver from 'semver';

/**
 * Whether a target version (`8.1`, `7.0.2.1`) is in a rule's `appliesTo` range (`>=7.0`, `<8.0`). MFA Server
 * versions have four parts; the first three decide every range the catalog uses, so the version is read as
 * semver from those (`semver.coerce`). No range: every target.
 */
export function targetIn(targetVersion: string, range: string | undefined): boolean {
  if (range === undefined) return true;
  const v = semver.coerce(targetVersion);
  return v !== null && semver.satisfies(v, range);
}
