import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Photos and documents on disk, by sha-256: `blobs/ab/cdef…` once complete, and
 * `blobs/partial/<sha>` while an upload is under way. A blob is moved into place only
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
