// Run by the Windows node.exe under Wine: loads the registry through LiveHost and prints JSON.
//   node.exe probe-registry.mjs <build-dir> <config.json>
// config: { interests: KeyInterest[], keys: string[], options?: LiveOptions }
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [buildDir, configFile] = process.argv.slice(2);
const { LiveHost } = await import(pathToFileURL(path.join(buildDir, 'host', 'live.js')).href);
const cfg = JSON.parse(readFileSync(configFile, 'utf8'));
const t = new LiveHost(cfg.options ?? {});
const t0 = Date.now();
let thrown = null;
let reg = null;
try {
  reg = await t.loadRegistry(cfg.interests);
} catch (e) {
  thrown = String(e && e.stack || e);
}
const ms = Date.now() - t0;
const keys = {};
for (const k of cfg.keys ?? []) {
  keys[k] = reg ? { key: reg.getKey(k) ?? null, subkeys: reg.subkeys(k), any: reg.hasAnyUnder(k) } : null;
}
const out = { platform: process.platform, arch: process.arch, ms, thrown, keys, problems: t.problems, sources: t.registrySources(), digest: t.inputDigest(), location: t.location };
// Escape non-ASCII so the file's bytes do not depend on any code page.
process.stdout.write(JSON.stringify(out).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '\n');
