import type { Mutation } from '../domain/sync-protocol';
import type { AppDatabase } from './app-database';
import { saveWithMutation, type LocalEdit } from './save-local-edit';

/**
 * Several local edits in ONE transaction: all of them are saved with their outbox rows, or
 * none is (an import of forty entries, an automatic plan of a hundred assignments). Each
 * is made exactly as saveWithMutation makes one, inside the shared transaction.
 */
export async function saveLocalEdits(
  db: AppDatabase,
  edits: readonly LocalEdit[],
): Promise<Mutation[]> {
  if (edits.length === 0) return [];
  const tables = [...new Set(edits.map((e) => e.record.kind))].map((kind) => db.recordTable(kind));
  return db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    const mutations: Mutation[] = [];
    for (const edit of edits) mutations.push(await saveWithMutation(db, edit));
    return mutations;
  });
}
