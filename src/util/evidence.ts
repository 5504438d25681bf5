import type { Evidence, FileStat } from '../types.js';

/**
 * Evidence for a file fact: where it was looked for and what was seen (size and time, or "not found", or what
 * manifest.json says). A neutral module: rules build evidence from facts with it and never import a probe.
 */
export function fileEvidence(f: FileStat, observed?: string): Evidence {
  if (f.source === 'manifest') {
    return {
      source: 'manifest',
      location: f.path,
      observed: observed ?? `described in manifest.json: ${f.size ?? '?'} bytes, last written ${f.mtime ?? '?'}`,
    };
  }
  if (!f.exists) return { source: 'file', location: f.path, observed: observed ?? 'not found' };
  return {
    source: 'file',
    location: f.path,
    observed:
      observed ?? (f.size === null ? `folder, newest file written ${f.mtime ?? 'unknown'}` : `${f.size} bytes, last written ${f.mtime}`),
  };
}
