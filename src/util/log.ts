import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { visible } from '../report/text.js';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];
export type LogFormat = 'text' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['text', 'json'];

export type Log = Pick<Logger, 'error' | 'warn' | 'info' | 'debug'>;

const RANK: Record<LogLevel, number> = { silent: 99, error: 50, warn: 40, info: 30, debug: 20 };

/** Keys whose values never reach a log line (a second line of defence: values from the target are redacted already). */
const SECRET_KEY = /^(?:password|pwd|secret|token|credential)$/i;

/** Control characters from the target are made visible text, so a log line cannot recolour or retitle a terminal. */
function clean(v: unknown): unknown {
  return typeof v === 'string'
    ? visible(v)
    : v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]))
      : v;
}

/**
 * Logs go to stderr only (stdout carries what was asked for). `text` (the default on an interactive
 * stderr) gives readable lines, `WARN  message key=value`; `json` (the default otherwise, and for
 * `--log-format json`) gives pino's JSON lines.
 *
 * pino loads on the first line actually logged at or above the level: a scan with nothing to say (the
 * usual case at the default level) does not pay for it at start-up.
 */
export function makeLogger(level: LogLevel, format?: LogFormat, stream: NodeJS.WriteStream = process.stderr): Log {
  const fmt: LogFormat = format ?? (stream.isTTY ? 'text' : 'json');
  let real: Logger | undefined;
  const get = () => (real ??= createPino(level));
  const method = (name: keyof Log) =>
    ((...args: unknown[]) => {
      if (RANK[name] < RANK[level]) return;
      if (fmt === 'text') stream.write(textLine(name, args));
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it (a union of pino's overloads)
      else (get()[name] as (...a: unknown[]) => void)(...args);
    }) as Log[typeof name];
  return { error: method('error'), warn: method('warn'), info: method('info'), debug: method('debug') };
}

/** `WARN  message key=value key2="a b"`: pino's call shapes (`(obj, msg)` or `(msg)`). */
export function textLine(level: string, args: unknown[]): string {
  let fields: Record<string, unknown> = {};
  let msg = '';
  if (args[0] && typeof args[0] === 'object') {
    fields = args[0] as Record<string, unknown>;
    msg = args.slice(1).map(String).join(' ');
  } else msg = args.map(String).join(' ');
  const kv = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const val = SECRET_KEY.test(k)
        ? '[redacted]'
        : typeof v === 'string'
          ? v
          : JSON.stringify(v, (key, x: unknown) => (SECRET_KEY.test(key) ? '[redacted]' : x));
      const text = visible(String(val)).replace(/\n/g, '\\n');
      // Quoted where it has a space, quote or =; backslashes stay single (Windows paths read as they are).
      return `${k}=${/[\s"=]/.test(text) || text === '' ? `"${text.replace(/"/g, '\\"')}"` : text}`;
    });
  return `${level.toUpperCase().padEnd(5)} ${visible(msg).replace(/\n/g, ' ')}${kv.length ? ' ' + kv.join(' ') : ''}\n`;
}

function createPino(level: LogLevel): Logger {
  const pino = createRequire(import.meta.url)('pino') as typeof import('pino');
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['*.password', '*.pwd', '*.secret', '*.token', '*.credential'], censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          return method.apply(this, args.map(clean) as Parameters<typeof method>);
        },
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
