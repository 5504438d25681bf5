import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { visible } from '../report/text.js';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

export type Log = Pick<Logger, 'error' | 'warn' | 'info' | 'debug'>;

const RANK: Record<LogLevel, number> = { silent: 99, error: 50, warn: 40, info: 30, debug: 20 };

/**
 * Logs go to stderr only (stdout carries what was asked for), as JSON lines. Secret-looking keys are
 * redacted by pino itself as a second line of defence; values from the target are already redacted.
 *
 * pino loads on the first line actually logged at or above the level: a scan with nothing to say (the
 * usual case at the default level) does not pay for it at start-up.
 */
export function makeLogger(level: LogLevel): Log {
  let real: Logger | undefined;
  const get = () => (real ??= createPino(level));
  const method = (name: keyof Log) =>
    ((...args: unknown[]) => {
      if (RANK[name] >= RANK[level]) (get()[name] as (...a: unknown[]) => void)(...args);
    }) as Log[typeof name];
  return { error: method('error'), warn: method('warn'), info: method('info'), debug: method('debug') };
}

function createPino(level: LogLevel): Logger {
  const pino = createRequire(import.meta.url)('pino') as typeof import('pino');
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['*.password', '*.pwd', '*.secret', '*.token', '*.credential'], censor: '[redacted]' },
      // Messages and fields carry names from the target: control characters (ESC, C1 CSI) are made
      // visible text, so a log line read on a terminal cannot recolour or retitle it.
      hooks: {
        logMethod(args, method) {
          const clean = (v: unknown): unknown =>
            typeof v === 'string' ? visible(v) : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)])) : v;
          return method.apply(this, args.map(clean) as Parameters<typeof method>);
        },
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
