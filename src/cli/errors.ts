/**
 * The one error model of the command line. Every failure that stops a command is exit 2 (the contract
 * has only 0, 1 and 2) with one line on stderr naming what is wrong; where the command line itself is
 * wrong, a second line names the help to read. Under --json, stdout carries only
 * `{"error": {"code", "message"}}` and the same line goes to stderr.
 *
 * Codes: `usage` (the command line: an argument, a flag, a command that does not exist), `input` (a file
 * or folder it names cannot be used: a target, a waiver file, a saved report, an output path), `internal`
 * (a bug of ours: logged with its stack).
 *
 * Other modules throw plain Error subclasses with a clear one-line message; `classifyError` maps them:
 * a class whose name ends in one of INPUT_CLASS_SUFFIXES (InputError, CollectError, WaiverFileError,
 * NowFlagError, ReportLoadError, ZipError, ...) is an input error, as is a file-system error naming a path.
 */
import { visible } from '../report/text.js';
import { isProgrammingError } from '../util/errors.js';

export type ErrorCode = 'usage' | 'input' | 'internal';

/** The command line cannot be run as given (a flag, an argument, a combination). Exit 2, with `See: ... --help`. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Something the command line names cannot be used (a file, a folder, an output path). Exit 2, one line. */
export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}

/** Class names (or their endings) of errors other modules throw for input the user can fix. */
const INPUT_CLASS = /(?:Input|File|Load|Flag|Zip|Bundle|Schema|Collect|Manifest|Waiver|Report|Target|Output)Error$/;

export interface ClassifiedError {
  code: ErrorCode;
  exit: number;
  /** One line. */
  message: string;
  /** The help to read, for usage errors: `mfa-readiness scan --help`. */
  help?: string;
  /** For internal errors. */
  stack?: string;
}

interface OclifLikeError {
  message?: string;
  oclif?: { exit?: number };
  code?: string;
  path?: string;
  syscall?: string;
  args?: { name?: string; description?: string }[] | string[];
  flags?: string[];
  parse?: unknown;
  stack?: string;
}

/** The flag and argument definitions of the command that failed, for messages and suggestions. */
export interface CommandShape {
  id?: string;
  bin: string;
  flags?: Record<string, { description?: string; char?: string }>;
}

const ANSI = /\u001b\[[0-9;]*m/g;
const clean = (s: string) => visible(s.replace(ANSI, ''));
const firstLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean) ?? '';

function className(e: unknown): string {
  if (!e || typeof e !== 'object') return '';
  const ctor = (e as { constructor?: { name?: string } }).constructor?.name ?? '';
  return INPUT_CLASS.test(ctor) ? ctor : ((e as { name?: string }).name ?? ctor);
}

/** Whether an error is one of the input errors other modules throw (a known class, or a file-system error on a path). */
export function isInputError(e: unknown): boolean {
  if (e instanceof UsageError || e instanceof BadInputError) return true;
  if (isProgrammingError(e)) return false;
  if (INPUT_CLASS.test(className(e))) return true;
  const x = e as OclifLikeError;
  return typeof x?.code === 'string' && /^E[A-Z]+$/.test(x.code) && typeof x.path === 'string';
}

/** Levenshtein distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The closest of `candidates` to `word`, where it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** oclif's parse errors, told apart by class name (they come from @oclif/core's parser). */
function parseErrorMessage(err: OclifLikeError, kind: string, shape: CommandShape): string {
  const text = clean(err.message ?? '').replace(/\n?See more help with --help\s*$/, '');
  const flagDefs = shape.flags ?? {};
  const describe = (name: string) => {
    const d = flagDefs[name]?.description;
    return d ? `: ${firstLine(d)}` : '';
  };
  switch (kind) {
    case 'RequiredArgsError': {
      const args = (err.args ?? []).map((a) => (typeof a === 'string' ? { name: a } : a));
      const named = args.map((a) => `${a.name ?? '?'}${a.description ? ` (${firstLine(a.description)})` : ''}`);
      return `Missing ${args.length} required arg${args.length === 1 ? '' : 's'}: ${named.join(', ')}`;
    }
    case 'NonExistentFlagsError': {
      const names = Object.keys(flagDefs);
      const parts = (err.flags ?? []).map((f) => {
        const bare = f.replace(/^-+/, '').replace(/=.*$/, '');
        const near = f.startsWith('--') ? closest(bare, names) : undefined;
        return `${visible(f)}${near ? ` (did you mean --${near}?)` : ''}`;
      });
      return `Nonexistent flag${parts.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
    }
    case 'FailedFlagValidationError':
    case 'ViolatedFlagConstraintError': {
      const reasons = text
        .split('\n')
        .slice(1)
        .map((l) => l.trim())
        .filter(Boolean);
      const out: string[] = [];
      const pairs = new Set<string>();
      for (const r of reasons) {
        const ex = /^--([\w-]+)=.*? cannot also be provided when using --([\w-]+)$/.exec(r);
        const req = /^Missing required flag ([\w-]+)$/.exec(r);
        if (ex) {
          const key = [ex[1], ex[2]].sort().join(' ');
          if (pairs.has(key)) continue;
          pairs.add(key);
          out.push(`--${ex[2]} and --${ex[1]} cannot be used together`);
        } else if (req) out.push(`--${req[1]} is required${describe(req[1])}`);
        else out.push(r);
      }
      return out.join('; ') || firstLine(text);
    }
    default:
      return text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ');
  }
}

/** What an error means to the user: code, exit, one line, the help to read. */
export function classifyError(err: unknown, shape: CommandShape): ClassifiedError {
  const e = (err ?? {}) as OclifLikeError;
  const kind = (err as { constructor?: { name?: string } })?.constructor?.name ?? '';
  const help = `${shape.bin}${shape.id ? ` ${shape.id}` : ''} --help`;
  if (err instanceof UsageError) return { code: 'usage', exit: 2, message: clean(firstLine(err.message)), help };
  if (e.parse !== undefined && e.oclif) return { code: 'usage', exit: 2, message: parseErrorMessage(e, kind, shape), help };
  if (/FlagError$/.test(className(err)) && !isProgrammingError(err))
    return { code: 'usage', exit: 2, message: clean(firstLine(e.message ?? '')), help };
  if (isInputError(err)) return { code: 'input', exit: 2, message: clean(firstLine(e.message ?? String(err))) };
  // `this.error(msg, {exit: 2})` (oclif's CLIError with an exit code): an input error worded by the command.
  if (e.oclif?.exit !== undefined && !isProgrammingError(err)) {
    return { code: 'input', exit: 2, message: clean(firstLine(e.message ?? '')) };
  }
  return {
    code: 'internal',
    exit: 2,
    message: `internal error: ${clean(firstLine(e.message ?? String(err)))}`,
    stack: e.stack ? clean(e.stack) : undefined,
  };
}

/**
 * Writes the error as the contract says and sets the exit code: stderr `BIN ID: message` (plus
 * `See: BIN ID --help` for usage errors outside --json, and the stack for internal errors); under --json,
 * stdout `{"error": {"code", "message"}}`.
 */
export function reportError(c: ClassifiedError, shape: CommandShape, json: boolean): void {
  process.exitCode = c.exit;
  const prefix = `${shape.bin}${shape.id ? ` ${shape.id}` : ''}: `;
  if (json) process.stdout.write(JSON.stringify({ error: { code: c.code, message: c.message } }) + '\n');
  let text = prefix + c.message + '\n';
  if (c.help && !json) text += `See: ${c.help}${c.help.endsWith(' help') ? ' (the commands)' : ''}\n`;
  if (c.stack) text += c.stack.split('\n').slice(1).join('\n') + '\n';
  process.stderr.write(text);
}

/**
 * Errors that reach the top (bin/run.js) without a command to catch them: a command that does not
 * exist, oclif's own start-up. The same contract: exit 2, one line, `See: BIN help`.
 */
export function handleTopLevel(err: unknown, bin: string, argv: readonly string[]): void {
  const e = (err ?? {}) as OclifLikeError;
  if (e.code === 'EEXIT' || e.oclif?.exit === 0) {
    process.exitCode = e.oclif?.exit ?? 0;
    return;
  }
  const shape: CommandShape = { bin };
  let c = classifyError(err, shape);
  if (c.code === 'usage' || e.oclif?.exit === 127) c = { ...c, code: 'usage', help: `${bin} help` };
  const dashDash = argv.indexOf('--');
  const json = (dashDash === -1 ? argv : argv.slice(0, dashDash)).includes('--json');
  reportError(c, shape, json);
}
