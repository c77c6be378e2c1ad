import * as z from 'zod/mini';
import { blobRefSchema, sha256Schema } from './blob-ref';
import { idSchema, instantSchema } from './common';
import { SIGNATURE_BYTES } from './device-key';
import { versionHeaderSchema } from './sync-protocol';

/**
 * A sync bundle: a device's unsent work as one file, for when there is no network at all
 * (ARCHITECTURE.md, sync protocol 9). Laid out so that the server can check it while it
 * streams in, before it has read the photos:
 *
 *   JLBUNDLE 1 <manifest bytes> <signature bytes>\n     the header line (ASCII)
 *   <manifest>        UTF-8 JSON, bundleManifestSchema
 *   <signature>       the device's ECDSA P-256 signature over exactly the manifest bytes
 *   <blob 1>…<blob n> the photos' bytes, one after the other, in the manifest's order
 *
 * The manifest names each photo's sha-256 and size, so the signature covers the photos
 * too: a changed byte anywhere is found before anything is applied.
 */
export const BUNDLE_MAGIC = 'JLBUNDLE';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_FILE_EXTENSION = '.jlbundle';
export const BUNDLE_MEDIA_TYPE = 'application/vnd.jurilapang.bundle';

/** A week of a busy panitia's edits is a few megabytes of JSON; the photos come apart. */
export const MAX_BUNDLE_MANIFEST_BYTES = 32 * 1024 * 1024;
export const MAX_BUNDLE_MUTATIONS = 20_000;
export const MAX_BUNDLE_BLOBS = 5_000;
/** The header line is short: the magic, the version and two lengths. */
export const MAX_BUNDLE_HEADER_BYTES = 64;

export const bundleBlobSchema = z.object({
  sha256: sha256Schema,
  size: blobRefSchema.shape.size,
  mediaType: blobRefSchema.shape.mediaType,
});
export type BundleBlob = z.infer<typeof bundleBlobSchema>;

export const bundleManifestSchema = z.object({
  ...versionHeaderSchema.shape,
  bundleId: idSchema,
  deviceId: idSchema,
  userId: idSchema,
  /** The device's clock when it exported: shown, never used to order anything. */
  createdAt: instantSchema,
  /**
   * The device's unsent mutations, oldest first, exactly as an online push would send
   * them. Read one by one like a sync request's, so a malformed one is rejected alone.
   */
  mutations: z.array(z.unknown()).check(
    z.maxLength(MAX_BUNDLE_MUTATIONS, {
      error: `a bundle holds at most ${MAX_BUNDLE_MUTATIONS} mutations`,
    }),
  ),
  blobs: z
    .array(bundleBlobSchema)
    .check(
      z.maxLength(MAX_BUNDLE_BLOBS, { error: `a bundle holds at most ${MAX_BUNDLE_BLOBS} files` }),
    ),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export interface BundleHeader {
  formatVersion: number;
  manifestBytes: number;
  signatureBytes: number;
}

/** The first line of a bundle, newline included. */
export function formatBundleHeader(manifestBytes: number, signatureBytes: number): string {
  return `${BUNDLE_MAGIC} ${BUNDLE_FORMAT_VERSION} ${manifestBytes} ${signatureBytes}\n`;
}

const HEADER_PATTERN = new RegExp(`^${BUNDLE_MAGIC} (\\d{1,4}) (\\d{1,10}) (\\d{1,4})$`);

/** Reads the first line (without its newline); null when it is not a bundle's. */
export function parseBundleHeader(line: string): BundleHeader | null {
  const match = HEADER_PATTERN.exec(line);
  if (!match) return null;
  return {
    formatVersion: Number(match[1]),
    manifestBytes: Number(match[2]),
    signatureBytes: Number(match[3]),
  };
}

/** Why a header that parsed cannot be read further; null when it can. */
export function bundleHeaderProblem(header: BundleHeader): string | null {
  if (header.formatVersion !== BUNDLE_FORMAT_VERSION)
    return `bundle format ${header.formatVersion} is not supported; this server reads format ${BUNDLE_FORMAT_VERSION}`;
  if (header.manifestBytes < 2 || header.manifestBytes > MAX_BUNDLE_MANIFEST_BYTES)
    return `the manifest must be 2 to ${MAX_BUNDLE_MANIFEST_BYTES} bytes, the header says ${header.manifestBytes}`;
  if (header.signatureBytes !== SIGNATURE_BYTES)
    return `the signature must be ${SIGNATURE_BYTES} bytes (ECDSA P-256), the header says ${header.signatureBytes}`;
  return null;
}
