import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RegistryStore } from '../../src/registry/store.js';
import { parseRegBuffer, parseRegFile, type ParseOptions, type ParseResult } from '../../src/registry/reg-file.js';
import type { KeyInterest, RegistryProblem } from '../../src/registry/types.js';

/** Text with "\n" line ends -> the bytes `reg export` writes (UTF-16LE, BOM, CRLF by default). */
export function v5(text: string, eol = '\r\n'): Buffer {
  return Buffer.from('\ufeff' + text.replace(/\n/g, eol), 'utf16le');
}

export interface Parsed {
  store: RegistryStore;
  problems: RegistryProblem[];
  result: ParseResult;
}

export function parseBuf(buf: Buffer, interests: KeyInterest[] | null = null, opts: Partial<ParseOptions> = {}): Parsed {
  const store = new RegistryStore(interests);
  const problems: RegistryProblem[] = [];
  const result = parseRegBuffer(buf, store, { label: 'registry/test.reg', onProblem: (p) => problems.push(p), ...opts });
  return { store, problems, result };
}

export async function parseAsFile(buf: Buffer, interests: KeyInterest[] | null = null, opts: Partial<ParseOptions> = {}): Promise<Parsed> {
  const dir = mkdtempSync(path.join(tmpdir(), 'regtest-'));
  try {
    const file = path.join(dir, 'export.reg');
    writeFileSync(file, buf);
    const store = new RegistryStore(interests);
    const problems: RegistryProblem[] = [];
    const result = await parseRegFile(file, store, { label: 'registry/export.reg', onProblem: (p) => problems.push(p), ...opts });
    return { store, problems, result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A snapshot of a store to compare two parses. */
export function dump(store: RegistryStore): unknown[] {
  return [...store.keys()].map((k) => [k.path, k.values.map((v) => [v.name, v.type, v.typeNumber, v.data])]);
}
