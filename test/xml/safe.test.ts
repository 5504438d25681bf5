import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, childrenNamed, decodeXmlBytes, descend, parseXmlSafe, textOf } from '../../src/xml/safe.js';
import { readWebConfig } from '../../src/xml/webconfig.js';

const DATA = join(import.meta.dirname, 'data');

function errorOf(r: ReturnType<typeof parseXmlSafe>): string {
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('entities', () => {
  it('billion laughs is refused, never expanded', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<configuration><appSettings><add key="x" value="&lol9;"/></appSettings></configuration>`;
    const err = errorOf(parseXmlSafe(bomb));
    expect(err).toBe('line 3: DOCTYPE declares entities (<!ENTITY>): refused, entities are not expanded');
    const wc = readWebConfig(bomb);
    expect(wc.ok).toBe(false);
    expect(JSON.stringify(wc)).not.toContain('lollol');
  });

  it('an external entity is refused and the file it names is not read', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE configuration [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<configuration><appSettings><add key="k" value="&x;"/></appSettings></configuration>`;
    expect(errorOf(parseXmlSafe(xxe))).toMatch(/^line 2: DOCTYPE declares entities/);
    expect(JSON.stringify(readWebConfig(xxe))).not.toContain('root:');
  });

  it('only the five predefined entities and numeric references are decoded', () => {
    const r = parseXmlSafe('<a v="&lt;&amp;&#65;&#x42;&quot;&apos;&gt;">&#x2713; &nbsp; &copy;</a>');
    if (!r.ok) throw new Error(r.error);
    expect(attr(r.doc.root, 'v')).toBe('<&AB"\'>');
    expect(textOf(r.doc.root)).toBe('\u2713 &nbsp; &copy;');
  });

  it('a DOCTYPE without entity declarations is read', () => {
    const r = parseXmlSafe('<!DOCTYPE configuration>\n<configuration><x/></configuration>');
    expect(r.ok).toBe(true);
  });
});

describe('malformed input', () => {
  it('mismatched tags give the line', () => {
    const err = errorOf(parseXmlSafe('<configuration>\n  <appSettings>\n    <add key="a" value="b">\n  </appSettings>\n</configuration>'));
    expect(err).toMatch(/^malformed XML: line 4, column \d+: /);
    expect(err).toContain("'add'");
    expect(err).not.toContain('truncated');
  });
  it('a truncated file says so, wherever it was cut', () => {
    const full = readFileSync(join(DATA, 'mobileapp.web.config'), 'utf8');
    for (const cut of [0.2, 0.5, 0.77, 0.99]) {
      const err = errorOf(parseXmlSafe(full.slice(0, Math.floor(full.length * cut))));
      expect(err).toMatch(/^malformed XML: line \d+/);
      expect(err).toContain('(truncated file?)');
    }
  });
  it('empty, text only, several roots, duplicate attributes', () => {
    expect(errorOf(parseXmlSafe(''))).toBe('empty file: no XML element');
    expect(errorOf(parseXmlSafe(Buffer.from('   \r\n')))).toBe('empty file: no XML element');
    expect(errorOf(parseXmlSafe('not xml at all'))).toMatch(/^malformed XML: line 1/);
    expect(errorOf(parseXmlSafe('<a/><b/>'))).toBe('malformed XML: 2 root elements (a, b)');
    expect(errorOf(parseXmlSafe('<a x="1" x="2"/>'))).toMatch(/repeated/);
  });
  it('names that are JavaScript object keys do not break or pollute anything', () => {
    const r = parseXmlSafe('<__proto__><constructor toString="1"/></__proto__>');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
    // fast-xml-parser refuses these names; that is a parse error for the file, not a crash
    expect(errorOf(parseXmlSafe('<constructor toString="1"><hasOwnProperty/></constructor>'))).toMatch(/^malformed XML: .*"constructor"/);
  });
});

describe('encodings', () => {
  const xml =
    '<?xml version="1.0" encoding="utf-16"?>\r\n<configuration>\r\n  <appSettings>\r\n    <add key="Ünïcode" value="Straße ✓" />\r\n  </appSettings>\r\n</configuration>\r\n';
  it('UTF-16LE with BOM (as Notepad "Unicode" writes it)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const r = parseXmlSafe(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.encoding).toBe('utf-16le');
    const add = descend(r.doc.root, 'appSettings', 'add')!;
    expect(add.attributes).toEqual([
      { name: 'key', value: 'Ünïcode' },
      { name: 'value', value: 'Straße ✓' },
    ]);
  });
  it('UTF-16BE with BOM, and UTF-16LE without BOM', () => {
    const le = Buffer.from(xml, 'utf16le');
    const be = Buffer.from(le).swap16();
    const r1 = parseXmlSafe(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const r2 = parseXmlSafe(le);
    for (const r of [r1, r2]) {
      if (!r.ok) throw new Error(r.error);
      expect(attr(descend(r.doc.root, 'appSettings', 'add')!, 'value')).toBe('Straße ✓');
    }
  });
  it('UTF-8 with BOM and CRLF (the User Portal fixture)', () => {
    const bytes = readFileSync(join(DATA, 'userportal.web.config'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = parseXmlSafe(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.encoding).toBe('utf-8');
    expect(r.doc.root.name).toBe('configuration');
  });
  it('the declaration encoding is honoured (windows-1252)', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="Windows-1252"?><a v="'),
      Buffer.from([0x80, 0xe9]),
      Buffer.from('"/>'),
    ]);
    const r = parseXmlSafe(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(attr(r.doc.root, 'v')).toBe('€é');
  });
  it('an unknown encoding is a clear error', () => {
    expect(decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>'))).toEqual({
      ok: false,
      error: "unsupported encoding 'x-klingon' in the XML declaration",
    });
  });
});

describe('size cap', () => {
  it('refuses a file over the cap without parsing it', () => {
    const big = Buffer.alloc(17 * 1024 * 1024, 0x20);
    big.write('<configuration>', 0);
    expect(errorOf(parseXmlSafe(big))).toBe(`file too large (${17 * 1024 * 1024} bytes), limit ${16 * 1024 * 1024} bytes: not parsed`);
    expect(errorOf(parseXmlSafe('<a>0123456789</a>', { maxBytes: 10 }))).toBe('file too large (17 bytes), limit 10 bytes: not parsed');
    // a caller that read only the first bytes passes the real size
    expect(errorOf(parseXmlSafe('<a/>', { maxBytes: 100, size: 5000 }))).toBe('file too large (5000 bytes), limit 100 bytes: not parsed');
  });
});

describe('tree', () => {
  it('keeps element order, attribute order and case, and source offsets', () => {
    const text =
      '<?xml version="1.0"?>\r\n<ConfigurationData xmlns:xsi="x" B="2" a="1">\r\n  <Z/>\r\n  <a>one</a>\r\n  <Z k="2"><![CDATA[<raw>]]></Z>\r\n</ConfigurationData>';
    const r = parseXmlSafe(text);
    if (!r.ok) throw new Error(r.error);
    const root = r.doc.root;
    expect(root.attributes.map((a) => a.name)).toEqual(['xmlns:xsi', 'B', 'a']);
    expect(root.children.map((c) => c.name)).toEqual(['Z', 'a', 'Z']);
    expect(childrenNamed(root, 'z')).toHaveLength(2); // lookups ignore case
    expect(textOf(root.children[2])).toBe('<raw>');
    for (const c of root.children) expect(text.slice(c.start, c.end)).toMatch(new RegExp(`^<${c.name}[\\s\\S]*>$`));
    expect(text.slice(root.children[1].start, root.children[1].end)).toBe('<a>one</a>');
  });
});
