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
