import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';
import { hlcSchema } from './hlc';
import { recordKindSchema, syncRecordSchema } from './sync-record';

/**
 * The protocol version changes when the shape of a request or response changes; the
 * schema version changes when a record schema does. The server accepts the current and
 * the previous version of each, so a judge offline for weeks through an update can push.
 */
export const PROTOCOL_VERSION = 1;
export const SCHEMA_VERSION = 1;
export const MAX_MUTATIONS_PER_REQUEST = 1000;
export const MAX_CHANGES_PER_PAGE = 1000;

/** A cursor is a server change number: a device never orders anything by its own clock. */
export const cursorSchema = z.int().check(z.gte(0, { error: 'cursor must be 0 or more' }));

export const versionHeaderSchema = z.object({
  protocolVersion: z.int().check(z.gte(1)),
  schemaVersion: z.int().check(z.gte(1)),
});

/** A scoresheet field that merges on its own: "scores.kebaruan.value", "overallNote", "status"… */
export const fieldPathSchema = z.string().check(
  z.regex(/^(scores\.[a-z0-9][a-z0-9-]{0,39}\.(value|note)|overallNote|visit|photos|status)$/, {
    error: 'must be a scoresheet field such as scores.<criterion>.value, overallNote or status',
  }),
);

/** One local edit. Its id makes a replay recognisable: applied once, answered the same. */
export const mutationSchema = z.object({
  id: idSchema,
  /** The device's wall clock when the edit was made: shown, flagged when far off, never used to order. */
  madeAt: instantSchema,
  /** The device's hybrid clock: orders concurrent edits of one judge's devices. */
  hlc: hlcSchema,
  op: z.enum(['put', 'delete']),
  /** The record as the device holds it after the edit (for a delete: as last seen). */
  record: syncRecordSchema,
  /** For scoresheets: the fields this edit set. Absent: every field (a new record). */
  fields: z.optional(z.array(fieldPathSchema).check(z.maxLength(200))),
  /** The change number of the server version the edit started from; 0 for a new record. */
  baseSeq: z.int().check(z.gte(0)),
  /**
   * When several unsent edits of one record were folded into this mutation, the clock of
   * each field whose edit was earlier than `hlc`: a field keeps the time it was really set.
   */
  fieldHlcs: z.optional(z.record(fieldPathSchema, hlcSchema)),
});
export type Mutation = z.infer<typeof mutationSchema>;

const syncRequestShape = {
  ...versionHeaderSchema.shape,
  deviceId: idSchema,
  cursor: cursorSchema,
};

/** What a device sends: its outbox batch and its cursor, in one request. */
export const syncRequestSchema = z.object({
  ...syncRequestShape,
  mutations: z.array(mutationSchema).check(z.maxLength(MAX_MUTATIONS_PER_REQUEST)),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * How the server first reads a request: the envelope strictly, each mutation on its own,
 * so one malformed mutation is rejected by itself and the rest of the batch still applies.
 */
export const syncRequestEnvelopeSchema = z.object({
  ...syncRequestShape,
  mutations: z.array(z.unknown()).check(
    z.maxLength(MAX_MUTATIONS_PER_REQUEST, {
      error: `at most ${MAX_MUTATIONS_PER_REQUEST} mutations per request; split the batch`,
    }),
  ),
});

/** One applied change as a device receives it: a record to store, or one to remove. */
export const changeSchema = z.union([
  z.object({ seq: cursorSchema, record: syncRecordSchema }),
  z.object({ seq: cursorSchema, removed: z.object({ kind: recordKindSchema, key: z.string() }) }),
]);
export type Change = z.infer<typeof changeSchema>;

export const ackSchema = z.object({
  mutationId: idSchema,
  /** The change number the mutation produced (0 when it changed nothing). */
  seq: cursorSchema,
  /** Set when the device's clock was far from the server's when it made the edit. */
  clockSkewMs: z.optional(z.number()),
});
export type Ack = z.infer<typeof ackSchema>;

export const REJECTION_CODES = [
  'invalid',
  'forbidden',
  'locked',
  'not-open',
  'incomplete',
  'unknown-target',
] as const;
export const rejectionSchema = z.object({
  mutationId: z.string(),
  code: z.enum(REJECTION_CODES),
  message: z.string(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const syncResponseSchema = z.object({
  ...versionHeaderSchema.shape,
  acks: z.array(ackSchema),
  rejections: z.array(rejectionSchema),
  changes: z.array(changeSchema),
  cursor: cursorSchema,
  /** True when more changes wait after this page: the device asks again at once. */
  hasMore: z.boolean(),
  serverTime: instantSchema,
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;

/** The body of every error response: a code to act on and a message naming the problem. */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
