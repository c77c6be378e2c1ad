import * as z from 'zod/mini';
import { mutationSchema } from '../domain/sync-protocol';

/** pending: waiting to be pushed. rejected: the server refused it; shown until resolved. */
export const OUTBOX_STATUSES = ['pending', 'rejected'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A row of the outbox table; every row read back is parsed with this schema. */
export const outboxRowSchema = z.object({
  /** Auto-incremented by IndexedDB: the order the edits were made on this device. */
  seq: z.int(),
  mutation: mutationSchema,
  /** recordKey() of mutation.record, so a pull can tell which records have local edits. */
  recordKey: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  /** Device clock, epoch milliseconds: only used to show how long an edit has waited. */
  createdAtMs: z.number(),
  /** The server's answer, set when status is rejected. */
  rejection: z.optional(z.object({ code: z.string(), message: z.string(), atMs: z.number() })),
});
export type OutboxRow = z.infer<typeof outboxRowSchema>;

/** An outbox row before IndexedDB has given it its seq. */
export type NewOutboxRow = Omit<OutboxRow, 'seq'>;
