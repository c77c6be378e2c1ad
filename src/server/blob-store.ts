import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A blob received into a staging file, with what its bytes really hash to. */
export interface ReceivedBlob {
  path: string;
  sha256: string;
  size: number;
}

/**
 * Photos and documents on disk, by sha-256: `blobs/ab/cdef…` once complete,
 * `blobs/partial/<sha>` while an upload is under way, and `blobs/incoming/<name>` while a
 * sync bundle's files are checked. A blob is moved into place only
 * after its bytes hash to its name, so a complete blob is always the right one. The
 * directory may be shared storage when several server processes run on PostgreSQL.
 */
export class BlobStore {
  constructor(private readonly dir: string) {}

  private completePath(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2));
  }

  private partialPath(sha256: string): string {
    return join(this.dir, 'partial', sha256);
  }

  /** How many bytes the server holds of this blob, and whether it is complete. */
  async progress(
    sha256: string,
  ): Promise<{ offset: number; complete: boolean; size?: number; mediaType?: string }> {
    const done = await sizeOf(this.completePath(sha256));
    if (done !== null) {
      const mediaType = await readFile(`${this.completePath(sha256)}.type`, 'utf8').catch(
        () => 'application/octet-stream',
      );
      return { offset: done, complete: true, size: done, mediaType };
    }
    return { offset: (await sizeOf(this.partialPath(sha256))) ?? 0, complete: false };
  }

  /**
   * Appends `chunk` at `offset`. Returns what the server then holds. The caller has
   * checked that offset equals the held size; the total size decides when to verify.
   */
  async append(
    sha256: string,
    chunk: Uint8Array,
    total: number,
    mediaType: string,
  ): Promise<{ offset: number; complete: boolean; hashMismatch?: true }> {
    const partial = this.partialPath(sha256);
    await mkdir(join(this.dir, 'partial'), { recursive: true });
    await appendFile(partial, chunk);
    const held = (await sizeOf(partial)) ?? 0;
    if (held < total) return { offset: held, complete: false };
    if ((await hashFile(partial)) !== sha256) {
      await rm(partial, { force: true });
      return { offset: 0, complete: false, hashMismatch: true };
    }
    const target = this.completePath(sha256);
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    await writeFile(`${target}.type`, mediaType);
    await rename(partial, target);
    return { offset: held, complete: true };
  }

  async discardPartial(sha256: string): Promise<void> {
    await rm(this.partialPath(sha256), { force: true });
  }

  /**
   * Writes a stream of bytes to a staging file under `name`, hashing them on the way; only
   * one chunk is in memory at a time. The caller compares the hash and then keeps or
   * discards the file.
   */
  async receive(name: string, chunks: AsyncIterable<Uint8Array>): Promise<ReceivedBlob> {
    const dir = join(this.dir, 'incoming');
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    const hash = createHash('sha256');
    let size = 0;
    const file = await open(path, 'w');
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        let written = 0;
        while (written < chunk.length)
          written += (await file.write(chunk, written, chunk.length - written)).bytesWritten;
      }
    } catch (error) {
      await file.close();
      await rm(path, { force: true });
      throw error;
    }
    await file.close();
    return { path, sha256: hash.digest('hex'), size };
  }

  /**
   * Moves a received blob into place under its hash (the caller has checked it), or drops
   * the copy when the store holds that blob already.
   */
  async keepReceived(blob: ReceivedBlob, mediaType: string): Promise<'stored' | 'already-held'> {
    const target = this.completePath(blob.sha256);
    if ((await sizeOf(target)) !== null) {
      await rm(blob.path, { force: true });
      return 'already-held';
    }
    await mkdir(join(this.dir, blob.sha256.slice(0, 2)), { recursive: true });
    await writeFile(`${target}.type`, mediaType);
    await rename(blob.path, target);
    return 'stored';
  }

  async discardReceived(blob: { path: string }): Promise<void> {
    await rm(blob.path, { force: true });
  }

  readStream(sha256: string) {
    return createReadStream(this.completePath(sha256));
  }
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
