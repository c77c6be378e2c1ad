import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';
import { syncRecordSchema } from './sync-record';

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

/** One local edit. Its id makes a replay recognisable: applied once, answered the same. */
export const mutationSchema = z.object({
  id: idSchema,
  /** The device's wall clock when the edit was made; shown, flagged if far off, never used to order. */
  madeAt: instantSchema,
  record: syncRecordSchema,
});
export type Mutation = z.infer<typeof mutationSchema>;

export const syncRequestSchema = z.object({
  ...versionHeaderSchema.shape,
  deviceId: idSchema,
  cursor: cursorSchema,
  mutations: z.array(mutationSchema).check(
    z.maxLength(MAX_MUTATIONS_PER_REQUEST, {
      error: `at most ${MAX_MUTATIONS_PER_REQUEST} mutations per request; split the batch`,
    }),
  ),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/** One applied change as a device receives it: the record and its change number. */
export const changeSchema = z.object({ seq: cursorSchema, record: syncRecordSchema });
export type Change = z.infer<typeof changeSchema>;

export const ackSchema = z.object({ mutationId: idSchema, seq: cursorSchema });
export const rejectionSchema = z.object({
  mutationId: idSchema,
  code: z.string(),
  message: z.string(),
});

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
