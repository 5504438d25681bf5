/**
 * The one cut for text taken from a scanned host on its way into a message (a parse error, a problem, a refused
 * zip entry): line breaks and tabs become spaces, and anything past `max` characters is replaced by a note of how
 * much was left off, so hostile input cannot blow up a report, a log line or a terminal.
 */
export const MAX_MESSAGE_CHARS = 300;

const flat = (s: string): string => s.replace(/[\r\n\t]+/g, ' ');

export function cutMessage(s: string, max = MAX_MESSAGE_CHARS): string {
  if (s.length <= max) return flat(s);
  return `${flat(s.slice(0, max)).trimEnd()}... (${s.length - max} more characters cut)`;
}
