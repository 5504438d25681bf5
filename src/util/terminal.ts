/**
 * The one neutraliser for text from input on its way to a person: a terminal (stderr lines, progress,
 * errors, logs, compare-config and diff output) and the report formats that render text (HTML, Markdown,
 * JUnit: src/report/text.ts `visible` is this function).
 *
 * Control characters are shown instead of acting: C0 controls except tab and newline, ESC (so no ANSI
 * CSI/OSC sequence can recolour, retitle, move the cursor or write a hyperlink), DEL and the C1 controls
 * (U+009B is CSI to terminals that honour 8-bit controls) become the text `\x1B` etc. Bidirectional
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069, the marks U+200E/U+200F/U+061C) and the Unicode
 * line and paragraph separators become `\u202E` etc., so a host or file name cannot reorder what
 * follows it on the line ("Trojan Source"). CR and CRLF become a newline; a lone surrogate, which cannot
 * be encoded, becomes U+FFFD. Everything else, including non-Latin scripts and emoji, is kept.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');

/** Text safe to show: controls and bidi overrides as visible escapes (see above); newlines and tabs kept. */
export function forTerminal(s: string): string {
  return String(s)
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, (c) => '\\x' + hex(c, 2))
    .replace(BIDI, (c) => '\\u' + hex(c, 4))
    .replace(LONE_SURROGATE, '\ufffd');
}

/** forTerminal on one line: newlines (with the space around them) become one space. */
export function terminalLine(s: string): string {
  return forTerminal(s).replace(/[ \t]*\n[ \t]*/g, ' ');
}
