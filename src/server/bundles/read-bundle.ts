import { createHash, webcrypto } from 'node:crypto';
import {
  bundleHeaderProblem,
  bundleManifestSchema,
  MAX_BUNDLE_HEADER_BYTES,
  parseBundleHeader,
  type BundleManifest,
} from '../../domain/bundle-manifest';
import type { BundleRefusalCode } from '../../domain/bundle-report';
import { describeIssues } from '../../domain/describe-issues';
import { SIGNATURE_ALGORITHM, SIGNATURE_KEY_ALGORITHM } from '../../domain/device-key';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../domain/sync-protocol';
import type { User } from '../../domain/user';
import type { BlobStore, ReceivedBlob } from '../blob-store';
import { HttpError } from '../http-error';
import { findBundleSigner, type BundleSigner } from '../store/auth-repository';
import type { SqlExecutor } from '../store/sql-client';
import { findUser } from '../store/user-lookup';
import { StreamReader, TruncatedStreamError } from './stream-reader';

/** A bundle every part of which has been checked; its files wait in the blob store's staging. */
export interface VerifiedBundle {
  manifest: BundleManifest;
  /** sha-256 of the exact manifest bytes the device signed: the acknowledgement names it. */
  manifestSha256: string;
  signer: BundleSigner;
  user: User;
  /** The files, in manifest order, each checked against its size and hash. */
  received: ReceivedBlob[];
}

/** The same versions a sync request may carry (sync-routes.ts): a bundle is a push on foot. */
const ACCEPTED_PROTOCOL_VERSIONS = [PROTOCOL_VERSION, PROTOCOL_VERSION - 1].filter((v) => v >= 1);
const ACCEPTED_SCHEMA_VERSIONS = [SCHEMA_VERSION, SCHEMA_VERSION - 1].filter((v) => v >= 1);

function refuse(status: 403 | 422, code: BundleRefusalCode, message: string): HttpError {
  return new HttpError(status, code, message);
}

/**
 * Reads a sync bundle from its stream and checks all of it before anything is applied:
 * the header, the manifest, the device (known, not revoked, with a key, of the manifest's
 * user), the signature over the manifest, and then every file as it streams to a staging
 * file, against the size and sha-256 the signed manifest gives. Only one chunk of a file
 * is in memory at a time. Any failure refuses the whole bundle with its reason, and the
 * files staged so far are removed.
 */
export async function readBundle(
  deps: { db: SqlExecutor; blobs: BlobStore; stagingName: (index: number) => string },
  body: ReadableStream<Uint8Array>,
): Promise<VerifiedBundle> {
  const reader = new StreamReader(body);
  const received: ReceivedBlob[] = [];
  try {
    const { manifest, manifestBytes, signature } = await readSignedManifest(reader);
    const { signer, user } = await checkSigner(deps.db, manifest);
    await checkSignature(signer, manifestBytes, signature);
    for (const [index, blob] of manifest.blobs.entries()) {
      const which = `File ${index + 1} of ${manifest.blobs.length} (${blob.sha256.slice(0, 12)}…)`;
      let file: ReceivedBlob;
      try {
        file = await deps.blobs.receive(deps.stagingName(index), reader.chunks(blob.size));
      } catch (error) {
        if (error instanceof TruncatedStreamError)
          throw refuse(422, 'bundle-unreadable', `The bundle is cut short in ${which}`);
        throw error;
      }
      received.push(file);
      if (file.sha256 !== blob.sha256) {
        throw refuse(
          422,
          'blob-mismatch',
          `${which} does not match the sha-256 the device signed: the bundle was changed or damaged after export`,
        );
      }
    }
    if (!(await reader.isAtEnd()))
      throw refuse(422, 'bundle-unreadable', 'The bundle has unexpected bytes after its last file');
    return {
      manifest,
      manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
      signer,
      user,
      received,
    };
  } catch (error) {
    await reader.discardRest();
    await Promise.all(received.map((file) => deps.blobs.discardReceived(file)));
    throw error;
  }
}

async function readSignedManifest(reader: StreamReader): Promise<{
  manifest: BundleManifest;
  manifestBytes: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}> {
  const line = await reader.readLine(MAX_BUNDLE_HEADER_BYTES);
  const header = line === null ? null : parseBundleHeader(line);
  if (!header)
    throw refuse(
      422,
      'bundle-unreadable',
      'This is not a Jurilapang sync bundle: no bundle header',
    );
  const problem = bundleHeaderProblem(header);
  if (problem) throw refuse(422, 'bundle-unsupported', `The bundle cannot be read: ${problem}`);
  let manifestBytes: Uint8Array<ArrayBuffer>;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    manifestBytes = await reader.readExactly(header.manifestBytes);
    signature = await reader.readExactly(header.signatureBytes);
  } catch (error) {
    if (error instanceof TruncatedStreamError)
      throw refuse(422, 'bundle-unreadable', 'The bundle is cut short before its first file');
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw refuse(422, 'bundle-unreadable', 'The bundle manifest is not valid UTF-8 JSON');
  }
  const parsed = bundleManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw refuse(
      422,
      'bundle-unreadable',
      `The bundle manifest is not valid: ${describeIssues(parsed.error.issues)}`,
    );
  }
  const manifest = parsed.data;
  if (
    !ACCEPTED_PROTOCOL_VERSIONS.includes(manifest.protocolVersion) ||
    !ACCEPTED_SCHEMA_VERSIONS.includes(manifest.schemaVersion)
  ) {
    throw refuse(
      422,
      'bundle-unsupported',
      `The bundle was made by an app of protocol ${manifest.protocolVersion}, schema ${manifest.schemaVersion}; this server accepts protocol ${ACCEPTED_PROTOCOL_VERSIONS.join(' and ')}, schema ${ACCEPTED_SCHEMA_VERSIONS.join(' and ')}`,
    );
  }
  return { manifest, manifestBytes, signature };
}

async function checkSigner(
  db: SqlExecutor,
  manifest: BundleManifest,
): Promise<{ signer: BundleSigner; user: User }> {
  const signer = await findBundleSigner(db, manifest.deviceId);
  if (!signer)
    throw refuse(422, 'unknown-device', `The device ${manifest.deviceId} was never enrolled here`);
  if (signer.revokedAt !== null) {
    throw refuse(
      403,
      'device-revoked',
      `The device "${signer.name}" was revoked on ${signer.revokedAt.toISOString()}: its bundles are refused`,
    );
  }
  if (signer.userId !== manifest.userId)
    throw refuse(422, 'wrong-user', `The device "${signer.name}" belongs to another person`);
  if (!signer.publicKey) {
    throw refuse(
      422,
      'device-without-key',
      `The device "${signer.name}" was enrolled before sync bundles existed and has no signing key: it must sign in again (or sync online)`,
    );
  }
  const user = await findUser(db, signer.userId);
  if (!user)
    throw refuse(422, 'wrong-user', `The account of the device "${signer.name}" no longer exists`);
  return { signer, user };
}

async function checkSignature(
  signer: BundleSigner,
  manifestBytes: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): Promise<void> {
  const valid = await webcrypto.subtle
    .importKey('jwk', { ...signer.publicKey }, SIGNATURE_KEY_ALGORITHM, false, ['verify'])
    .then((key) => webcrypto.subtle.verify(SIGNATURE_ALGORITHM, key, signature, manifestBytes))
    .catch(() => false);
  if (!valid) {
    throw refuse(
      422,
      'bad-signature',
      `The bundle's signature does not match its contents and the key of the device "${signer.name}": it was changed after export, or not made by that device`,
    );
  }
}
