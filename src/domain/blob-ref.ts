import * as z from 'zod/mini';
import { geoPointSchema, instantSchema, optionalText } from './common';

/** Photos and documents are stored by content hash; records refer to them by it. */
export const sha256Schema = z
  .string()
  .check(
    z.regex(/^[0-9a-f]{64}$/, { error: 'must be a sha-256 written as 64 lowercase hex digits' }),
  );

export const blobRefSchema = z.object({
  sha256: sha256Schema,
  size: z.int().check(z.gte(1), z.lte(50 * 1024 * 1024)),
  mediaType: z
    .string()
    .check(z.regex(/^[a-z]+\/[a-z0-9.+-]+$/, { error: 'must be a media type such as image/jpeg' })),
  name: z.optional(optionalText(200)),
  capturedAt: z.optional(instantSchema),
  location: z.optional(geoPointSchema),
});
export type BlobRef = z.infer<typeof blobRefSchema>;
