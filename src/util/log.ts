import pino from 'pino';

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
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
