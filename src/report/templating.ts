import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type HandlebarsNs from 'handlebars';
import { TEMPLATES_DIR } from './paths.js';

type Hb = typeof HandlebarsNs;
type Spec = Parameters<Hb['template']>[0];
const require = createRequire(import.meta.url);

/**
 * The built-in templates precompiled at build time (scripts/precompile-templates.mjs), keyed
 * "esc:<file>" / "raw:<file>"; absent when running from src/ (tests), where they are compiled.
 */
let precompiled: Record<string, Spec> | null | undefined;
function builtIn(key: string): Spec | null {
  if (precompiled === undefined) {
    try {
      precompiled = require('./precompiled-templates.cjs') as Record<string, Spec>;
    } catch {
      precompiled = null;
    }
  }
  return precompiled?.[key] ?? null;
}

/**
 * Loads a template set: `main` (e.g. report.html.hbs) and the partials in `partials/`, from
 * `templateDir` where given (a user's `--template DIR`), each missing file falling back to ours.
 * A private Handlebars instance per render keeps user partials from leaking between calls.
 */
export function compileTemplates(
  main: string,
  partialNames: string[],
  opts: { templateDir?: string; noEscape: boolean },
): (view: unknown) => string {
  // handlebars' runtime renders precompiled templates; its compiler (with source-map) loads only when a
  // template must be compiled: a user's own, or when running from src/.
  const needsCompiler = !!opts.templateDir || builtIn(`esc:${main}`) === null;
  const mod = require(needsCompiler ? 'handlebars' : 'handlebars/runtime') as Hb & { default?: Hb };
  const hb = (mod.default ?? mod).create();
  const pick = (rel: string): string => {
    if (opts.templateDir) {
      const user = join(opts.templateDir, rel);
      if (existsSync(user)) return user;
    }
    return join(TEMPLATES_DIR, rel);
  };
  const compile = (file: string) => {
    const rel = relative(TEMPLATES_DIR, file).split(sep).join('/');
    const spec = rel.startsWith('..') ? null : builtIn(`${opts.noEscape ? 'raw' : 'esc'}:${rel}`);
    if (spec) return hb.template(spec);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`${file}: cannot read the template (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return hb.compile(source, { strict: true, noEscape: opts.noEscape, preventIndent: true });
  };
  // Partials: ours, plus any extra ones the user's folder brings.
  const names = new Set(partialNames);
  if (opts.templateDir && existsSync(join(opts.templateDir, 'partials'))) {
    for (const f of readdirSync(join(opts.templateDir, 'partials')).sort()) if (f.endsWith('.hbs')) names.add(f.slice(0, -4));
  }
  const files = new Map<string, string>();
  for (const name of [...names].sort()) {
    const file = pick(join('partials', `${name}.hbs`));
    files.set(name, file);
    hb.registerPartial(name, compile(file));
  }
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  // Handlebars' `log` helper and its logger write to the console (stdout for `{{log}}` at info level), which
  // carries the --json report: a user template's `{{log}}` renders nothing and writes nothing, and the
  // instance's own warnings (e.g. a denied prototype property) are not printed either.
  hb.registerHelper('log', () => '');
  const quiet = hb as unknown as { log: (...a: unknown[]) => void; logger: { log: (...a: unknown[]) => void } };
  quiet.log = () => undefined;
  quiet.logger.log = () => undefined;
  const mainFile = pick(main);
  const template = compile(mainFile);
  return (view) => {
    try {
      return template(view);
    } catch (e) {
      // Handlebars' errors (strict mode: a missing field) carry no file name: add the main one.
      throw new Error(`${mainFile}: ${(e as Error).message.split('\n')[0]}`);
    }
  };
}
