// A whole-hive export, generated (bench/gen-hive.mjs), read with the interests a scan uses: the store stays
// small and the MFA keys buried in it are found. Not timed (see the benchmark in the report).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHive, MFA_KEY, MFA_UNINSTALL_KEY } from '../../bench/gen-hive.mjs';
import { RegistryStore } from '../../src/registry/store.js';
import { parseRegFile } from '../../src/registry/reg-file.js';
import { getValueEitherView, interestsBothViews } from '../../src/registry/views.js';
import type { RegistryProblem } from '../../src/registry/types.js';

let dir: string;
let file: string;
let sections: number;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'reghive-'));
  file = path.join(dir, 'SOFTWARE.reg');
  sections = await generateHive(file, 30, 42);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 30 MB whole-hive export read with interests', () => {
  it('keeps only the keys asked for and finds the MFA Server install', async () => {
    expect(statSync(file).size).toBeGreaterThan(30e6);
    const interests = interestsBothViews([
      { path: 'HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor' },
      { path: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall' },
      { path: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion', recursive: false },
    ]);
    const store = new RegistryStore(interests);
    const problems: RegistryProblem[] = [];
    const r = await parseRegFile(file, store, { label: 'registry/SOFTWARE.reg', onProblem: (p) => problems.push(p) });
    expect(problems).toEqual([]);
    expect(r.encoding).toBe('utf16le');
    expect(r.keys).toBe(sections);
    expect(sections).toBeGreaterThan(20_000);
    // two Uninstall trees (150 + 120 entries and their parents), CurrentVersion, two PhoneFactor keys
    expect(store.keyCount()).toBeLessThan(300);

    const pf = getValueEitherView(store, 'HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor', 'InstallPath');
    expect(pf?.path).toBe(MFA_KEY);
    expect(pf?.value.data).toBe('C:\\Program Files\\Multi-Factor Authentication Server\\');
    expect(store.getValue(`${MFA_KEY}\\Settings`, 'ReplicationPort')?.data).toBe(4898);
    expect(store.getValue(MFA_UNINSTALL_KEY, 'DisplayName')?.data).toBe('Multi-Factor Authentication Server');
    expect(store.getValue(MFA_UNINSTALL_KEY, 'DisplayVersion')?.data).toBe('8.0.1.1');
    expect(store.getValue('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion', 'ProgramFilesDir (x86)')?.data).toBe(
      'C:\\Program Files (x86)',
    );
    expect(store.subkeys('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion')).toEqual(['Uninstall']);
  });

  it('reads the same file whole, with no filter, without problems', async () => {
    const store = new RegistryStore(null);
    const problems: RegistryProblem[] = [];
    const r = await parseRegFile(file, store, { onProblem: (p) => problems.push(p) });
    expect(problems).toEqual([]);
    expect(store.keyCount()).toBe(r.keys);
    expect(store.getValue(MFA_UNINSTALL_KEY, 'EstimatedSize')?.data).toBe(210432);
  });
});
