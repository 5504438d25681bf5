/** Text helpers shared by the renderers. Values from the target are arbitrary strings. */

/**
 * Makes control characters visible instead of letting them act: C0 controls (except tab and
 * newline), DEL and the C1 controls become the text `\x1B` etc. (common fonts lack the Unicode control pictures),
 * so an ANSI escape in a registry value shows up as `\x1B[31m` in every format rather than
 * colouring a terminal, vanishing or breaking XML.
 * \r\n and lone \r become \n.
 */
export function visible(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    // C1 controls (U+0080-U+009F) too: U+009B is CSI to terminals that honour 8-bit controls.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
    // Lone surrogates cannot be encoded (UTF-8, XML): U+FFFD.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Characters XML 1.0 forbids (after `visible`, only U+FFFE/U+FFFF remain possible). */
export function xmlClean(s: string): string {
  return visible(s).replace(/[\ufffe\uffff]/g, '');
}

const MD_PUNCT = new Set('`*_{}[]<>()#+!|~&'.split(''));
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/**
 * Escapes a value for inline Markdown (CommonMark + GFM tables): every character with a
 * meaning gets a backslash; a backslash only where it would otherwise escape what follows,
 * so Windows paths stay readable (`C:\Program Files` is left alone). Newlines become spaces
 * (values sit in table cells and list items); a leading `-`, `=` or `1.` cannot start a block.
 */
export function mdEscape(s: string): string {
  const v = visible(s).replace(/\n+/g, ' ');
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (MD_PUNCT.has(c)) out += '\\' + c;
    else if (c === '\\') out += i + 1 >= v.length || ASCII_PUNCT.test(v[i + 1]!) ? '\\\\' : '\\';
    else out += c;
  }
  return out.replace(/^([-=])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** A fragment id safe in HTML ids, URL fragments and Markdown link targets; injective. */
export function slug(prefix: string, id: string): string {
  return prefix + '-' + id.replace(/[^A-Za-z0-9.:-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}
