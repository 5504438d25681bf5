/**
 * Global set-up of the system layer: a fresh dist/ (test/setup/build.ts), then the outside tools through
 * scripts/setup-test-tools.sh, the one place that installs them (MFA_TEST_TOOLS=check: only look, install
 * nothing). Each tool still missing is one line here; its tests skip themselves (test/helpers/tools.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureFreshBuild } from './build.js';

export default async function setup(): Promise<void> {
  const note = await ensureFreshBuild();
  if (note) console.log(note);
  const script = fileURLToPath(new URL('../../scripts/setup-test-tools.sh', import.meta.url));
  const args = process.env.MFA_TEST_TOOLS === 'check' ? ['--check'] : [];
  const r = spawnSync('bash', [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) console.warn(`[tools] scripts/setup-test-tools.sh failed (exit ${r.status}); tests needing outside tools may skip`);
  for (const line of (r.stdout ?? '').split('\n')) if (line.includes(': missing ')) console.warn(`[tools] ${line}`);
}
