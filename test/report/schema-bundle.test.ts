import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleHost, InputError } from '../../src/host/bundle.js';
import { validateReport } from '../../src/report/schema.js';
import { scanTarget } from '../../src/scan.js';
import { stageHost } from '../helpers/hosts.js';

/** Issue 15 item 17: bundle.json / manifest.json values of the wrong type gave "internal error" or a report failing its own schema. */
function withJson(file: 'bundle.json' | 'manifest.json', edit: (j: any) => void): string {
  const dir = stageHost('ha-subordinate');
  const p = path.join(dir, file);
  const j = JSON.parse(readFileSync(p, 'utf8'));
  edit(j);
  writeFileSync(p, JSON.stringify(j));
  return dir;
}
const opened = (dir: string) =>
  BundleHost.open(dir).then(
    () => null,
    (e: Error) => e,
  );

describe('bundle.json and manifest.json are checked against their schemas', () => {
  it.each([
    [
      'bundle.json',
      'hostname: 12345',
      (j: any) => {
        j.hostname = 12345;
      },
      '/hostname: must be string',
    ],
    [
      'bundle.json',
      'an empty hostname',
      (j: any) => {
        j.hostname = '';
      },
      '/hostname: must not be empty',
    ],
    [
      'bundle.json',
      'loadBalanced: "yes"',
      (j: any) => {
        j.roles = { ...j.roles, loadBalanced: 'yes' };
      },
      '/roles/loadBalanced: must be boolean or null',
    ],
    [
      'bundle.json',
      'os.caption as a number',
      (j: any) => {
        j.os = { caption: 2016 };
      },
      '/os/caption: must be string or null',
    ],
    [
      'bundle.json',
      'backupDirs as a string',
      (j: any) => {
        j.backupDirs = 'E:\\Backups';
      },
      '/backupDirs: must be array',
    ],
    [
      'bundle.json',
      'an otherHosts entry without components',
      (j: any) => {
        j.otherHosts = [{ name: 'WEB01' }];
      },
      '/otherHosts/0/components: is required',
    ],
    [
      'bundle.json',
      'env values that are not text',
      (j: any) => {
        j.env = { ProgramFiles: 1 };
      },
      '/env/ProgramFiles: must be string',
    ],
    [
      'manifest.json',
      'a size in words',
      (j: any) => {
        j.files[0].size = 'big';
      },
      '/files/0/size: must be integer',
    ],
    [
      'manifest.json',
      'a time that is not one',
      (j: any) => {
        j.files[0].mtime = 'yesterday';
      },
      '/files/0/mtime: is not a date-time ("yesterday")',
    ],
    [
      'manifest.json',
      'a digest that is not sha256',
      (j: any) => {
        j.files[0].sha256 = 'abc';
      },
      '/files/0/sha256: must match pattern "^[0-9a-fA-F]{64}$"',
    ],
  ] as const)('%s with %s: one line naming the file and the field (exit 2 through InputError)', async (file, _name, edit, what) => {
    const dir = withJson(file, edit);
    const e = await opened(dir);
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toBe(`${path.join(dir, file)}: ${what}`);
  });

  it('a correct bundle still scans, unknown fields ignored, and its report passes the report schema', async () => {
    const dir = withJson('bundle.json', (j) => (j.someFutureField = { x: 1 }));
    const { report } = await scanTarget(await BundleHost.open(dir), {
      targetVersion: '8.1',
      stage: 'pre',
      failOn: 'critical',
      now: '2026-11-21T09:00:00.000Z',
    });
    expect(validateReport(JSON.parse(JSON.stringify(report)))).toEqual({ ok: true });
  });

  it('an unknown replication role stays a problem in the report, as documented, not an error', async () => {
    const dir = withJson('bundle.json', (j) => (j.roles = { ...j.roles, replication: 'master' }));
    const host = await BundleHost.open(dir);
    expect(host.problems.map((p) => `${p.location}: ${p.message}`).join('\n')).toMatch(
      /replication "master" is not primary, subordinate or standalone: ignored/,
    );
  });
});
