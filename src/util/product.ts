import type { ComponentId } from '../types.js';

/**
 * Names fixed by the product that several layers need: the probes look for these files, the fleet rules
 * say which are missing. Kept here, below both, so a rule never imports a probe.
 */

/** The installer each component needs in the MFA Server's install folder (run on its own host). */
export const INSTALLERS: Partial<Record<ComponentId, string>> = {
  'user-portal': 'MultiFactorAuthenticationUserPortalSetup64.msi',
  'mobile-app': 'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi',
  'adfs-adapter': 'MultiFactorAuthenticationAdfsAdapterSetup64.msi',
};
