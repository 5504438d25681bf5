// bin/run.js answers `--version` itself (start-up, see bench/): it must print exactly what oclif prints.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'run.js');

describe('mfa-readiness --version', () => {
  it('prints the same line as oclif does, without loading oclif', () => {
    const fast = execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    const viaOclif = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { execute } = await import('@oclif/core'); await execute({ dir: ${JSON.stringify(pathToFileURL(BIN).href)}, args: ['--version'] });`,
      ],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(fast).toMatch(/^mfa-readiness\/\d+\.\d+\.\d+ \S+-\S+ node-v\d+/);
    expect(fast).toBe(viaOclif);
    // Nothing of oclif is loaded for it (its modules are CommonJS: they would be in require.cache).
    const probe = `import { createRequire } from 'node:module'; const cache = createRequire(process.cwd() + '/').cache; process.on('exit', () => process.stderr.write('oclif modules: ' + Object.keys(cache).filter((k) => k.includes('@oclif')).length));`;
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, BIN, '--version'], {
      encoding: 'utf8',
    });
    expect(r.stdout).toBe(fast);
    expect(r.stderr).toBe('oclif modules: 0');
    // The probe does see oclif where it is loaded.
    const help = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, BIN, 'rules', '--help'], {
      encoding: 'utf8',
    });
    expect(help.stderr).toMatch(/oclif modules: [1-9]\d*/);
  });
});
