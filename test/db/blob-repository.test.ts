// @vitest-environment node
// happy-dom's Blob does not survive fake-indexeddb's structured clone (it comes back as a
// plain object); Node's own Blob does, as a browser's does in real IndexedDB.
import { describe, expect, it } from 'vitest';
import {
  getBlob,
  listBlobsToUpload,
  markBlobUploaded,
  putBlob,
} from '../../src/db/blob-repository';
import { freshDatabase } from '../support/fresh-database';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const T0 = Date.UTC(2025, 7, 18, 8, 0, 0);

function photo(text = 'jpeg bytes'): Blob {
  return new Blob([text], { type: 'image/jpeg' });
}

describe('blob repository', () => {
  it('stores a blob as pending upload and gives it back', async () => {
    const db = freshDatabase();

    expect(
      await putBlob(db, { sha256: HASH_A, blob: photo(), mediaType: 'image/jpeg', nowMs: T0 }),
    ).toBe('added');

    const found = await getBlob(db, HASH_A);
    if (found.status !== 'found') throw new Error(`expected the blob, got ${found.status}`);
    expect(found.row).toMatchObject({
      sha256: HASH_A,
      mediaType: 'image/jpeg',
      size: 10,
      createdAtMs: T0,
      uploadState: 'pending',
    });
    expect(await found.row.blob.text()).toBe('jpeg bytes');
    expect(await getBlob(db, HASH_B)).toEqual({ status: 'absent' });
  });

  it('queues pending blobs and forgets them from the queue once uploaded', async () => {
    const db = freshDatabase();
    await putBlob(db, { sha256: HASH_A, blob: photo(), mediaType: 'image/jpeg', nowMs: T0 });
    await putBlob(db, { sha256: HASH_B, blob: photo('b'), mediaType: 'image/jpeg', nowMs: T0 });

    expect(await markBlobUploaded(db, HASH_A, T0 + 1000)).toBe(true);

    const queue = await listBlobsToUpload(db);
    expect(queue.rows.map((row) => row.sha256)).toEqual([HASH_B]);
    const uploaded = await getBlob(db, HASH_A);
    expect(uploaded.status === 'found' && uploaded.row.uploadedAtMs).toBe(T0 + 1000);
    expect(await markBlobUploaded(db, 'c'.repeat(64), T0)).toBe(false);
  });

  it('keeps the first row when the same content is stored again', async () => {
    const db = freshDatabase();
    await putBlob(db, { sha256: HASH_A, blob: photo(), mediaType: 'image/jpeg', nowMs: T0 });
    await markBlobUploaded(db, HASH_A, T0 + 1000);

    const again = await putBlob(db, {
      sha256: HASH_A,
      blob: photo(),
      mediaType: 'image/jpeg',
      nowMs: T0 + 2000,
    });

    expect(again).toBe('exists');
    const stored = await getBlob(db, HASH_A);
    expect(stored.status === 'found' && stored.row.uploadState).toBe('uploaded');
  });

  it('refuses a malformed hash or media type and stores nothing', async () => {
    const db = freshDatabase();

    await expect(
      putBlob(db, { sha256: 'ABC', blob: photo(), mediaType: 'image/jpeg', nowMs: T0 }),
    ).rejects.toThrow('sha256: must be a sha-256 written as 64 lowercase hex digits');
    await expect(
      putBlob(db, { sha256: HASH_A, blob: photo(), mediaType: 'jpeg', nowMs: T0 }),
    ).rejects.toThrow('mediaType: must be a media type such as image/jpeg');
    expect(await db.blobs.count()).toBe(0);
  });

  it('refuses an empty blob', async () => {
    const db = freshDatabase();

    await expect(
      putBlob(db, { sha256: HASH_A, blob: new Blob([]), mediaType: 'image/jpeg', nowMs: T0 }),
    ).rejects.toThrow(/^Cannot store blob a{64}: size: /);
  });

  it('reports a stored row whose blob is missing', async () => {
    const db = freshDatabase();
    await db.table('blobs').put({
      sha256: HASH_A,
      mediaType: 'image/jpeg',
      size: 3,
      createdAtMs: T0,
      uploadState: 'pending',
    });

    const queue = await listBlobsToUpload(db);

    expect(queue.rows).toEqual([]);
    expect(queue.problems).toHaveLength(1);
    expect(queue.problems[0]).toMatchObject({ table: 'blobs', key: HASH_A });
    expect(queue.problems[0]?.message).toMatch(/^blob: /);
  });
});
