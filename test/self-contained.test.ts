/**
 * The repository is whole: a fresh clone with nothing beside it runs and tests. No file reads or names a
 * folder outside the checkout (the spec and data the project started from were in a folder beside it;
 * what the tests need of them now lives in test/data/, and the contracts in docs/).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Built from parts, so that this file does not name what it looks for.
const OUTSIDE = new RegExp(['\\.\\./' + 'shared\\b', 'MFA_' + 'SHARED_DIR', 'MFA_' + 'SPEC_DIR', 'MFA_' + 'SEEDS_DIR'].join('|'));

describe('the repository is self-contained', () => {
  const files = globSync('**/*', {
    cwd: ROOT,
    nodir: true,
    dot: true,
    posix: true,
    ignore: ['node_modules/**', '.git/**', 'dist/**', '.cache/**', '.tmp/**', 'pack/**', 'test/data/**', '**/*.png'],
  });

  it('looks at the whole tree', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('src/scan.ts');
    expect(files).toContain('test/self-contained.test.ts');
  });

  it('no file reads or names the folder beside the checkout, or the variables that pointed there', () => {
    const hits = files.filter(
      (f) => statSync(path.join(ROOT, f)).size < 4 * 1024 * 1024 && OUTSIDE.test(readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(hits).toEqual([]);
  });

  it('the real-data corpora are in the repository with their provenance', () => {
    for (const f of ['registry/truth.json', 'iis/truth.json', 'PROVENANCE.md']) {
      expect(statSync(path.join(ROOT, 'test', 'data', 'realdata', f)).isFile(), f).toBe(true);
    }
    for (const dir of ['registry', 'iis']) {
      const truth = JSON.parse(readFileSync(path.join(ROOT, 'test', 'data', 'realdata', dir, 'truth.json'), 'utf8')) as {
        files: { file: string }[];
      };
      for (const { file } of truth.files)
        expect(statSync(path.join(ROOT, 'test', 'data', 'realdata', dir, file)).size, file).toBeGreaterThan(0);
    }
  });
});
