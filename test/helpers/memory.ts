/**
 * Shared pieces for probe tests on the in-memory host: the probe context runProbes builds, and the
 * registry and file shapes a real host has (Uninstall entries, the PhoneFactor key, a portal web.config).
 */
import { MemoryHost, memoryHost, type MemoryRegValue } from '../../src/host/memory.js';
import type { ProbeContext, ProbeOptions } from '../../src/probes/context.js';
import { registryEnv } from '../../src/probes/host.js';
import { REGISTRY_INTERESTS, UNINSTALL_32, UNINSTALL_64 } from '../../src/probes/registry.js';

export { MemoryHost, memoryHost };

/** What runProbes does before the first probe: load the registry the probes declare, hand its env over. */
export async function probeContext(host: MemoryHost, opts: Partial<ProbeOptions> = {}): Promise<ProbeContext> {
  const reg = await host.loadRegistry(REGISTRY_INTERESTS);
  const ctx: ProbeContext = { target: host, reg, opts: { stage: 'pre', ...opts } };
  host.setRegistryEnv(registryEnv(ctx));
  return ctx;
}

export interface UninstallOptions {
  version?: string;
  installLocation?: string;
  installDate?: string;
  /** The 32-bit view (WOW6432Node). */
  wow64?: boolean;
}

/** An Uninstall entry as an MSI writes it. */
export function uninstallEntry<H extends { reg(key: string, values: Record<string, MemoryRegValue>): unknown }>(
  host: H,
  subkey: string,
  displayName: string,
  o: UninstallOptions = {},
): H {
  const values: Record<string, string> = { DisplayName: displayName };
  if (o.version !== undefined) values.DisplayVersion = o.version;
  if (o.installLocation !== undefined) values.InstallLocation = o.installLocation;
  if (o.installDate !== undefined) values.InstallDate = o.installDate;
  host.reg(`${o.wow64 ? UNINSTALL_32 : UNINSTALL_64}\\${subkey}`, values);
  return host;
}

export const PF = 'C:\\Program Files\\PhoneFactor';
export const MFA = 'C:\\Program Files\\Multi-Factor Authentication Server';
export const WWWROOT = 'C:\\inetpub\\wwwroot';
export const APPHOST_PATH = 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config';

/** A User Portal web.config with its applicationSettings section and SDK URL. */
export function portalWebConfig(sdkUrl = 'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', extra = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <configSections>
    <sectionGroup name="applicationSettings"><section name="pfup.Properties.Settings" /></sectionGroup>
  </configSections>
  <appSettings>
    <add key="LOG_LEVEL" value="3" />${extra}
  </appSettings>
  <applicationSettings>
    <pfup.Properties.Settings>
      <setting name="pfup_pfwssdk_PfWsSdk" serializeAs="String"><value>${sdkUrl}</value></setting>
    </pfup.Properties.Settings>
  </applicationSettings>
</configuration>
`;
}

/** A Mobile App Web Service web.config. */
export function mobileWebConfig(sdkUrl = 'https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <applicationSettings>
    <pfpaws.Properties.Settings>
      <setting name="pfpaws_pfwssdk_PfWsSdk" serializeAs="String"><value>${sdkUrl}</value></setting>
    </pfpaws.Properties.Settings>
  </applicationSettings>
</configuration>
`;
}

export interface IisApp {
  site?: string;
  path: string;
  physicalPath: string;
}

/** An applicationHost.config with one site and the given applications. */
export function applicationHost(apps: IisApp[], bindings: string[] = ['*:443:']): string {
  const byPath = apps
    .map((a) => `        <application path="${a.path}"><virtualDirectory path="/" physicalPath="${a.physicalPath}" /></application>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.applicationHost>
    <sites>
      <site name="Default Web Site" id="1">
        <application path="/"><virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" /></application>
${byPath}
        <bindings>
${bindings.map((b) => `          <binding protocol="https" bindingInformation="${b}" />`).join('\n')}
        </bindings>
      </site>
    </sites>
  </system.applicationHost>
</configuration>
`;
}
