import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';
import { signedAckSchema } from './bundle-ack';
import { cursorSchema, REJECTION_CODES } from './sync-protocol';

/**
 * What became of each mutation of an imported bundle:
 * - applied: applied now, exactly as an online push would have;
 * - already-present: the server had it already (an earlier import, or an online sync);
 * - rejected: refused, with the rule's code and message (now or before);
 * - superseded: not applied, because a later edit from the same device reached the
 *   server first (the bundle is older than what it holds); the device keeps it if it still
 *   has it, so nothing is lost.
 */
export const BUNDLE_MUTATION_STATUSES = [
  'applied',
  'already-present',
  'rejected',
  'superseded',
] as const;
export type BundleMutationStatus = (typeof BUNDLE_MUTATION_STATUSES)[number];

export const bundleMutationReportSchema = z.object({
  index: z.int().check(z.gte(0)),
  mutationId: z.string(),
  status: z.enum(BUNDLE_MUTATION_STATUSES),
  /** The change number of an acknowledged mutation (0 when it changed nothing). */
  seq: z.optional(cursorSchema),
  code: z.optional(z.enum(REJECTION_CODES)),
  message: z.optional(z.string()),
});
export type BundleMutationReport = z.infer<typeof bundleMutationReportSchema>;

/** The answer to POST /api/bundles: the report for the importer, the signed ack for the device. */
export const bundleImportResultSchema = z.object({
  bundleId: idSchema,
  deviceId: idSchema,
  deviceName: z.string(),
  userId: idSchema,
  userName: z.string(),
  createdAt: instantSchema,
  importedAt: instantSchema,
  counts: z.object({
    applied: z.int(),
    alreadyPresent: z.int(),
    rejected: z.int(),
    superseded: z.int(),
  }),
  mutations: z.array(bundleMutationReportSchema),
  blobs: z.object({ count: z.int(), bytes: z.number(), alreadyHeld: z.int() }),
  ack: signedAckSchema,
});
export type BundleImportResult = z.infer<typeof bundleImportResultSchema>;

/** Why a whole bundle was refused (nothing of it applied), as the error body's code. */
export const BUNDLE_REFUSAL_CODES = [
  'bundle-unreadable',
  'bundle-unsupported',
  'unknown-device',
  'device-revoked',
  'device-without-key',
  'wrong-user',
  'bad-signature',
  'blob-mismatch',
] as const;
export type BundleRefusalCode = (typeof BUNDLE_REFUSAL_CODES)[number];
