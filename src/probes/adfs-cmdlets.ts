/**
 * The recorded output of the two read-only AD FS cmdlets (docs/bundle-format.md, "adfs/"): which authentication
 * providers AD FS has registered, and which the global policy has checked as additional authentication. `collect`
 * records them on an AD FS server; a bundle may also carry them as a person saved them (`| Out-File`, UTF-16LE).
 * Facts only: MFA-ADFS-010/011 and MFA-POST-023/024 judge them.
 */
import type { AdfsCmdletsFact } from '../types.js';
import type { ProbeContext } from './context.js';
import { schemaValidator } from '../util/schema.js';
import { ADFS_CMDLETS } from '../host/live/adfs-cmdlets.js';

const MAX_BYTES = 16 * 1024 * 1024;
const validateProviders = schemaValidator('adfs-providers.schema.json');
const validatePolicy = schemaValidator('adfs-policy.schema.json');

/** PowerShell's text: UTF-16LE (BOM or not, as Out-File and redirection write it), UTF-8 with or without BOM. */
export function decodePowerShellText(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  // UTF-16LE without BOM: ASCII text with every second byte zero.
  if (b.length >= 4 && b[1] === 0 && b[3] === 0 && b[0] !== 0) return b.toString('utf16le');
  return b.toString('utf8');
}

/** A list as ConvertTo-Json writes it: an array, one object alone, or Windows PowerShell 5.1's {value, Count} wrapper. */
function asList(j: unknown): unknown {
  if (Array.isArray(j)) return j;
  if (j && typeof j === 'object' && Array.isArray((j as { value?: unknown }).value)) return (j as { value: unknown[] }).value;
  return j === null ? [] : [j];
}

function parse(data: Buffer): { ok: true; json: unknown } | { ok: false; error: string } {
  const text = decodePowerShellText(data)
    .replace(/^\uFEFF/, '')
    .trim();
  // No provider (or an empty policy): the cmdlet wrote nothing.
  if (text === '') return { ok: true, json: null };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `is not JSON (${(e as Error).message.split('\n')[0]})` };
  }
}

async function read(
  ctx: ProbeContext,
  rel: string,
  errors: AdfsCmdletsFact['errors'],
): Promise<{ location: string; json: unknown } | null> {
  const r = await ctx.target.readBundleFile?.(rel, MAX_BYTES);
  if (!r) return null;
  if (r.truncated) {
    errors.push({ location: r.location, message: `file too large, limit ${MAX_BYTES} bytes: not read` });
    return null;
  }
  const p = parse(r.data);
  if (!p.ok) {
    errors.push({ location: r.location, message: p.error });
    return null;
  }
  return { location: r.location, json: p.json };
}

/** Reads adfs/authentication-providers.json and adfs/global-policy.json; null where the host holds neither. */
export async function probeAdfsCmdlets(ctx: ProbeContext): Promise<AdfsCmdletsFact | null> {
  if (!ctx.target.readBundleFile) return null;
  const errors: AdfsCmdletsFact['errors'] = [];
  const fact: AdfsCmdletsFact = { providers: null, globalPolicy: null, errors };
  let seen = false;

  const prov = await read(ctx, ADFS_CMDLETS[0].file, errors);
  if (prov) {
    seen = true;
    const list = asList(prov.json);
    const v = validateProviders(list);
    if (v.ok) fact.providers = { location: prov.location, names: [...new Set((list as { Name: string }[]).map((p) => p.Name))].sort() };
    else
      errors.push({
        location: prov.location,
        message: `not the output of Get-AdfsAuthenticationProvider | ConvertTo-Json: ${v.errors[0]}`,
      });
  }

  const pol = await read(ctx, ADFS_CMDLETS[1].file, errors);
  if (pol) {
    seen = true;
    const j =
      pol.json && typeof pol.json === 'object' && !Array.isArray(pol.json)
        ? pol.json
        : Array.isArray(pol.json) && pol.json.length === 1
          ? pol.json[0]
          : pol.json;
    const v = validatePolicy(j);
    if (v.ok) {
      const raw = (j as { AdditionalAuthenticationProvider?: unknown }).AdditionalAuthenticationProvider;
      const list = raw == null ? [] : typeof raw === 'string' ? [raw] : (asList(raw) as string[]);
      fact.globalPolicy = { location: pol.location, additional: list.filter((x) => typeof x === 'string' && x !== '') };
    } else
      errors.push({
        location: pol.location,
        message: `not the output of Get-AdfsGlobalAuthenticationPolicy | ConvertTo-Json: ${v.errors[0]}`,
      });
  }
  for (const e of errors) ctx.target.problems.push(e);
  return seen || errors.length ? fact : null;
}
