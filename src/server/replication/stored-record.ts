import type { FieldStamps } from '../../domain/scoresheet-merge';
import type { SyncRecord } from '../../domain/sync-record';

/** A record as the server holds it, with what the merge and the pull need beside it. */
export interface StoredRecord {
  record: SyncRecord;
  seq: number;
  deleted: boolean;
  stamps: FieldStamps | null;
}

export function storageKey(kind: string, key: string): string {
  return `${kind}\u0000${key}`;
}
