import { recordKindSchema } from '../domain/sync-record';
import { META_KEYS, OUTBOX_BY_RECORD, type AppDatabase } from './app-database';
import { readCursor } from './cursor';
import { fieldOf } from './row-problem';

/**
 * The user gives up a rejected edit. Its outbox row goes; if no other edit of the record
 * waits, the record goes back to the server's version: a record the server never had is
 * deleted, and for one it had, the cursor steps back to just before that version so the
 * next sync fetches it again (applying a change twice is harmless).
 */
export async function discardRejected(db: AppDatabase, mutationId: string): Promise<boolean> {
  return db.transaction('rw', [...db.allRecordTables(), db.outbox, db.meta], async () => {
    const row: unknown = await db.outbox.where('mutation.id').equals(mutationId).first();
    if (fieldOf(row, 'status') !== 'rejected') return false;
    const kind = fieldOf(fieldOf(fieldOf(row, 'mutation'), 'record'), 'kind');
    const key = fieldOf(row, 'recordKey');
    await db.outbox.where('mutation.id').equals(mutationId).delete();
    if (typeof kind !== 'string' || typeof key !== 'string') return true;
    const others = await db.outbox.where(OUTBOX_BY_RECORD).equals([kind, key]).count();
    if (others > 0) return true;
    const parsedKind = recordKindSchema.safeParse(kind);
    if (!parsedKind.success) return true;
    const table = db.recordTable(parsedKind.data);
    // The server version to go back to: one held back by a pull, the one the row was
    // edited from, or (the record was deleted here) the one the delete started from.
    const stored: unknown = await table.get(key);
    const seq = [
      fieldOf(stored, 'heldSeq'),
      fieldOf(stored, 'seq'),
      fieldOf(fieldOf(row, 'mutation'), 'baseSeq'),
    ].find((value): value is number => typeof value === 'number' && value > 0);
    if (seq !== undefined) {
      const cursor = await readCursor(db);
      await db.meta.put({ key: META_KEYS.cursor, value: Math.min(cursor, seq - 1) });
    } else {
      await table.delete(key);
    }
    return true;
  });
}
