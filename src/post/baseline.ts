import { InputFileError, loadReport } from '../report/load.js';
import type { Baseline } from './types.js';

/** A --baseline report that cannot serve as the "before" of this scan (another host, a report taken after a window). */
export class BaselineFileError extends InputFileError {
  constructor(file: string, detail: string) {
    super(file, detail);
    this.name = 'BaselineFileError';
  }
}

/**
 * Loads the report taken before the window (`scan --stage post --baseline FILE`) through the one report loader
 * (same checks as gate and diff: size, encoding, schema). A report of stage post is refused: it is not a "before".
 */
export async function loadBaseline(file: string): Promise<Baseline> {
  const report = await loadReport(file);
  if (report.scan.stage === 'post') {
    throw new BaselineFileError(file, 'is a report taken after a window (stage post): give the report taken before it (scan --stage pre)');
  }
  return { file, report };
}

/** Refuses a baseline of another host (host names compared case-insensitively; where either is unknown, nothing to compare). */
export function checkBaselineHost(b: Baseline, hostName: string | null): void {
  const before = b.report.host.name;
  if (before && hostName && before.toLowerCase() !== hostName.toLowerCase()) {
    throw new BaselineFileError(b.file, `is a report of ${before}, not of ${hostName}: give this host's report taken before the window`);
  }
}

/**
 * `fleet --stage post --baselines DIR`: the reports taken before the window, one per host, by host name in lower
 * case. Every .json in the folder must be a report of before (one line naming a file that is not); two of one host
 * are refused (which one is the baseline would be a guess).
 */
export async function loadBaselines(dir: string): Promise<Map<string, Baseline>> {
  const { readdir } = await import('node:fs/promises');
  const path = await import('node:path');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch (e) {
    throw new BaselineFileError(dir, `cannot read the folder of baselines (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const out = new Map<string, Baseline>();
  for (const n of names) {
    const b = await loadBaseline(path.join(dir, n));
    const host = b.report.host.name?.toLowerCase();
    if (!host) throw new BaselineFileError(b.file, 'names no host: it cannot be matched to a host of the fleet');
    const other = out.get(host);
    if (other)
      throw new BaselineFileError(b.file, `is a second report of ${b.report.host.name} (with ${other.file}): keep one baseline per host`);
    out.set(host, b);
  }
  return out;
}
