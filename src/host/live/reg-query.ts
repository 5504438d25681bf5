/**
 * The live registry through reg.exe (docs/bundle-format.md, "Live mode"): `reg query <key> /s /reg:64`, its text
 * parsed into the same RegistryStore the .reg parser fills.
 *
 * Encoding: reg.exe writes redirected output in the console's output code page (OEM: 437, 850...), which
 * cannot hold most of Unicode. We therefore run it as `cmd.exe /d /c "chcp 65001 >nul & reg.exe query ..."`
 * with `windowsHide`, which gives cmd its own hidden console: the code page change makes reg.exe write
 * UTF-8 and touches no console but that throw-away one. Output that is not valid UTF-8 (an old Windows, or
 * Wine, whose reg.exe writes the OEM code page whatever the console says) is decoded with the host's OEM
 * code page, and a problem says characters may have been lost. `cmd /u` does not help: it only makes
 * cmd's own built-ins write UTF-16, never a child program such as reg.exe.
 */
import { isUtf8 } from 'node:buffer';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { RegistryProblem, RegValue, RegValueType } from '../../registry/types.js';
import type { RegistryStore } from '../../registry/store.js';
import { parseRegPath } from '../../registry/path.js';
import { typeNumberOf } from '../../registry/values.js';
import { decodeRegOutput, type Decoded } from './codepage.js';

export interface QueryOptions {
  /** reg.exe to run. Default: %SystemRoot%\System32\reg.exe (Sysnative from a 32-bit process). */
  regExe?: string;
  /**
   * cmd.exe used to set code page 65001 first. Default: %SystemRoot%\System32\cmd.exe.
   * null: run reg.exe directly (its output is then in the OEM code page).
   */
  cmdExe?: string | null;
  /** With /s (default true). */
  recursive?: boolean;
  /** Milliseconds before reg.exe is killed (default 120 s: a large Uninstall key on a slow host). */
  timeoutMs?: number;
  /** Asked only when the output is not UTF-8; default: reads HKLM\...\Nls\CodePage\OEMCP once. */
  oemCodePage?: () => Promise<number | null>;
  /**
   * Subkey listings already asked for while telling a missing key from an unreadable one, shared by the
   * queries of one scan: on a host without MFA Server most interests are missing and share their parents
   * (HKLM\SOFTWARE\WOW6432Node, ...), and each listing is a cmd.exe and a reg.exe start.
   */
  listings?: Map<string, Promise<string[] | null | 'error'>>;
}

export type QueryResult = { ok: true; text: string; encoding: string; warning?: string } | { ok: false; missing: boolean; error: string };

const MAX_BUFFER = 512 * 1024 * 1024;

/** System32 as this process must name it: a 32-bit process on 64-bit Windows sees SysWOW64 there. */
export function system32(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.SystemRoot ?? env.windir ?? 'C:\\Windows';
  const wow = process.arch === 'ia32' && !!env.PROCESSOR_ARCHITEW6432;
  return path.win32.join(root, wow ? 'Sysnative' : 'System32');
}

/** Characters cmd.exe would act on even inside quotes, or that break the quoting. */
const UNSAFE_FOR_CMD = /["%\r\n\0]/;

interface RawRun {
  code: number | string | null;
  stdout: Buffer;
  stderr: Buffer;
  spawnError?: string;
}

function run(file: string, args: string[], verbatim: boolean, timeoutMs: number): Promise<RawRun> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { encoding: 'buffer', maxBuffer: MAX_BUFFER, timeout: timeoutMs, windowsHide: true, windowsVerbatimArguments: verbatim },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
        const out: RawRun = { code: e ? (e.code ?? null) : 0, stdout: stdout ?? Buffer.alloc(0), stderr: stderr ?? Buffer.alloc(0) };
        if (e && typeof e.code === 'string') out.spawnError = `${file} cannot be run: ${e.code}`;
        else if (e?.killed) out.spawnError = `${file} did not finish within ${Math.round(timeoutMs / 1000)} s`;
        else if (e && /maxBuffer/i.test(e.message)) out.spawnError = `${file} wrote more than ${MAX_BUFFER} bytes`;
        resolve(out);
      },
    );
  });
}

/** Runs reg.exe with these arguments (through cmd + chcp 65001 unless cmdExe is null). */
async function runReg(args: string[], opts: QueryOptions): Promise<RawRun> {
  const reg = opts.regExe ?? path.win32.join(system32(), 'reg.exe');
  const timeout = opts.timeoutMs ?? 120_000;
  const cmd = opts.cmdExe === undefined ? path.win32.join(system32(), 'cmd.exe') : opts.cmdExe;
  if (cmd === null) return run(reg, args, false, timeout);
  const bad = [reg, ...args].find((a) => UNSAFE_FOR_CMD.test(a));
  if (bad !== undefined) {
    return {
      code: null,
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      spawnError: `cannot pass ${JSON.stringify(bad)} to reg.exe safely (a quote, % or line break)`,
    };
  }
  // cmd /s /c "<line>": cmd strips the outer quotes and runs the line as written. Inside quotes,
  // & | < > ^ are literal; /v:off keeps ! literal too.
  const line = `chcp 65001 >nul 2>nul & "${reg}" ${args.map((a) => `"${a}"`).join(' ')}`;
  return run(cmd, ['/d', '/v:off', '/s', '/c', `"${line}"`], true, timeout);
}

function firstLine(b: Buffer): string {
  return (
    b
      .toString('utf8')
      .replace(/\uFFFD/g, '?')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)[0] ?? ''
  );
}

let oemCache: Promise<number | null> | null = null;
/** The host's OEM code page, from the registry (its text is ASCII whatever the code page). */
export function hostOemCodePage(opts: QueryOptions = {}): Promise<number | null> {
  oemCache ??= runReg(['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage', '/v', 'OEMCP'], opts).then((r) => {
    const m = /OEMCP\s+REG_SZ\s+(\d+)/.exec(r.stdout.toString('latin1'));
    return m ? Number(m[1]) : null;
  });
  return oemCache;
}

/** Lines of a non-recursive `reg query` naming the immediate subkeys of `key`. */
function childNames(text: string, key: string): string[] {
  const k = parseRegPath(key);
  if (!k) return [];
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const p = line.startsWith('HKEY_') ? parseRegPath(line.trimEnd()) : undefined;
    if (p && p.names.length === k.names.length + 1 && p.norm.startsWith(k.norm + '\\')) out.push(p.names[p.names.length - 1]);
  }
  return out;
}

/**
 * Whether a key reg.exe could not read is absent. reg.exe says "not found" and "access denied" with the
 * same exit code 1 and in the host's language, so we ask the parent instead: absent when the parent
 * lists no such subkey, or is itself absent. The hive root failing means reg.exe itself fails.
 */
async function isMissing(key: string, opts: QueryOptions, depth = 0): Promise<boolean> {
  const p = parseRegPath(key);
  if (!p || p.names.length === 0 || depth > 64) return false;
  const parent = [p.root, ...p.names.slice(0, -1)].join('\\');
  const children = await listChildren(parent, opts);
  if (children === 'error') return false;
  if (children) {
    const want = p.names[p.names.length - 1].toLowerCase();
    return !children.some((n) => n.toLowerCase() === want);
  }
  if (p.names.length === 1) return false;
  return isMissing(parent, opts, depth + 1);
}

/** The immediate subkey names of `key`; null where reg.exe could not read it; 'error' where it did not run. */
function listChildren(key: string, opts: QueryOptions): Promise<string[] | null | 'error'> {
  const cacheKey = key.toLowerCase();
  const hit = opts.listings?.get(cacheKey);
  if (hit) return hit;
  const result = runReg(['query', key, '/reg:64'], opts).then((r): string[] | null | 'error' => {
    if (r.spawnError) return 'error';
    if (r.code !== 0) return null;
    // Names may be non-ASCII: compare case-insensitively on the UTF-8 (or latin1) text.
    return childNames(r.stdout.toString(isUtf8(r.stdout) ? 'utf8' : 'latin1'), key);
  });
  opts.listings?.set(cacheKey, result);
  return result;
}

/** `reg query <key> [/s] /reg:64`. A missing key is `{ ok: false, missing: true }`; nothing throws. */
export async function queryKey(key: string, opts: QueryOptions = {}): Promise<QueryResult> {
  const args = ['query', key];
  if (opts.recursive !== false) args.push('/s');
  args.push('/reg:64');
  let r: RawRun;
  try {
    r = await runReg(args, opts);
  } catch (e) {
    return { ok: false, missing: false, error: `reg.exe cannot be run: ${(e as Error).message}` };
  }
  if (r.spawnError) return { ok: false, missing: false, error: r.spawnError };
  if (r.code !== 0) {
    const said = firstLine(r.stderr) || firstLine(r.stdout) || `exit code ${String(r.code)}`;
    const missing = await isMissing(key, opts).catch(() => false);
    return { ok: false, missing, error: `reg.exe query failed (exit code ${String(r.code)}): ${said}` };
  }
  let d: Decoded;
  try {
    d = await decodeRegOutput(r.stdout, opts.oemCodePage ?? (() => hostOemCodePage(opts)));
  } catch (e) {
    return { ok: false, missing: false, error: `reg.exe output cannot be decoded: ${(e as Error).message}` };
  }
  return d.warning
    ? { ok: true, text: d.text, encoding: d.encoding, warning: d.warning }
    : { ok: true, text: d.text, encoding: d.encoding };
}

/** One key of a batch: `reg query <path> [/s] /reg:64`. */
export interface BatchKey {
  path: string;
  recursive?: boolean;
}

/**
 * Several `reg query` runs in ONE cmd.exe: `chcp 65001` once, then each query between marker lines that
 * carry a random nonce (a registry value cannot forge them) and say whether reg.exe succeeded. A process
 * started by node.exe is what a live scan pays for: about 0.9 s each under Wine and tens of milliseconds on
 * Windows, against about 0.1 s for a reg.exe that cmd.exe starts. Measured under Wine with six queries of a
 * missing key: 10.5 s as six cmd.exe + reg.exe pairs, 4.4 s in one cmd.exe. Falls back to one run per key
 * where cmd.exe is not used or a key cannot be quoted safely.
 */
export async function queryKeys(keys: BatchKey[], opts: QueryOptions = {}): Promise<QueryResult[]> {
  const single = () => Promise.all(keys.map((k) => queryKey(k.path, { ...opts, recursive: k.recursive !== false })));
  if (keys.length <= 1 || opts.cmdExe === null) return single();
  const batch = await runBatch(keys, opts);
  if (batch === 'unsafe') return single();
  if ('error' in batch) return keys.map(() => ({ ok: false, missing: false, error: batch.error }));
  const { sections, decoded: d } = batch;
  // A key reg.exe could not read is missing or unreadable: its parents tell (isMissing). List every
  // parent of every failed key in one more batch, so that telling costs one process start, not one each.
  const failed = keys.filter((_, i) => sections[i] && !sections[i].ok);
  const listings = opts.listings ?? new Map<string, Promise<string[] | null | 'error'>>();
  const withListings: QueryOptions = { ...opts, listings };
  const parents = [...new Set(failed.flatMap((k) => ancestorsOf(k.path)))].filter((p) => !listings.has(p.toLowerCase()));
  if (parents.length > 0) {
    const lb = await runBatch(
      parents.map((p) => ({ path: p, recursive: false })),
      opts,
    );
    if (lb !== 'unsafe' && !('error' in lb)) {
      parents.forEach((p, i) => {
        const sec = lb.sections[i];
        if (sec) listings.set(p.toLowerCase(), Promise.resolve(sec.ok ? childNames(sec.text, p) : null));
      });
    }
  }
  return Promise.all(
    keys.map(async (k, i): Promise<QueryResult> => {
      const sec = sections[i];
      if (!sec) return { ok: false, missing: false, error: 'reg.exe gave no answer for this key (the batch stopped early)' };
      if (sec.ok)
        return d.warning
          ? { ok: true, text: sec.text, encoding: d.encoding, warning: d.warning }
          : { ok: true, text: sec.text, encoding: d.encoding };
      const said =
        sec.text
          .split(/\r?\n/)
          .map((l) => l.trim())
          .find(Boolean) ?? 'no message';
      const missing = await isMissing(k.path, withListings).catch(() => false);
      return { ok: false, missing, error: `reg.exe query failed: ${said}` };
    }),
  );
}

/** Every ancestor of a key below its hive root, nearest first ("HKLM\\A\\B\\C" -> "HKLM\\A\\B", "HKLM\\A"). */
function ancestorsOf(key: string): string[] {
  const p = parseRegPath(key);
  if (!p) return [];
  const out: string[] = [];
  for (let n = p.names.length - 1; n >= 1; n--) out.push([p.root, ...p.names.slice(0, n)].join('\\'));
  return out;
}

type Batch = { sections: ({ ok: boolean; text: string } | undefined)[]; decoded: Decoded } | { error: string } | 'unsafe';

/** The queries in one cmd.exe, each between nonce marker lines; 'unsafe' where a key cannot be quoted. */
async function runBatch(keys: BatchKey[], opts: QueryOptions): Promise<Batch> {
  const reg = opts.regExe ?? path.win32.join(system32(), 'reg.exe');
  const argsOf = (k: BatchKey) => ['query', k.path, ...(k.recursive !== false ? ['/s'] : []), '/reg:64'];
  // With delayed expansion on (for !errorlevel!), a "!" in an argument would be expanded: not batched.
  if ([reg, ...keys.flatMap(argsOf)].some((a) => UNSAFE_FOR_CMD.test(a) || a.includes('!'))) return 'unsafe';
  const nonce = `@@MFA-${randomBytes(8).toString('hex')}`;
  // (echo N i & reg ... 2>&1 & echo N i END !errorlevel!): the exit code read after each reg.exe, with
  // delayed expansion. Not `&& echo OK || echo FAIL` nor `if errorlevel 1 (...) else (...)`: Wine's
  // cmd.exe runs both branches of those (seen with Wine 8), Windows' does not; !errorlevel! reads the same
  // in both.
  const groups = keys.map(
    (k, i) =>
      `(echo ${nonce} ${i} & "${reg}" ${argsOf(k)
        .map((a) => `"${a}"`)
        .join(' ')} 2>&1 & echo ${nonce} ${i} END !errorlevel!)`,
  );
  const cmd = opts.cmdExe ?? path.win32.join(system32(), 'cmd.exe');
  const timeout = (opts.timeoutMs ?? 120_000) + keys.length * 30_000;
  let r: RawRun;
  try {
    r = await run(cmd, ['/d', '/v:on', '/s', '/c', `"chcp 65001 >nul 2>nul & ${groups.join(' & ')}"`], true, timeout);
  } catch (e) {
    return { error: `reg.exe cannot be run: ${(e as Error).message}` };
  }
  if (r.spawnError) return { error: r.spawnError };
  let decoded: Decoded;
  try {
    decoded = await decodeRegOutput(r.stdout, opts.oemCodePage ?? (() => hostOemCodePage(opts)));
  } catch (e) {
    return { error: `reg.exe output cannot be decoded: ${(e as Error).message}` };
  }
  return { sections: splitBatchOutput(decoded.text, nonce, keys.length), decoded };
}

/** The text between `<nonce> i` and `<nonce> i END <exit code>` for each key; undefined where it is not there. */
export function splitBatchOutput(text: string, nonce: string, count: number): ({ ok: boolean; text: string } | undefined)[] {
  const out: ({ ok: boolean; text: string } | undefined)[] = new Array(count);
  const lines = text.split(/\r?\n/);
  let open: number | null = null;
  let buf: string[] = [];
  for (const line of lines) {
    if (line.startsWith(nonce + ' ')) {
      const m = /^(\d+)(?: END (-?\d+))?\s*$/.exec(line.slice(nonce.length + 1));
      if (m) {
        const i = Number(m[1]);
        if (!m[2]) {
          open = i;
          buf = [];
        } else if (open === i && i < count) {
          out[i] = { ok: m[2] === '0', text: buf.join('\r\n') };
          open = null;
        }
        continue;
      }
    }
    if (open !== null) buf.push(line);
  }
  return out;
}

// ---- parsing --------------------------------------------------------------------------------------

/** "    Name    REG_TYPE    data" (data and its separator absent for an empty REG_SZ on some builds). */
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+|0x[0-9A-Fa-f]+)(?: {4}(.*))?$/;
const HEX = /^[0-9A-Fa-f]*$/;

export interface ParseQueryOptions {
  /** Problem location prefix ("reg query HKLM\\SOFTWARE\\X"); default "reg query". */
  label?: string;
  onProblem: (p: RegistryProblem) => void;
}

/** Decodes the data text of one value line as RegValue['data'] (types.ts); an Error where it is not. */
export function parseQueryData(type: RegValueType, raw: string): RegValue['data'] | Error {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
    case 'REG_LINK':
      return raw;
    case 'REG_MULTI_SZ':
      // reg.exe joins the strings with a literal "\0" (two characters).
      return raw === '' ? [] : raw.split('\\0');
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN': {
      const m = /^0x([0-9A-Fa-f]{1,8})$/.exec(raw.trim());
      return m ? parseInt(m[1], 16) : new Error(`${type} data "${raw}" is not 0x followed by up to 8 hex digits`);
    }
    case 'REG_QWORD': {
      const m = /^0x([0-9A-Fa-f]{1,16})$/.exec(raw.trim());
      if (!m) return new Error(`REG_QWORD data "${raw}" is not 0x followed by up to 16 hex digits`);
      const v = BigInt('0x' + m[1]);
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    }
    default: {
      const t = raw.trim();
      return HEX.test(t) && t.length % 2 === 0 ? t.toLowerCase() : new Error(`${type} data "${clip(raw)}" is not hex bytes`);
    }
  }
}

/**
 * The name reg.exe prints for a key's default (unnamed) value, in the system's display language: "(Default)"
 * in English, "(Standard)" in German, Swedish, Danish and Norwegian, "(Standaard)" in Dutch, and so on. A
 * server runs in the language of its admins (the upgrade procedures exist in Swedish and Dutch for that
 * reason), so every known form counts. A real value with one of these names would need the same brackets:
 * none of the keys the probes read has one.
 */
export const DEFAULT_VALUE_NAMES: ReadonlySet<string> = new Set(
  [
    '(Default)', // en
    '(Standard)', // de, sv, da, nb
    '(Standaard)', // nl
    '(par défaut)', // fr
    '(predeterminado)', // es
    '(predefinito)', // it
    '(Padrão)', // pt
    '(Domyślna)', // pl
    '(Výchozí)', // cs
    '(Alapértelmezett)', // hu
    '(Oletus)', // fi
    '(Varsayılan)', // tr
    '(По умолчанию)', // ru
    '(既定)', // ja
    '(默认)', // zh-CN
    '(預設值)', // zh-TW
    '(기본값)', // ko
  ].map((n) => n.toLowerCase()),
);

/** "(value not set)", printed for a key whose default value is empty, in the same languages where known. */
const VALUE_NOT_SET: ReadonlySet<string> = new Set(
  [
    '(value not set)',
    '(Wert nicht festgelegt)',
    '(waarde niet ingesteld)',
    '(värde inte angivet)',
    '(valeur non définie)',
    '(valor no establecido)',
    '(valore non impostato)',
  ].map((n) => n.toLowerCase()),
);

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/**
 * Parses `reg query` output (the key line, then "    Name    REG_TYPE    data" lines, blank lines
 * between keys) into the store. "(Default)", or its name in the system's language, is the default value.
 * Returns what it read.
 */
export function parseRegQueryOutput(text: string, store: RegistryStore, opts: ParseQueryOptions): { keys: number; values: number } {
  const label = opts.label ?? 'reg query';
  let key: string | null = null;
  let last: RegValue | null = null;
  let keys = 0;
  let values = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const where = `${label}:${i + 1}`;
    if (line.trim() === '') {
      last = null;
      continue;
    }
    if (line.startsWith('HKEY_')) {
      const p = parseRegPath(line.trimEnd());
      if (!p) {
        opts.onProblem({ location: where, message: `unknown registry root in key line "${clip(line)}": key skipped` });
        key = null;
        continue;
      }
      key = p.display;
      store.createKey(key);
      keys++;
      last = null;
      continue;
    }
    const m = VALUE_LINE.exec(line);
    if (m && key) {
      const name = DEFAULT_VALUE_NAMES.has(m[1].toLowerCase()) ? '' : m[1];
      const raw = m[3] ?? '';
      const typeText = m[2];
      let type: RegValueType;
      let typeNumber: number;
      if (typeText.startsWith('0x')) {
        typeNumber = parseInt(typeText, 16) >>> 0;
        type = 'REG_UNKNOWN';
      } else {
        const n = typeNumberOf(typeText as RegValueType);
        if (n === undefined) {
          opts.onProblem({ location: where, message: `unknown value type ${typeText} for "${name || '(Default)'}": value skipped` });
          last = null;
          continue;
        }
        type = typeText as RegValueType;
        typeNumber = n;
      }
      // A key without a default value shows it as "(value not set)" in some reg.exe outputs: not a value.
      if (name === '' && type === 'REG_SZ' && VALUE_NOT_SET.has(raw.toLowerCase())) continue;
      const data = parseQueryData(type, raw);
      if (data instanceof Error) {
        opts.onProblem({ location: where, message: `${key}\\${name || '(Default)'}: ${data.message}: value skipped` });
        last = null;
        continue;
      }
      const value: RegValue = { name, type, typeNumber, data };
      store.setValue(key, value);
      values++;
      last = type === 'REG_SZ' || type === 'REG_EXPAND_SZ' ? value : null;
      continue;
    }
    if (last && key) {
      // A string value holding a line break goes on, unindented, on the next line(s).
      last.data = `${String(last.data)}\r\n${line}`;
      store.setValue(key, last);
      continue;
    }
    opts.onProblem({ location: where, message: `line not understood: "${clip(line)}"` });
  }
  return { keys, values };
}
