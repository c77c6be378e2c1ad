import * as z from 'zod/mini';
import { recordKey, syncRecordSchema, type RecordKind, type RecordOf } from '../domain/sync-record';
import { RECORD_TABLES } from './app-database';
import { fieldOf, rowProblem, type ParsedRow } from './row-problem';

const recordRowSchema = z.object({ key: z.string(), data: z.unknown() });

/**
 * Parses a row of a record table with the record's own schema, and checks that the row is
 * stored under the record's key: a mismatch means two rows could claim the same record.
 * Issue paths start at the row, so a message reads "data.title: must not be empty".
 */
export function parseRecordRow<K extends RecordKind>(
  kind: K,
  row: unknown,
): ParsedRow<RecordOf<K>> {
  const table = RECORD_TABLES[kind];
  const envelope = recordRowSchema.safeParse(row);
  if (!envelope.success) {
    return { ok: false, problem: rowProblem(table, fieldOf(row, 'key'), envelope.error.issues) };
  }
  const { key, data } = envelope.data;
  // Parsed as a tagged SyncRecord so recordKey can be used as is.
  const parsed = syncRecordSchema.safeParse({ kind, data });
  if (!parsed.success) {
    return { ok: false, problem: rowProblem(table, key, parsed.error.issues) };
  }
  const expectedKey = recordKey(parsed.data);
  if (expectedKey !== key) {
    return {
      ok: false,
      problem: {
        table,
        key,
        message: `stored under ${key} but the record's key is ${expectedKey}`,
      },
    };
  }
  // TypeScript cannot narrow the union by a generic K; the schema was chosen by `kind`.
  return { ok: true, value: parsed.data.data as RecordOf<K> };
}
