/**
 * Global set-up of the command and system layers: they run bin/run.js, which runs dist/, so dist/ must not
 * be older than src/, templates/ or schemas/. When it is (or when asked with MFA_TEST_BUILD=always), this runs
 * the steps of package.json's "build" script and says so in one line. Type errors do not stop the
 * build here (tsc still emits; `npm run typecheck` reports them); a failing template or manifest step does.
 * A lock folder (.tmp/build.lock) keeps two test runs from building at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const mtime = (f: string): number => (existsSync(f) ? statSync(f).mtimeMs : -Infinity);
const rel = (f: string): string => path.relative(ROOT, f);

/** What the build reads besides src/: a change to any of these makes dist/ stale too. */
const OTHER_INPUTS = ['templates', 'schemas', 'scripts/precompile-templates.mjs', 'scripts/gen-types.mjs', 'tsconfig.json'];

/**
 * Why dist/ is stale, or null when it is fresh: a src/ file without its dist/ output, or any input (src/,
 * templates/, schemas/, the build scripts) newer than oclif.manifest.json, which the build writes last.
 */
export function staleReason(): string | null {
  const dist = path.join(ROOT, 'dist');
  const manifest = path.join(ROOT, 'oclif.manifest.json');
  if (!existsSync(manifest)) return 'oclif.manifest.json is missing';
  const built = mtime(manifest);
  const sources = files(path.join(ROOT, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.d.ts'));
  for (const src of sources) {
    const out = path.join(dist, path.relative(path.join(ROOT, 'src'), src)).replace(/\.ts$/, '.js');
    if (!existsSync(out)) return `${rel(out)} is missing`;
  }
  const others = OTHER_INPUTS.map((p) => path.join(ROOT, p)).flatMap((p) =>
    existsSync(p) && statSync(p).isDirectory() ? files(p, () => true) : [p],
  );
  for (const f of [...sources, ...others]) if (mtime(f) > built) return `${rel(f)} is newer than the last build`;
  return null;
}

/** The steps of package.json's "build" script, run one by one in a shell (node_modules/.bin on the PATH). */
function buildSteps(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts.build
    .split('&&')
    .map((s) => s.trim())
    .filter(Boolean);
}

function run(step: string): { ok: boolean; output: string } {
  const env = { ...process.env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` };
  const r = spawnSync(step, { cwd: ROOT, env, shell: true, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withLock<T>(fn: () => T): Promise<T> {
  const dir = path.join(ROOT, '.tmp', 'build.lock');
  mkdirSync(path.dirname(dir), { recursive: true });
  for (const until = Date.now() + 10 * 60_000; ;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(dir, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) rmSync(dir, { recursive: true, force: true });
      else if (Date.now() > until) throw new Error(`${rel(dir)}: held by pid ${owner} for 10 minutes`);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds when dist/ is stale (or MFA_TEST_BUILD=always); returns what was done, for the one-line note. */
export async function ensureFreshBuild(): Promise<string | null> {
  const always = process.env.MFA_TEST_BUILD === 'always';
  if (!always && staleReason() === null) return null;
  return withLock(() => {
    const why = always ? 'MFA_TEST_BUILD=always' : staleReason();
    if (why === null) return null; // another run built it while this one waited
    const t0 = Date.now();
    let typeErrors = 0;
    for (const step of buildSteps()) {
      const r = run(step);
      if (r.ok) continue;
      // tsc emits despite type errors (someone's half-done file): go on, and say so.
      const errors = (r.output.match(/error TS\d+/g) ?? []).length;
      if (/^tsc\b/.test(step) && errors > 0) typeErrors += errors;
      else throw new Error(`build for the CLI tests: \`${step}\` failed:\n${r.output.slice(0, 4000)}`);
    }
    // Someone may edit a file while this builds: say so rather than fail.
    const still = staleReason();
    return `[build] dist/ rebuilt for the CLI tests in ${((Date.now() - t0) / 1000).toFixed(1)} s (${why})${
      typeErrors ? `; tsc reported ${typeErrors} type error(s), see npm run typecheck` : ''
    }${still ? `; edited meanwhile: ${still}` : ''}`;
  });
}

export default async function setup(): Promise<void> {
  const note = await ensureFreshBuild();
  if (note) console.log(note);
}
