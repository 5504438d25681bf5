import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

/** Reads at most maxBytes of an open file (both targets cap what they read). */
export async function readCapped(fh: FileHandle, size: number, maxBytes: number): Promise<Buffer> {
  const len = Math.min(size, maxBytes);
  const buf = Buffer.alloc(len);
  let off = 0;
  while (off < len) {
    const { bytesRead } = await fh.read(buf, off, len - off, off);
    if (bytesRead === 0) break;
    off += bytesRead;
  }
  return buf.subarray(0, off);
}

/**
 * Streams a file through sha256 (a data file can be GBs): two reused 4 MiB buffers, the next read under
 * way while the current chunk is hashed; memory stays flat and no buffer is allocated per chunk.
 */
export async function sha256File(real: string): Promise<string> {
  const SIZE = 4 * 1024 * 1024;
  const fh = await open(real, 'r');
  try {
    const h = createHash('sha256');
    const bufs = [Buffer.allocUnsafe(SIZE), Buffer.allocUnsafe(SIZE)];
    let i = 0;
    let pos = 0;
    let pending = fh.read(bufs[0], 0, SIZE, 0);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      pos += bytesRead;
      const cur = bufs[i];
      i ^= 1;
      pending = fh.read(bufs[i], 0, SIZE, pos);
      h.update(cur.subarray(0, bytesRead));
    }
    return h.digest('hex');
  } finally {
    await fh.close();
  }
}
