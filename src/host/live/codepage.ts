/**
 * Decoding reg.exe output. reg.exe writes redirected output in the console's output code page; we run it
 * after `chcp 65001` (UTF-8), so valid UTF-8 is taken as UTF-8. Anything else is decoded with the host's
 * OEM code page, which is lossy (characters the code page lacks were already turned into '?').
 */
import { isUtf8 } from 'node:buffer';

// 0x80..0xFF of the two OEM code pages Western Windows installs use (Node's TextDecoder has neither).
const CP437 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const CP850 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
const TABLES: Record<number, string> = { 437: CP437, 850: CP850 };

/** WHATWG labels Node's TextDecoder knows, for the other OEM code pages Windows uses. */
const LABELS: Record<number, string> = {
  866: 'ibm866',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
};

function decodeTable(buf: Buffer, table: string): string {
  let out = '';
  for (const b of buf) out += b < 0x80 ? String.fromCharCode(b) : table[b - 0x80];
  return out;
}

export interface Decoded {
  text: string;
  /** 'utf-8', or 'cp<N>' when the output was in an OEM code page. */
  encoding: string;
  /** Set when the decoding may have lost characters. */
  warning?: string;
}

/**
 * Decode reg.exe output bytes. `oemCodePage` is asked for lazily (only when the bytes are not UTF-8),
 * as it costs one more reg.exe run.
 */
export async function decodeRegOutput(buf: Buffer, oemCodePage: () => Promise<number | null>): Promise<Decoded> {
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8' };
  const cp = await oemCodePage();
  const lossy = 'characters outside that code page were already replaced by "?" or a look-alike';
  if (cp && TABLES[cp]) {
    return { text: decodeTable(buf, TABLES[cp]), encoding: `cp${cp}`, warning: `reg.exe wrote code page ${cp}, not UTF-8: ${lossy}` };
  }
  if (cp && LABELS[cp]) {
    return {
      text: new TextDecoder(LABELS[cp]).decode(buf),
      encoding: `cp${cp}`,
      warning: `reg.exe wrote code page ${cp}, not UTF-8: ${lossy}`,
    };
  }
  return {
    text: buf.toString('latin1'),
    encoding: 'latin1',
    warning: `reg.exe output is not UTF-8 and its code page (${cp ?? 'unknown'}) is not one we decode: non-ASCII characters may be wrong`,
  };
}
