import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport, REPORT_MAX_BYTES, ReportFileError } from '../../src/report/load.js';
import { loadWaivers } from '../../src/report/waivers.js';
import { renderJson } from '../../src/report/json.js';
import { sampleReport } from './sample.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const put = async (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  await writeFile(p, data);
  return p;
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: Error) => e,
  );

describe('loadReport: the one loader of gate, diff and fleet', () => {
  const json = renderJson(sampleReport());

  it.each([
    ['plain UTF-8', Buffer.from(json, 'utf8')],
    [
      'UTF-8 with a byte-order mark (PowerShell 7 Out-File -Encoding utf8BOM)',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]),
    ],
    [
      'UTF-16LE with a byte-order mark (Windows PowerShell Out-File)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
    ],
    ['UTF-16BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()])],
  ])('reads %s', async (name, bytes) => {
    const r = await loadReport(await put(`${name.length}.json`, bytes));
    expect(r.host.name).toBe('MFA01');
    expect(r.findings).toHaveLength(sampleReport().findings.length);
  });

  it('names the file and the field that is wrong, with the allowed values', async () => {
    const bad = sampleReport();
    (bad.findings[3] as { severity: string }).severity = 'urgent';
    const p = await put('report.json', JSON.stringify(bad));
    const e = await failure(loadReport(p));
    expect(e).toBeInstanceOf(ReportFileError);
    expect(e!.message).toBe(`${p}: /findings/3/severity: must be one of critical, high, medium, low, info`);
  });

  it('says what an error report is instead of listing missing fields', async () => {
    const p = await put('error.json', JSON.stringify({ error: { code: 'EEXIT', message: 'no TARGET given' } }));
    expect((await failure(loadReport(p)))!.message).toBe(`${p}: this is an error report, not a scan report (the run that wrote it failed)`);
  });

  it('says so when given a fleet report', async () => {
    const p = await put('fleet.json', JSON.stringify({ schemaVersion: 1, hosts: [], waves: [] }));
    expect((await failure(loadReport(p)))!.message).toBe(`${p}: this is a fleet report, not a host report`);
  });

  it('reports bad JSON by line and column, never quoting the input (it may hold terminal escapes)', async () => {
    const p = await put('esc.json', '{\n  "schemaVersion": 1,\n  \u001b[31mred\n}');
    const e = await failure(loadReport(p));
    expect(e!.message).toMatch(
      new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON \\(a syntax error at line 3, column \\d+\\)$`),
    );
    expect(e!.message).not.toContain('\u001b');
  });

  it('refuses a report nested deeper than any real one (no stack overflow later)', async () => {
    const base = JSON.stringify(sampleReport());
    const p = await put('deep.json', `${base.slice(0, -1)},"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect((await failure(loadReport(p)))!.message).toBe(`${p}: nests deeper than 64 levels; not a report`);
  });

  it('refuses a file over the cap without reading it, naming the file and the cap', async () => {
    const p = await put('huge.json', '');
    await truncate(p, REPORT_MAX_BYTES + 1); // sparse: costs nothing
    const started = Date.now();
    const e = await failure(loadReport(p));
    expect(e!.message).toBe(`${p}: the report is larger than 32 MiB (${REPORT_MAX_BYTES + 1} bytes); no real one is this large`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('never opens a FIFO for a blocking read (it would hang forever)', async () => {
    const p = join(dir, 'pipe.json');
    execFileSync('mkfifo', [p]);
    const e = await failure(loadReport(p));
    expect(e!.message).toBe(`${p}: not a regular file: the report must be a file`);
    const w = join(dir, 'pipe.yml');
    execFileSync('mkfifo', [w]);
    expect((await failure(loadWaivers(w)))!.message).toBe(`${w}: not a regular file: the waiver file must be a file`);
  });

  it('names a missing file and a folder', async () => {
    expect((await failure(loadReport(join(dir, 'nope.json'))))!.message).toBe(`${join(dir, 'nope.json')}: cannot read the report (ENOENT)`);
    expect((await failure(loadReport(dir)))!.message).toBe(`${dir}: not a regular file: the report must be a file`);
  });

  it('keeps an unknown top-level key named like an Object method (it validates; nothing downstream trips on it)', async () => {
    const p = await put('tostring.json', JSON.stringify({ ...sampleReport(), toString: { x: 1 }, constructor: [1] }));
    const r = await loadReport(p);
    expect(renderJson(r)).toContain('"toString"');
  });
});

describe('loadWaivers: capped and encoding-aware like the report loader', () => {
  it('refuses a waiver file over 1 MiB, naming the file and the cap', async () => {
    const p = await put('big.yml', 'waivers:\n' + '  - rule: MFA-LIFE-001\n    reason: r\n'.repeat(40_000));
    const e = await failure(loadWaivers(p));
    expect(e!.message).toMatch(
      new RegExp(
        `^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the waiver file is larger than 1 MiB \\(\\d+ bytes\\); no real one is this large$`,
      ),
    );
  });

  it('reads a UTF-16LE waiver file as PowerShell writes it', async () => {
    const text = 'waivers:\r\n  - rule: MFA-LIFE-001\r\n    reason: CHG0012345\r\n';
    const p = await put('ps.yml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await loadWaivers(p)).toEqual([{ rule: 'MFA-LIFE-001', reason: 'CHG0012345' }]);
  });
});
