import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobStore } from '../../src/server/blob-store';

/** A blob store in a fresh temporary directory. */
export function scratchBlobStore(): BlobStore {
  return new BlobStore(mkdtempSync(join(tmpdir(), 'jl-blobs-')));
}
