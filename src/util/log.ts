import pino from 'pino';
import { visible } from '../report/text.js';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

/**
 * Logs go to stderr only (stdout carries what was asked for), as JSON lines. Secret-looking keys are
 * redacted by pino itself as a second line of defence; values from the target are already redacted.
 */
export function makeLogger(level: LogLevel) {
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
