/** The first retry after a failure, and the cap: a judge's phone never waits more than this. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter: 2 s, 4 s, 8 s … capped at 5 minutes, each a random
 * fraction of that, so phones that lost the same cell tower do not all return at once.
 */
export function retryDelayMs(consecutiveFailures: number, random: () => number): number {
  const ceiling = Math.min(
    MAX_RETRY_MS,
    FIRST_RETRY_MS * 2 ** Math.max(0, consecutiveFailures - 1),
  );
  return Math.max(500, Math.round(ceiling * random()));
}
