import type { SyncOutcome } from './sync-outcome';
import type { UploadProgress } from './upload-blobs';

/** What the engine knows about its own progress; the outbox summary comes from the db. */
export interface SyncEngineState {
  running: boolean;
  /** Device clock when the running attempt started. */
  attemptStartedAt: number | undefined;
  lastSuccessAt: number | undefined;
  lastFailure: Extract<SyncOutcome, { ok: false }> | undefined;
  consecutiveFailures: number;
  nextRetryAt: number | undefined;
  /** The token was refused: everything is kept until the user signs in again. */
  needsSignIn: boolean;
  /** The photo being uploaded right now, shown so a judge knows to keep the signal. */
  upload: UploadProgress | undefined;
}

export const INITIAL_ENGINE_STATE: SyncEngineState = {
  running: false,
  attemptStartedAt: undefined,
  lastSuccessAt: undefined,
  lastFailure: undefined,
  consecutiveFailures: 0,
  nextRetryAt: undefined,
  needsSignIn: false,
  upload: undefined,
};

/** After this long with changes waiting and nothing going through, the user is told. */
export const STUCK_AFTER_MS = 10 * 60_000;

/**
 * "Stuck": changes wait, and nothing has gone through for too long — a request hanging on
 * a server that never answers, or every attempt failing. The user sees it with the age of
 * the oldest unsynced change, so they can find a signal or export a file instead.
 */
export function isSyncStuck(
  state: SyncEngineState,
  oldestPendingAgeMs: number | undefined,
  nowMs: number,
  stuckAfterMs = STUCK_AFTER_MS,
): boolean {
  if (
    state.running &&
    state.attemptStartedAt !== undefined &&
    nowMs - state.attemptStartedAt > stuckAfterMs
  )
    return true;
  if (oldestPendingAgeMs === undefined) return false;
  const sinceSuccess = state.lastSuccessAt === undefined ? Infinity : nowMs - state.lastSuccessAt;
  return oldestPendingAgeMs > stuckAfterMs && sinceSuccess > stuckAfterMs;
}
