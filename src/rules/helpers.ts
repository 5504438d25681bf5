import type { BackupFact, Evidence } from '../types.js';
import { fileEvidence } from '../util/evidence.js';

/** Evidence for a backup search: the original and each candidate with why it is (not) current. */
export function backupEvidence(b: BackupFact): Evidence[] {
  const ev: Evidence[] = [fileEvidence(b.original)];
  for (const c of b.candidates.slice(0, 10)) {
    ev.push({
      source: c.source === 'manifest' ? 'manifest' : 'file',
      location: c.path,
      observed: `${c.reason === 'same-content' ? 'same content' : c.reason === 'copy-name' ? 'named as a copy' : 'in a backup folder'}; last written ${c.mtime ?? 'unknown'}; ${c.current ? 'current' : 'older than the original, which changed since'}`,
    });
  }
  return ev;
}

export function hasCurrent(b: BackupFact): boolean {
  return b.candidates.some((c) => c.current);
}
