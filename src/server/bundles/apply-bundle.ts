import { formatIndexRanges } from '../../domain/index-ranges';
import { makeUuidV7 } from '../../domain/ids';
import { BUNDLE_ACK_FORMAT, type BundleAck, type SignedAck } from '../../domain/bundle-ack';
import type { BundleImportResult, BundleMutationReport } from '../../domain/bundle-report';
import { bytesToBase64Url } from '../../domain/base64url';
import { MAX_MUTATIONS_PER_REQUEST, mutationSchema } from '../../domain/sync-protocol';
import { pushBatch, type PushAuthor } from '../replication/push-batch';
import type { ServerDeps } from '../server-deps';
import {
  answeredMutationIds,
  latestAnsweredEditOf,
  lockChangeCounter,
} from '../store/bundle-queries';
import { ackSigningKey } from './ack-signing-key';
import type { VerifiedBundle } from './read-bundle';

/**
 * Applies a checked bundle: its files into the blob store, then its mutations through the
 * same push as an online sync (pushBatch), as the bundle's device and user, in batches of
 * the size a sync request may have. Returns the report and the signed acknowledgement.
 *
 * Once and only once: the push answers a mutation id it has seen with its first answer and
 * changes nothing, so importing twice, or importing and then syncing online, is harmless.
 *
 * Never older over newer: a device's outbox folds later edits of a record into a new
 * mutation, so a bundle exported before such an edit carries a mutation the device no
 * longer has. If the server has already answered an edit this device made at or after the
 * time of a mutation it has not seen, that mutation is stale (an online push sends the
 * outbox oldest first, so it would have gone before) and is reported "superseded" instead
 * of applied. It is not acknowledged either: a device that still has it keeps it, and
 * sends it online, so a wrong guess costs a delay, never an edit.
 */
export async function applyBundle(
  deps: ServerDeps,
  bundle: VerifiedBundle,
): Promise<BundleImportResult> {
  const { manifest, signer } = bundle;
  let alreadyHeld = 0;
  for (const [index, file] of bundle.received.entries()) {
    const blob = manifest.blobs[index];
    if (blob && (await deps.blobs.keepReceived(file, blob.mediaType)) === 'already-held')
      alreadyHeld += 1;
  }

  const author: PushAuthor = {
    user: bundle.user,
    deviceId: signer.id,
    enrolledAt: signer.enrolledAt,
  };
  const ids = manifest.mutations.map((raw, index) => idOf(raw, index));
  const reports: BundleMutationReport[] = [];
  for (let start = 0; start < manifest.mutations.length; start += MAX_MUTATIONS_PER_REQUEST) {
    const slice = manifest.mutations.slice(start, start + MAX_MUTATIONS_PER_REQUEST);
    reports.push(...(await applySlice(deps, author, ids, slice, start)));
  }

  const importedAt = deps.now();
  const ack: BundleAck = {
    format: BUNDLE_ACK_FORMAT,
    bundleId: manifest.bundleId,
    deviceId: signer.id,
    manifestSha256: bundle.manifestSha256,
    importedAt: importedAt.toISOString(),
    acknowledged: formatIndexRanges(
      reports
        .filter((r) => r.status === 'applied' || r.status === 'already-present')
        .map((r) => r.index),
    ),
    rejected: reports.flatMap((r) =>
      r.status === 'rejected' && r.code !== undefined
        ? [{ index: r.index, code: r.code, message: r.message ?? '' }]
        : [],
    ),
    blobs: bundle.received.length,
  };
  const count = (status: BundleMutationReport['status']) =>
    reports.filter((r) => r.status === status).length;
  return {
    bundleId: manifest.bundleId,
    deviceId: signer.id,
    deviceName: signer.name,
    userId: bundle.user.id,
    userName: bundle.user.name,
    createdAt: manifest.createdAt,
    importedAt: importedAt.toISOString(),
    counts: {
      applied: count('applied'),
      alreadyPresent: count('already-present'),
      rejected: count('rejected'),
      superseded: count('superseded'),
    },
    mutations: reports,
    blobs: {
      count: bundle.received.length,
      bytes: bundle.received.reduce((sum, file) => sum + file.size, 0),
      alreadyHeld,
    },
    ack: await signAck(deps, ack, importedAt),
  };
}

/** One transaction: decide what is stale, then push the rest as one batch. */
async function applySlice(
  deps: ServerDeps,
  author: PushAuthor,
  bundleIds: readonly string[],
  slice: readonly unknown[],
  offset: number,
): Promise<BundleMutationReport[]> {
  const now = deps.now();
  const makeId = () => makeUuidV7(deps.now().getTime(), deps.randomBytes(10));
  return deps.db.transaction(async (tx) => {
    await lockChangeCounter(tx);
    const sliceIds = slice.map((raw, i) => idOf(raw, offset + i));
    const answered = await answeredMutationIds(tx, sliceIds);
    const latest = await latestAnsweredEditOf(tx, author.deviceId, bundleIds);
    const toPush: { raw: unknown; index: number }[] = [];
    const superseded: BundleMutationReport[] = [];
    slice.forEach((raw, i) => {
      const index = offset + i;
      const parsed = mutationSchema.safeParse(raw);
      const id = sliceIds[i] ?? '';
      const isStale =
        parsed.success &&
        !answered.has(id) &&
        latest !== null &&
        latest.getTime() >= Date.parse(parsed.data.madeAt);
      if (isStale) {
        superseded.push({
          index,
          mutationId: id,
          status: 'superseded',
          message: 'A later edit from this device is already on the server',
        });
      } else toPush.push({ raw, index });
    });
    const result =
      toPush.length === 0
        ? { acks: [], rejections: [] }
        : await pushBatch(
            tx,
            author,
            toPush.map((m) => m.raw),
            now,
            makeId,
          );
    // The push answers by mutation id, or "#n" (its position in the batch) for one too
    // malformed to carry an id.
    const indexOf = new Map<string, number>();
    toPush.forEach((m, i) => {
      const id = rawId(m.raw);
      indexOf.set(id ?? `#${i}`, m.index);
    });
    const reports = [...superseded];
    for (const ack of result.acks) {
      const index = indexOf.get(ack.mutationId) ?? -1;
      reports.push({
        index,
        mutationId: ack.mutationId,
        status: answered.has(ack.mutationId) ? 'already-present' : 'applied',
        seq: ack.seq,
      });
    }
    for (const rejection of result.rejections) {
      const index = indexOf.get(rejection.mutationId) ?? -1;
      reports.push({
        index,
        mutationId: bundleIds[index] ?? rejection.mutationId,
        status: 'rejected',
        code: rejection.code,
        message: rejection.message,
      });
    }
    return reports.filter((r) => r.index >= 0).sort((a, b) => a.index - b.index);
  });
}

async function signAck(deps: ServerDeps, ack: BundleAck, now: Date): Promise<SignedAck> {
  const key = await ackSigningKey(deps.db, now);
  const payload = JSON.stringify(ack);
  const signature = await key.sign(new TextEncoder().encode(payload));
  return { format: BUNDLE_ACK_FORMAT, payload, signature: bytesToBase64Url(signature) };
}

/** A mutation's id as the device wrote it (as the push reads it), if it has one. */
function rawId(raw: unknown): string | undefined {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string')
    return raw.id.slice(0, 64);
  return undefined;
}

/** A mutation's id, or its position in the bundle when it has none. */
function idOf(raw: unknown, index: number): string {
  return rawId(raw) ?? `#${index}`;
}
