/** Text helpers shared by the renderers. Values from the target are arbitrary strings. */
import { forTerminal } from '../util/terminal.js';

/**
 * Makes control characters and bidi overrides visible instead of letting them act: the one neutraliser,
 * src/util/terminal.ts (an ANSI escape in a registry value shows as `\x1B[31m` in every format rather than
 * colouring a terminal, vanishing or breaking XML). \r\n and lone \r become \n.
 */
export const visible: (s: string) => string = forTerminal;

/** Characters XML 1.0 forbids (after `visible`, only U+FFFE/U+FFFF remain possible). */
export function xmlClean(s: string): string {
  return visible(s).replace(/[\ufffe\uffff]/g, '');
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/**
 * Escapes a value for inline Markdown (CommonMark + GFM, read on GitHub, Azure DevOps or a ticket
 * system), following the unsafe patterns of mdast-util-to-markdown and its GFM extensions: a character
 * gets a backslash only where Markdown would read it as syntax, so the text stays readable as plain text.
 *  - always: `|` (table cells), `` ` `` (code), `[` and `]` (links, images, footnotes), `~` (strikethrough);
 *  - `*` and `_` where they could open or close emphasis (not inside a word, not between spaces);
 *  - `<` before a letter, `/`, `!` or `?` (HTML, autolinks); `&` before an entity (`&amp;`, `&#1;`);
 *  - the GFM autolink literals: `:` in `http://`, `.` in `www.`, `@` in `user@host`;
 *  - `{{`/`}}` (template engines that read tickets and docs: Jinja, Liquid, handlebars) and `$` pairs (math);
 *  - at the start of a value: a block marker (`#`, `>`, `-`, `+`, `=`, `1.`, `1)`); a trailing ` #`;
 *  - a backslash only where it would otherwise escape what follows (`\{` stays `\{` to the reader, so it is
 *    written `\\{`); `C:\Program Files` is left alone.
 * Newlines become spaces (values sit in table cells and list items). Values never become links, HTML or
 * formatting: the hostile-values tests render every format with values built to.
 */
export function mdEscape(s: string): string {
  const v = visible(s).replace(/\n+/g, ' ');
  const dollars = (v.match(/\$/g) ?? []).length;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    const prev = i > 0 ? v[i - 1] : ' ';
    const next = i + 1 < v.length ? v[i + 1] : ' ';
    let escape = false;
    switch (c) {
      case '|':
      case '`':
      case '[':
      case ']':
      case '~':
        escape = true;
        break;
      case '*':
        // Neither opens nor closes where both sides are spaces; anywhere else it may (even inside a word).
        escape = !(SPACE.test(prev) && SPACE.test(next));
        break;
      case '_':
        // Inside a word (MFA_SERVER, App_Themes) an underscore is literal; so between spaces.
        escape = !((WORD.test(prev) && WORD.test(next)) || (SPACE.test(prev) && SPACE.test(next)));
        break;
      case '<':
        escape = /[!/?A-Za-z]/.test(next);
        break;
      case '&':
        escape = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.test(v.slice(i, i + 40));
        break;
      case ':':
        escape = /[ps]/i.test(prev) && next === '/';
        break;
      case '.':
        escape = /[Ww]/.test(prev) && /^www$/i.test(v.slice(Math.max(0, i - 3), i)) && /[-.\w]/.test(next);
        break;
      case '@':
        escape = /[+\-.\w]/.test(prev) && /[-.\w]/.test(next);
        break;
      case '{':
        escape = next === '{' || prev === '{';
        break;
      case '}':
        escape = next === '}' || prev === '}';
        break;
      case '$':
        escape = dollars > 1;
        break;
      case '\\':
        // A backslash escapes the ASCII punctuation after it, and ends a line as a hard break: double it there.
        out += i + 1 >= v.length || ASCII_PUNCT.test(next) ? '\\\\' : '\\';
        continue;
    }
    out += escape ? '\\' + c : c;
  }
  return out
    .replace(/^([#>+=*-])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/(^|\s)#+$/, (m) => m.replace(/#/g, '\\#'));
}

/** Escapes counted in a Markdown text: a backslash before ASCII punctuation (what a reader sees as noise). */
export function countMdEscapes(md: string): number {
  return (md.match(/\\[!-/:-@[-`{-~]/g) ?? []).length;
}

/** A fragment id safe in HTML ids, URL fragments and Markdown link targets; injective. */
export function slug(prefix: string, id: string): string {
  return prefix + '-' + id.replace(/[^A-Za-z0-9.:-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO time as people read it, in UTC: `2026-12-02T17:20:05.123Z` -> `2 Dec 2026 17:20 UTC`; anything else as given. */
export function humanTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  const t = Date.parse(iso);
  if (!m || Number.isNaN(t)) return iso;
  const d = new Date(t);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm} UTC`;
}

/**
 * A date as people read it: `20240115` (Windows Installer's InstallDate) or `2024-01-15` -> `15 Jan 2024`;
 * a value that is not a real date stays as given.
 */
export function humanDate(s: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s.trim());
  if (!m) return s;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return s;
  return `${d} ${MONTHS[mo - 1]} ${y}`;
}

/**
 * How incomplete a scan is, said where the verdict is: the open findings that could not be determined and
 * the evidence that could not be read. `text` is null for a complete scan.
 */
export function incompleteness(report: { findings: readonly { outcome: string; waiver: unknown }[]; problems: readonly unknown[] }): {
  unknown: number;
  problems: number;
  text: string | null;
} {
  const unknown = report.findings.filter((f) => !f.waiver && f.outcome === 'unknown').length;
  const problems = report.problems.length;
  const parts: string[] = [];
  if (unknown > 0) parts.push(`${unknown} ${unknown === 1 ? 'check' : 'checks'} could not be determined`);
  if (problems > 0) parts.push(`${problems} ${problems === 1 ? 'piece' : 'pieces'} of evidence could not be read`);
  return {
    unknown,
    problems,
    text: parts.length
      ? `Incomplete scan: ${parts.join('; ')}. The verdict covers only what was read: resolve these before trusting it.`
      : null,
  };
}
