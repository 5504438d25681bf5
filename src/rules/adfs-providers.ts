/** The AD FS provider names the MFA Server adapters register (src/probes/adfs.ts providerNameFor says which when). */
export const OLD_PROVIDER = 'WindowsAzureMultiFactorAuthentication';
export const NEW_PROVIDER = 'AzureMfaServerAuthentication';

/** How to record the cmdlets' output into a bundle by hand (what `collect` runs on an AD FS server). */
export const ADFS_CMDLETS_HINT =
  'on an AD FS server run Get-AdfsAuthenticationProvider | ConvertTo-Json | Out-File adfs\\authentication-providers.json and Get-AdfsGlobalAuthenticationPolicy | ConvertTo-Json | Out-File adfs\\global-policy.json in the bundle folder (or run collect there), then scan again';

export function hasName(names: readonly string[], name: string): boolean {
  return names.some((n) => n.toLowerCase() === name.toLowerCase());
}
