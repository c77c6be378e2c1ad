import { makeUuidV7 } from '../../src/domain/ids';
import type { SyncRecord } from '../../src/domain/sync-record';
import type { TestDevice } from './test-device';

let counter = 0;
/** A fresh, valid id for records a test makes (distinct within the test run). */
export const newTestId = (): string =>
  makeUuidV7(Date.parse('2026-08-18T03:00:00Z'), new Uint8Array(10).fill(++counter % 256));

/**
 * Saves one edit on the device and syncs: the server's rejection of it, or null when it
 * was acknowledged. The outbox is emptied after, so the next attempt starts clean.
 */
export async function pushOne(
  device: TestDevice,
  record: SyncRecord,
  op: 'put' | 'delete' = 'put',
): Promise<{ code: string; message: string } | null> {
  const mutation = await device.save(record, { op });
  await device.sync();
  const row = (await device.db.outbox.where('mutation.id').equals(mutation.id).first()) as
    { rejection?: { code: string; message: string } } | undefined;
  await device.db.outbox.clear();
  return row?.rejection ? { code: row.rejection.code, message: row.rejection.message } : null;
}
