// One data-file digest the way a scan does it: sha256File from dist/host/bundle.js. Prints the hex digest.
// Usage: node bench/cases/digest.mjs FILE
import { sha256File } from '../../dist/host/io.js';

process.stdout.write((await sha256File(process.argv[2])) + '\n');
