import { makeUuidV7 } from '../../domain/ids';
import { syncRecordSchema } from '../../domain/sync-record';
import type { ServerDeps } from '../server-deps';
import { countRecords, putRecords } from '../store/records-repository';
import { demoRecords } from './demo-records';

/**
 * Fills an empty database with the demo competition, in one transaction. Returns false
 * and changes nothing when the database already holds records.
 */
export async function seedDemoIfEmpty(deps: ServerDeps): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    // Taking the counter row first serialises two processes seeding one PostgreSQL.
    await tx.query('SELECT last_seq FROM change_counter FOR UPDATE');
    if ((await countRecords(tx)) > 0) return false;
    const now = deps.now().getTime();
    let tick = 0;
    const records = demoRecords(() => makeUuidV7(now + tick++, deps.randomBytes(10)));
    // The demo is checked like any other input: a typo here fails the start, loudly.
    await putRecords(
      tx,
      records.map((r) => syncRecordSchema.parse(r)),
    );
    return true;
  });
}
