import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareRegFileNames, loadRegistryFiles } from '../../src/registry/merge.js';
import type { RegistryProblem } from '../../src/registry/types.js';
import { v5 } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function files(contents: Record<string, Buffer>): { path: string; label: string }[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'regmerge-'));
  dirs.push(dir);
  return Object.entries(contents).map(([name, buf]) => {
    writeFileSync(path.join(dir, name), buf);
    return { path: path.join(dir, name), label: `registry/${name}` };
  });
}

const PF = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';

describe('loadRegistryFiles', () => {
  it('applies files in the order given: later values and deletions win; problems name their file', async () => {
    const names = ['b-software.reg', 'A-base.reg', 'c-broken.reg', 'd-cleanup.reg'].sort(compareRegFileNames);
    expect(names).toEqual(['A-base.reg', 'b-software.reg', 'c-broken.reg', 'd-cleanup.reg']);
    const list = files({
      'A-base.reg': v5(`Windows Registry Editor Version 5.00\n\n[${PF}]\n"Version"="6.3.0"\n"Old"="x"\n\n[${PF}\\Temp]\n"t"="1"\n`),
      'b-software.reg': v5(`Windows Registry Editor Version 5.00\n\n[${PF}]\n"Version"="8.0.1.1"\n`),
      'c-broken.reg': Buffer.from('not a registry file\r\n'),
      'd-cleanup.reg': Buffer.from(`REGEDIT4\r\n\r\n[${PF}]\r\n"Old"=-\r\n"Bad"=dword:zz\r\n\r\n[-${PF}\\Temp]\r\n`, 'latin1'),
    });
    const problems: RegistryProblem[] = [];
    const r = await loadRegistryFiles(
      names.map((n) => list.find((f) => f.label.endsWith(n))!),
      null,
      (p) => problems.push(p),
    );
    expect(r.store.getValue(PF, 'Version')?.data).toBe('8.0.1.1');
    expect(r.store.getValue(PF, 'Old')).toBeUndefined();
    expect(r.store.getKey(`${PF}\\Temp`)).toBeUndefined();
    expect(problems.map((p) => p.location)).toEqual(['registry/c-broken.reg:1', 'registry/d-cleanup.reg:5']);
    expect(r.files.map((f) => [f.label, f.encoding, f.keys])).toEqual([
      ['registry/A-base.reg', 'utf16le', 2],
      ['registry/b-software.reg', 'utf16le', 1],
      ['registry/c-broken.reg', 'utf8', 0],
      ['registry/d-cleanup.reg', 'latin1', 1],
    ]);
    expect(r.keys).toBe(4);

    // given the other way round, the base file is applied last and wins
    const byName = (n: string) => list.find((f) => f.label.endsWith(n))!;
    const r2 = await loadRegistryFiles([byName('b-software.reg'), byName('A-base.reg')], null, () => {});
    expect(r2.store.getValue(PF, 'Version')?.data).toBe('6.3.0');
  });

  it('passes the interest filter to every file', async () => {
    const list = files({
      'x.reg': v5(`Windows Registry Editor Version 5.00\n\n[HKLM\\SOFTWARE\\Noise]\n"n"="1"\n\n[${PF}]\n"Version"="8.0"\n`),
    });
    const r = await loadRegistryFiles(list, [{ path: PF }], () => {});
    expect(r.store.keyCount()).toBe(1);
    expect(r.store.getValue(PF, 'version')?.data).toBe('8.0');
  });
});
