import { describe, expect, it } from 'vitest';
import { RECORD_INDEXES, RECORD_TABLES } from '../../src/db/app-database';
import { RECORD_KINDS } from '../../src/domain/sync-record';
import { freshDatabase } from '../support/fresh-database';

describe('AppDatabase version 1', () => {
  it('has one table per record kind, keyed by the record key', async () => {
    const db = freshDatabase();
    await db.open();
    for (const kind of RECORD_KINDS) {
      const table = db.recordTable(kind);
      expect(table.name).toBe(RECORD_TABLES[kind]);
      expect(table.schema.primKey.keyPath).toBe('key');
    }
  });

  it('declares every index that RECORD_INDEXES names', async () => {
    const db = freshDatabase();
    await db.open();
    for (const kind of RECORD_KINDS) {
      const declared = db.recordTable(kind).schema.indexes.map((index) => index.name);
      const named: Record<string, string> = RECORD_INDEXES[kind];
      expect(declared).toEqual(expect.arrayContaining(Object.values(named)));
    }
  });

  it('numbers outbox rows itself and refuses a mutation id twice', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.outbox.schema.primKey).toMatchObject({ keyPath: 'seq', auto: true });
    expect(db.outbox.schema.idxByName['mutation.id']).toMatchObject({ unique: true });
  });

  it('has blobs keyed by sha-256 and a key/value meta table', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.blobs.schema.primKey.keyPath).toBe('sha256');
    expect(db.meta.schema.primKey.keyPath).toBe('key');
  });
});
