// One .reg parse the way a scan does it: loadRegistryFiles with the probes' REGISTRY_INTERESTS (dist/).
// Prints JSON: keys and values read, and whether the MFA Server keys buried in the export were found.
// Usage: node bench/cases/parse-reg.mjs FILE.reg
import { loadRegistryFiles } from '../../dist/registry/merge.js';
import { REGISTRY_INTERESTS } from '../../dist/probes/registry.js';

const file = process.argv[2];
const problems = [];
const r = await loadRegistryFiles([{ path: file, label: 'software.reg' }], REGISTRY_INTERESTS, (p) => problems.push(p));
const MFA = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';
process.stdout.write(
  JSON.stringify({
    keys: r.keys,
    values: r.values,
    encoding: r.files[0]?.encoding,
    mfaVersion: r.store.getValue(MFA, 'Version')?.data ?? null,
    replicationPort: r.store.getValue(`${MFA}\\Settings`, 'ReplicationPort')?.data ?? null,
    problems: problems.length,
  }) + '\n',
);
