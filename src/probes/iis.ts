import type { IisFact } from '../types.js';
import { readApplicationHost, readRedirection } from '../xml/applicationhost.js';
import { readConfig, type ProbeContext } from './context.js';

export const APPHOST = '%SystemRoot%\\System32\\inetsrv\\config\\applicationHost.config';
export const REDIRECTION = '%SystemRoot%\\System32\\inetsrv\\config\\redirection.config';

/** IIS sites, applications and virtual directories from applicationHost.config (rules.md, VDIR section). */
export async function probeIis(ctx: ProbeContext, configErrors: { path: string; message: string }[]): Promise<IisFact> {
  const { target } = ctx;
  const fact: IisFact = {
    known: false,
    configPath: null,
    sharedConfig: null,
    parseError: null,
    virtualDirectories: [],
    boundHostNames: [],
  };
  const redir = await readConfig(target, REDIRECTION);
  if (redir) {
    const r = redir.ok ? readRedirection(redir.data) : redir;
    if (r.ok) fact.sharedConfig = { enabled: r.enabled, path: r.path };
    else configErrors.push({ path: target.expand(REDIRECTION), message: r.error });
  }
  const max = 64 * 1024 * 1024;
  const file = await readConfig(target, APPHOST, max);
  if (!file) return fact;
  fact.configPath = target.expand(APPHOST);
  if (!file.ok) {
    fact.parseError = file.error;
    configErrors.push({ path: fact.configPath, message: fact.parseError });
    return fact;
  }
  const parsed = readApplicationHost(file.data, { maxBytes: max });
  if (!parsed.ok) {
    fact.parseError = parsed.error;
    configErrors.push({ path: fact.configPath, message: parsed.error });
    return fact;
  }
  // With shared configuration on, the local file is not what IIS runs: virtual directories are unknown.
  fact.known = !fact.sharedConfig?.enabled;
  fact.virtualDirectories = parsed.virtualDirectories;
  fact.boundHostNames = [...new Set(parsed.boundHostNames.map((h) => h.toLowerCase()))].sort();
  return fact;
}
