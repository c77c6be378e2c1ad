import * as z from 'zod/mini';
import { blobRefSchema, sha256Schema } from '../domain/blob-ref';

/** pending: only on this device. uploaded: the server has confirmed it has the bytes. */
export const BLOB_UPLOAD_STATES = ['pending', 'uploaded'] as const;
export type BlobUploadState = (typeof BLOB_UPLOAD_STATES)[number];

/** A row of the blobs table; every row read back is parsed with this schema. */
export const blobRowSchema = z.object({
  sha256: sha256Schema,
  blob: z.instanceof(Blob),
  mediaType: blobRefSchema.shape.mediaType,
  size: blobRefSchema.shape.size,
  /** Device clock, epoch milliseconds. */
  createdAtMs: z.number(),
  uploadState: z.enum(BLOB_UPLOAD_STATES),
  uploadedAtMs: z.optional(z.number()),
});
export type BlobRow = z.infer<typeof blobRowSchema>;
