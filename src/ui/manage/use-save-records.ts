import { useState } from 'preact/hooks';
import { saveLocalEdits } from '../../db/save-local-edits';
import type { SyncRecord } from '../../domain/sync-record';
import { useServices } from '../app-services';

export interface RecordSaver {
  /** Saves the records (and their outbox rows) in one transaction, then asks for a sync. */
  save: (records: readonly SyncRecord[], op?: 'put' | 'delete') => Promise<boolean>;
  saving: boolean;
  /** Why the last save failed, as the schema said it; null after a save that worked. */
  error: string | null;
}

/**
 * The management screens' one way to change records: through the outbox, like a judge's
 * score (ARCHITECTURE.md, sync protocol 3), so it works offline and the server decides.
 * A sync is asked for at once: an invite needs its person on the server.
 */
export function useSaveRecords(): RecordSaver {
  const { db, deviceId, makeId, now, sync } = useServices();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (records: readonly SyncRecord[], op: 'put' | 'delete' = 'put') => {
    setSaving(true);
    try {
      await saveLocalEdits(
        db,
        records.map((record) => ({ record, mutationId: makeId(), deviceId, nowMs: now(), op })),
      );
      setError(null);
      void sync.syncNow();
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { save, saving, error };
}
