import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { MAX_DEPTH, MAX_ELEMENTS, MAX_VALUE_CHARS, parseXmlSafe } from '../../src/xml/safe.js';
import { cutMessage, MAX_MESSAGE_CHARS } from '../../src/util/cut.js';
import { TEMP_PREFIX } from '../../src/util/tempdirs.js';
import { APPHOST, BASE, cli, naming, NOW, scanOk, stageHost, tmp } from './helpers.js';

// Bounded work, issue 15 item 1: an applicationHost.config of <configuration> and millions of <a> never closed
// (30 MB, under the 64 MiB cap) took minutes and GBs, and its parse error listed every open tag in MFA-CFG-002
// and problems. Now a linear shape check refuses it at once and every message from input is cut.

const work = tmp('bounded-xml');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const UNCLOSED = '<?xml version="1.0" encoding="UTF-8"?>\r\n<configuration>\r\n' + '<a>'.repeat(10_000_000);

describe('parseXmlSafe on hostile shapes', () => {
  it('10 million unclosed tags (30 MB): refused by the shape check, not parsed, one short line', () => {
    const t0 = Date.now();
    const r = parseXmlSafe(UNCLOSED, { maxBytes: 64 * 1024 * 1024 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(new RegExp(`nested more than ${MAX_DEPTH} deep`));
    expect(r.error.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 60);
  });

  it.each([
    ['too many elements', '<configuration>' + '<a/>'.repeat(MAX_ELEMENTS + 1) + '</configuration>', /more than 250000 elements/],
    [
      'too many attributes on one element',
      `<configuration><a ${Array.from({ length: 1001 }, (_, i) => `x${i}=""`).join(' ')}/></configuration>`,
      /more than 1000 attributes/,
    ],
    ['a text run over 1 MiB', `<configuration>${'x'.repeat(MAX_VALUE_CHARS + 1)}</configuration>`, /text run of more than/],
    ['an attribute value over 1 MiB', `<configuration a="${'x'.repeat(MAX_VALUE_CHARS + 1)}"/>`, /attribute value of more than/],
  ])('%s: refused before parsing', (_name, text, msg) => {
    const t0 = Date.now();
    const r = parseXmlSafe(text, { maxBytes: 64 * 1024 * 1024 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.ok ? 'parsed' : r.error).toMatch(msg);
  });

  it('real shapes still parse: comments, CDATA, ">" in attribute values, a DOCTYPE without entities', () => {
    const text =
      '<?xml version="1.0"?><!DOCTYPE configuration><!-- <a><a><a> --><configuration x="a>b"><![CDATA[<a><a>]]><b/><c d=\'>\'></c></configuration>';
    const r = parseXmlSafe(text);
    expect(r.ok && r.doc.root.children.map((c) => c.name)).toEqual(['b', 'c']);
  });

  it('100 levels deep parse; 101 are refused', () => {
    const deep = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(parseXmlSafe(deep(MAX_DEPTH)).ok).toBe(true);
    expect(parseXmlSafe(deep(MAX_DEPTH + 1)).ok).toBe(false);
  });

  it('cutMessage: one line, at most a few hundred characters, says how much was cut', () => {
    expect(cutMessage('a\r\nb\tc')).toBe('a b c');
    const long = cutMessage('x'.repeat(10_000));
    expect(long.length).toBeLessThan(MAX_MESSAGE_CHARS + 40);
    expect(long).toMatch(/9700 more characters cut\)$/);
  });
});

describe('scan of a host whose applicationHost.config is 10 million unclosed tags', () => {
  it('a bundle folder: exit 0/1 in bounded time, MFA-CFG-002 and problems carry one short line', () => {
    const dir = stageHost(BASE);
    writeFileSync(path.join(dir, APPHOST), UNCLOSED);
    const { report, run } = scanOk(dir, [], 60_000);
    expect(run.ms).toBeLessThan(30_000);
    expect(run.stdout.length).toBeLessThan(1024 * 1024);
    const lines = naming(report, 'applicationHost.config', /nested more than 100 deep/);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of naming(report, 'applicationHost.config')) expect(l.length).toBeLessThan(1000);
    expect(report.findings.find((f) => f.ruleId === 'MFA-CFG-002')).toBeTruthy();
  }, 90_000);

  it('the same as a collect zip (tens of KB): every format written small, exit 0/1, no temp folder left', async () => {
    const dir = stageHost(BASE);
    writeFileSync(path.join(dir, APPHOST), UNCLOSED);
    const z = new yazl.ZipFile();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile()) z.addBuffer(readFileSync(p), path.relative(dir, p).split(path.sep).join('/'));
      }
    };
    walk(dir);
    z.end();
    const zip = path.join(work, 'unclosed.zip');
    await pipeline(z.outputStream, createWriteStream(zip));
    expect(statSync(zip).size).toBeLessThan(1024 * 1024);
    const t = path.join(work, 'tmp');
    mkdirSync(t);
    const out = path.join(work, 'out');
    const run = cli(['scan', zip, '--format', 'json,html,md,junit', '--out', out, '--now', NOW], { env: { TMPDIR: t }, timeoutMs: 60_000 });
    expect(run.signal).toBeNull();
    expect([0, 1], run.stderr.slice(0, 500)).toContain(run.code);
    const files = readdirSync(out);
    expect(files.length).toBe(4);
    for (const f of files) expect(statSync(path.join(out, f)).size).toBeLessThan(2 * 1024 * 1024);
    expect(readdirSync(t).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  }, 90_000);
});
