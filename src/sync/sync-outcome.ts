import { RequestRejectedError, SignInRequiredError } from './api-errors';
import type { SyncPassResult } from './sync-pass';
import { NetworkError } from './transport';

/** What a sync attempt ended with, sorted by what the user or the engine should do next. */
export type SyncOutcome =
  | { ok: true; result: SyncPassResult }
  /** Another tab holds the sync lock and is syncing for this one. */
  | { ok: true; skipped: true }
  | { ok: false; reason: 'offline' | 'server' | 'sign-in' | 'rejected'; message: string };

export function outcomeOfError(error: unknown): Extract<SyncOutcome, { ok: false }> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof NetworkError) return { ok: false, reason: 'offline', message };
  if (error instanceof SignInRequiredError) return { ok: false, reason: 'sign-in', message };
  if (error instanceof RequestRejectedError) return { ok: false, reason: 'rejected', message };
  return { ok: false, reason: 'server', message };
}
