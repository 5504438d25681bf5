// A big data file for the digest case, cheap to write and deterministic: one 1 MiB block of seeded
// pseudo-random bytes (sha256 counter mode), written over and over. Real bytes on disk (not sparse),
// incompressible within a block. Usage: node bench/gen-data.mjs OUT SIZE_MB [SEED]
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const MiB = 1024 * 1024;

export function randomBlock(seed, size = MiB) {
  const out = Buffer.alloc(size);
  for (let i = 0, n = 0; i < size; i += 32, n++) {
    createHash('sha256').update(`data:${seed}:${n}`).digest().copy(out, i);
  }
  return out;
}

/** Writes sizeMB MiB to path. Same seed, same size: same bytes. */
export async function generateDataFile(path, sizeMB, seed = 1) {
  const block = randomBlock(seed);
  const fh = await open(path, 'w');
  try {
    for (let i = 0; i < sizeMB; i++) await fh.write(block, 0, MiB);
  } finally {
    await fh.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, mb, seed] = process.argv.slice(2);
  if (!file || !mb) {
    console.error('usage: node bench/gen-data.mjs OUT SIZE_MB [SEED]');
    process.exit(2);
  }
  await generateDataFile(file, Number(mb), Number(seed ?? 1));
}
