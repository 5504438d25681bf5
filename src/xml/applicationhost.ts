/**
 * IIS configuration: applicationHost.config (sites, applications, virtual directories, bindings)
 * and redirection.config (shared configuration).
 */
import type { VirtualDirectory } from '../types.js';
import { attr, childrenNamed, descend, parseXmlSafe, type ParseOptions } from './safe.js';

export interface SiteBinding {
  protocol: string;
  bindingInformation: string;
  /** Host name of an http/https binding ("ip:port:host"), null where the binding has none. */
  host: string | null;
}

export interface SiteApplication {
  path: string;
  /** applicationPool as configured, else the site's or the server's applicationDefaults. */
  applicationPool: string | null;
  virtualDirectories: { path: string; physicalPath: string }[];
}

export interface Site {
  name: string;
  id: string | null;
  bindings: SiteBinding[];
  applications: SiteApplication[];
}

export type ApplicationHostResult =
  { ok: true; sites: Site[]; virtualDirectories: VirtualDirectory[]; boundHostNames: string[] } | { ok: false; error: string };

/** Host part of an http(s) bindingInformation "ip:port:host" (IPv6 ip in brackets). */
export function bindingHost(protocol: string, bindingInformation: string): string | null {
  if (!/^https?$/i.test(protocol)) return null; // net.tcp "808:*", net.pipe "*" have no host name
  const m = /^(.*):(\d*):([^:]*)$/.exec(bindingInformation.trim());
  const host = m ? m[3].trim() : '';
  return host === '' ? null : host;
}

/** Join an application path and a virtual directory path into the URL path. */
export function joinUrlPath(app: string, vdir: string): string {
  const a = app === '/' ? '' : app.replace(/\/+$/, '');
  const v = vdir === '/' ? '' : vdir;
  const joined = `${a}${v.startsWith('/') || v === '' ? v : `/${v}`}`;
  return joined === '' ? '/' : joined;
}

/** Read sites, applications and virtual directories from applicationHost.config. */
export function readApplicationHost(data: Buffer | string, opts?: ParseOptions): ApplicationHostResult {
  const r = parseXmlSafe(data, opts);
  if (!r.ok) return r;
  const root = r.doc.root;
  if (root.name.toLowerCase() !== 'configuration') {
    return { ok: false, error: `not an IIS configuration file: root element is <${root.name}>, expected <configuration>` };
  }
  const sitesEl = descend(root, 'system.applicationHost', 'sites');
  if (!sitesEl) return { ok: false, error: 'no <system.applicationHost><sites> section' };

  // Only <site> children are sites: siteDefaults, applicationDefaults, virtualDirectoryDefaults are not.
  const serverDefaultPool =
    childrenNamed(sitesEl, 'applicationDefaults')
      .map((d) => attr(d, 'applicationPool'))
      .find((p) => p) ?? null;
  const sites: Site[] = [];
  const vdirs: VirtualDirectory[] = [];
  const hosts = new Map<string, string>();

  for (const s of childrenNamed(sitesEl, 'site')) {
    const name = attr(s, 'name') ?? '';
    const siteDefaultPool =
      childrenNamed(s, 'applicationDefaults')
        .map((d) => attr(d, 'applicationPool'))
        .find((p) => p) ?? serverDefaultPool;
    const bindings: SiteBinding[] = [];
    for (const bs of childrenNamed(s, 'bindings')) {
      for (const b of childrenNamed(bs, 'binding')) {
        const protocol = attr(b, 'protocol') ?? '';
        const bindingInformation = attr(b, 'bindingInformation') ?? '';
        const host = bindingHost(protocol, bindingInformation);
        bindings.push({ protocol, bindingInformation, host });
        if (host) hosts.set(host.toLowerCase(), host.toLowerCase());
      }
    }
    const applications: SiteApplication[] = [];
    for (const a of childrenNamed(s, 'application')) {
      const appPath = attr(a, 'path') ?? '/';
      const virtualDirectories = childrenNamed(a, 'virtualDirectory').map((v) => ({
        path: attr(v, 'path') ?? '/',
        physicalPath: attr(v, 'physicalPath') ?? '',
      }));
      applications.push({ path: appPath, applicationPool: attr(a, 'applicationPool') ?? siteDefaultPool, virtualDirectories });
      for (const v of virtualDirectories) {
        vdirs.push({ site: name, app: appPath, vdir: v.path, urlPath: joinUrlPath(appPath, v.path), physicalPath: v.physicalPath });
      }
    }
    sites.push({ name, id: attr(s, 'id'), bindings, applications });
  }
  const boundHostNames = [...hosts.values()].sort();
  return { ok: true, sites, virtualDirectories: vdirs, boundHostNames };
}

export type RedirectionResult = { ok: true; enabled: boolean; path: string | null } | { ok: false; error: string };

/**
 * redirection.config: `configuration/configurationRedirection` `enabled` and `path`.
 * A file without that element means no shared configuration.
 */
export function readRedirection(data: Buffer | string, opts?: ParseOptions): RedirectionResult {
  const r = parseXmlSafe(data, opts);
  if (!r.ok) return r;
  if (r.doc.root.name.toLowerCase() !== 'configuration') {
    return { ok: false, error: `not an IIS configuration file: root element is <${r.doc.root.name}>, expected <configuration>` };
  }
  const el = descend(r.doc.root, 'configurationRedirection');
  if (!el) return { ok: true, enabled: false, path: null };
  const path = attr(el, 'path');
  return { ok: true, enabled: (attr(el, 'enabled') ?? '').trim().toLowerCase() === 'true', path: path && path.trim() !== '' ? path : null };
}
