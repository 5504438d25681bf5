#!/usr/bin/env node
/**
 * make-fleet-fixtures.mjs: synthetic fleets for the memory benchmark. The named fleet fixtures
 * (fixtures/fleets/) are written by scripts/make-fixtures.mjs with everything else (modules in
 * scripts/fixtures/fleets/).
 *
 *   node scripts/make-fleet-fixtures.mjs --synthetic DIR N [SEED]   N synthetic hosts into DIR
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFleet } from './fixtures/synthetic-fleet.mjs';

export { generateFleet };

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  if (args[0] !== '--synthetic' || !args[1]) {
    console.error('usage: node scripts/make-fleet-fixtures.mjs --synthetic DIR N [SEED] (the fleet fixtures: npm run fixtures)');
    process.exit(2);
  }
  const out = generateFleet(path.resolve(args[1]), Number(args[2] ?? 50), Number(args[3] ?? 1));
  process.stdout.write(`${out.length} hosts in ${args[1]}\n`);
}
