/**
 * A bug of ours, not a problem with the input: these are never a host's failure or an input error, they
 * stop the command as an internal error with its stack (src/cli/errors.ts).
 */
export function isProgrammingError(e: unknown): boolean {
  return e instanceof TypeError || e instanceof ReferenceError || (e instanceof Error && e.name === 'AssertionError');
}
