/**
 * Several exports into one store. docs/bundle-format.md: registry/*.reg in ordinal case-insensitive name order,
 * then the --registry files in the order given; the caller sorts, this applies in the order received,
 * so a later file's values and deletions win.
 */
import type { KeyInterest, RegistryProblem } from './types.js';
import { RegistryStore } from './store.js';
import { parseRegFile, type RegEncoding } from './reg-file.js';

export interface LoadedFile {
  label: string;
  keys: number;
  values: number;
  encoding: RegEncoding;
}

export interface LoadResult {
  store: RegistryStore;
  files: LoadedFile[];
  /** Sums over the files (see ParseResult for what counts). */
  keys: number;
  values: number;
}

export async function loadRegistryFiles(
  files: { path: string; label: string }[],
  interests: KeyInterest[] | null,
  onProblem: (p: RegistryProblem) => void,
): Promise<LoadResult> {
  const store = new RegistryStore(interests);
  const out: LoadedFile[] = [];
  let keys = 0;
  let values = 0;
  for (const f of files) {
    const r = await parseRegFile(f.path, store, { label: f.label, onProblem });
    out.push({ label: f.label, ...r });
    keys += r.keys;
    values += r.values;
  }
  return { store, files: out, keys, values };
}

/** Ordinal, case-insensitive name order (docs/bundle-format.md) for registry/*.reg names. */
export function compareRegFileNames(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
