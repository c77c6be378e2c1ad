import { recordKey, type RecordKind, type SyncRecord } from '../domain/sync-record';
import type { RecordRow } from './app-database';

/** The row a validated record is stored as in its kind's table. */
export function toRecordRow(record: SyncRecord): RecordRow<RecordKind> {
  return { key: recordKey(record), data: record.data };
}
