#!/usr/bin/env node
/**
 * make-fixtures.mjs (`npm run fixtures`): regenerates every generated fixture under fixtures/ from
 * scripts/fixtures/: hosts/ (one module per host: scenario and expectations), fleets/ (one module per fleet),
 * not-a-host/, .gitattributes and the tables of fixtures/README.md. See fixtures/README.md.
 *
 *   node scripts/make-fixtures.mjs             into fixtures/
 *   node scripts/make-fixtures.mjs --out DIR   into DIR (fixtures/ untouched; the regeneration test uses this)
 */
import path from 'node:path';
import { REPO_FIXTURES, writeFixtures } from './fixtures/generate.mjs';
import { FixtureError } from './fixtures/lib/host.mjs';

const args = process.argv.slice(2);
let out = REPO_FIXTURES;
if (args[0] === '--out' && args[1]) out = path.resolve(args[1]);
else if (args.length) {
  console.error(`make-fixtures: unknown arguments "${args.join(' ')}" (usage: node scripts/make-fixtures.mjs [--out DIR])`);
  process.exit(2);
}
let r;
try {
  r = await writeFixtures(out);
} catch (e) {
  // A mistake in a module is one line; anything else (a bug) keeps its stack.
  console.error(e instanceof FixtureError ? `make-fixtures: ${e.message}` : e);
  process.exit(1);
}
console.log(`wrote ${r.hosts.length} hosts and ${r.fleets.length} fleets to ${path.relative(process.cwd(), out) || out}`);
