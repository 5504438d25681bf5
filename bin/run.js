#!/usr/bin/env node
// `mfa-readiness --version` is answered without loading oclif: @oclif/core's module graph is about
// 60% of this command's start-up (bench/: 2.5x -> 1.2x `node -e ''`). The text is oclif's own
// (config.userAgent); on WSL, where oclif says "wsl-x64", it is left to oclif.
import { arch, platform, release } from 'node:os';

const argv = process.argv.slice(2);
// Under an address-space limit (ulimit -v) the command runs in a child with fewer malloc arenas, and a crash
// there is exit 2 (dist/cli/launcher.js); otherwise this resolves to null at once.
const limited = await import('../dist/cli/launcher.js').then((m) => m.relaunchUnderLimit(argv, import.meta.url), () => null);
if (limited) await limited;
else if (argv[0] === '--version' && !(platform() === 'linux' && /microsoft/i.test(release()))) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.name}/${pkg.version} ${platform()}-${arch() === 'ia32' ? 'x86' : arch()} node-${process.version}\n`);
} else {
  const { run } = await import('@oclif/core/run');
  const { flush } = await import('@oclif/core/flush');
  try {
    await run(argv, import.meta.url);
    await flush();
  } catch (err) {
    // What no command caught (a command that does not exist, oclif's start-up): exit 2, one line
    // (src/cli/errors.ts), never oclif's own 1 or 127 and its stack.
    try {
      const { handleTopLevel } = await import('../dist/cli/errors.js');
      handleTopLevel(err, 'mfa-readiness', argv);
    } catch (inner) {
      // dist/ itself cannot be loaded (a broken or half-written build): still exit 2 and one line.
      const msg = String((err && err.message) || err).split('\n')[0];
      process.stderr.write(`mfa-readiness: internal error: ${msg.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}\n`);
      if (process.env.MFA_READINESS_DEBUG) process.stderr.write(`${(inner && inner.stack) || inner}\n`);
      process.exitCode = 2;
    }
  }
}
