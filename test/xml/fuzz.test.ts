import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readApplicationHost, readRedirection } from '../../src/xml/applicationhost.js';
import { compareConfigs } from '../../src/xml/compare.js';
import { redactConnectionString, redactValue, redactXmlBytes, redactXmlText } from '../../src/xml/redact.js';
import { parseXmlSafe } from '../../src/xml/safe.js';
import { readAdapterConfig, readWebConfig } from '../../src/xml/webconfig.js';

const DATA = join(import.meta.dirname, 'data');
const FIXTURES = ['userportal.web.config', 'mobileapp.web.config', 'adapter.old.config', 'adapter.new.config'].map((f) =>
  readFileSync(join(DATA, f)),
);

/** Every reader on one input; a reader returns a result object, it never throws. */
function runAll(input: Buffer | string): void {
  for (const r of [
    parseXmlSafe(input),
    readApplicationHost(input),
    readRedirection(input),
    readWebConfig(input),
    readAdapterConfig(input),
  ]) {
    expect(typeof r.ok).toBe('boolean');
    if (!r.ok) {
      expect(r.error.length).toBeGreaterThan(0);
      expect(r.error).not.toContain('\n');
    }
  }
  expect(compareConfigs(input, FIXTURES[2]).ok !== undefined).toBe(true);
  const text = typeof input === 'string' ? input : input.toString('latin1');
  expect(typeof redactXmlText(text)).toBe('string');
  expect(Buffer.isBuffer(redactXmlBytes(Buffer.isBuffer(input) ? input : Buffer.from(input)))).toBe(true);
  expect(typeof redactConnectionString(text)).toBe('string');
  expect(typeof redactValue(text.slice(0, 20), text)).toBe('string');
}

/** XML-looking text built from the tokens parsers trip on. */
const xmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '/>',
        '</',
        '="',
        '"',
        "'",
        '&',
        ';',
        '&amp;',
        '&#',
        '&#x',
        '<!ENTITY',
        '<!DOCTYPE',
        '<![CDATA[',
        ']]>',
        '<!--',
        '-->',
        '<?xml version="1.0" encoding="utf-16"?>',
        'configuration',
        'appSettings',
        'add',
        'key',
        'value',
        'setting',
        'name',
        '\u0000',
        '\uFEFF',
        '\r\n',
        '__proto__',
        'constructor',
        'password',
        'Password=',
        ';Pwd=',
      ),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('no input makes a reader throw', () => {
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => runAll(s)),
      { numRuns: 300 },
    );
  });
  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => runAll(Buffer.from(b))),
      { numRuns: 300 },
    );
  });
  it('XML-like token soup', () => {
    fc.assert(
      fc.property(xmlish, (s) => runAll(s)),
      { numRuns: 500 },
    );
  });
  it('real fixtures, truncated and with bytes changed', () => {
    fc.assert(
      fc.property(
        fc.nat(FIXTURES.length - 1),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        (i, cut, flips) => {
          const src = FIXTURES[i];
          const b = Buffer.from(src.subarray(0, cut % (src.length + 1)));
          for (const [at, v] of flips) if (b.length) b[at % b.length] = v;
          runAll(b);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('redaction properties', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9!@#$%^*()_+=-]{8,24}$/).filter((s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s));
  const secretName = fc.constantFrom('WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD', 'SdkPwd', 'ClientSecret', 'ApiToken', 'StoredCredential');
  it('a planted secret never survives redactXmlText, and the result still parses', () => {
    fc.assert(
      fc.property(secret, secretName, fc.constantFrom('\n', '\r\n'), (s, n, eol) => {
        const xml = [
          '<?xml version="1.0" encoding="utf-8"?>',
          '<configuration>',
          '  <appSettings>',
          `    <add key="${n}" value="${s}" />`,
          '  </appSettings>',
          `  <connectionStrings><add name="db" connectionString="Server=a;Password=${s};" /></connectionStrings>`,
          `  <applicationSettings><p.Settings><setting name="${n}" serializeAs="String"><value>${s}</value></setting></p.Settings></applicationSettings>`,
          `  <x ${n}="${s}"><${n}>${s}</${n}></x>`,
          '</configuration>',
          '',
        ].join(eol);
        const red = redactXmlText(xml);
        expect(red).not.toContain(s);
        expect(parseXmlSafe(red).ok).toBe(true);
        expect(JSON.stringify(readWebConfig(xml))).not.toContain(s);
        // unparseable copies (cut short) must not leak it either
        expect(redactXmlText(xml.slice(0, xml.lastIndexOf('</x>')))).not.toContain(s);
      }),
      { numRuns: 200 },
    );
  });
});
