/** Log lines as a person reads them on a terminal (src/util/log.ts, text format). */
import { describe, expect, it } from 'vitest';
import { makeLogger, textLine } from '../../src/util/log.js';

describe('text log lines', () => {
  it('LEVEL  message key=value, quoted where needed, secrets and terminal escapes neutralised', () => {
    expect(textLine('warn', [{ location: 'C:\\Program Files\\x.config', n: 3 }, 'cannot be read'])).toBe(
      'WARN  cannot be read location="C:\\Program Files\\x.config" n=3\n',
    );
    expect(textLine('info', [{ password: 'hunter2', nested: { token: 't0k' } }, 'x'])).toBe(
      'INFO  x password=[redacted] nested="{\\"token\\":\\"[redacted]\\"}"\n',
    );
    expect(textLine('error', ['\u001b]0;title\u0007red'])).toBe('ERROR \\x1B]0;title\\x07red\n');
  });

  it('the level filters, and the format follows the stream: text on a terminal', () => {
    const out: string[] = [];
    const stream = { isTTY: true, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
    const log = makeLogger('warn', undefined, stream);
    log.info({ a: 1 }, 'hidden');
    log.warn({ a: 1 }, 'shown');
    expect(out).toEqual(['WARN  shown a=1\n']);
  });
});
