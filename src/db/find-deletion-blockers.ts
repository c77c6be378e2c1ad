import {
  DELETION_DEPENDENCIES,
  deletionBlockers,
  type DeletionBlocker,
} from '../domain/deletion-rules';
import type { SyncRecord } from '../domain/sync-record';
import type { AppDatabase } from './app-database';
import { listRecords } from './record-repository';

/**
 * Why the panitia cannot delete `record`, from the records on this device: the same rules
 * the server applies, asked before the deletion goes into the outbox so the panitia hears
 * it now rather than as a rejection after the next sync. Run on demand (a click), so it
 * may read whole tables: the panitia's device holds the competition, not a city.
 */
export async function findDeletionBlockers(
  db: AppDatabase,
  record: SyncRecord,
  authorId: string,
): Promise<DeletionBlocker[]> {
  const dependents = await Promise.all(
    (DELETION_DEPENDENCIES[record.kind] ?? []).map(async (rule) => {
      const { rows } = await listRecords(db, rule.kind);
      return rows.filter((row) => (row as Record<string, unknown>)[rule.field] === record.data.id);
    }),
  );
  return deletionBlockers(record, dependents, authorId);
}
