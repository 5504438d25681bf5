import type { IisFact } from '../types.js';
import { readApplicationHost, readRedirection } from '../xml/applicationhost.js';
import type { ProbeContext } from './context.js';

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
  const redir = await target.readFile(REDIRECTION);
  if (redir) {
    const r = readRedirection(redir.data);
    if (r.ok) fact.sharedConfig = { enabled: r.enabled, path: r.path };
    else configErrors.push({ path: target.expand(REDIRECTION), message: r.error });
  }
  const file = await target.readFile(APPHOST, 64 * 1024 * 1024);
  if (!file) return fact;
  fact.configPath = target.expand(APPHOST);
  if (file.truncated) {
    fact.parseError = 'file too large: not read';
    configErrors.push({ path: fact.configPath, message: fact.parseError });
    return fact;
  }
  const parsed = readApplicationHost(file.data);
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
