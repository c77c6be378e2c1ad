/**
 * Coalesces calls made in the same turn of the event loop into one call of `run`, which
 * answers each item at its index: fifty devices syncing at once cost one statement, not
 * fifty. A call waits one turn of the event loop (setImmediate) for others to join it; on
 * an idle server that is a few microseconds. If `run` fails, every call of its batch
 * fails with the same error; an item `run` answers with an Error fails alone, so one bad
 * row (a record that no longer parses) never breaks the other devices' requests.
 *
 * Only requests in flight in this process are held, never state another process needs.
 */
export function coalesce<T, R>(
  run: (items: T[]) => Promise<(R | Error)[]>,
): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    run(batch.map((b) => b.item)).then(
      (results) => {
        batch.forEach((b, i) => {
          const result = results[i];
          if (result instanceof Error) b.reject(result);
          else if (i < results.length) b.resolve(result as R);
          else b.reject(new Error('a coalesced call answered fewer items than it was given'));
        });
      },
      (error: unknown) => {
        for (const b of batch) b.reject(error);
      },
    );
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
}
