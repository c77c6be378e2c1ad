import type { SqlClient } from '../store/sql-client';
import { pushBatches, type PushRequest, type PushResult } from './push-batch';

/** A group is cut here, so one transaction stays short (a request holds at most 1,000). */
const MAX_MUTATIONS_PER_GROUP = 2_000;

interface Waiting {
  request: PushRequest;
  resolve: (result: PushResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for pushes. Pushes take turns anyway (each transaction holds the counter
 * row), so a push that arrives while another is being applied waits here instead, and
 * everything that waited is then applied together in one transaction: one statement to
 * lock and load, one to write, whether one device pushed or fifty. A push that finds
 * nothing in progress waits one turn of the event loop and no more.
 *
 * Only requests in flight in this process are held, never state another process would
 * need: with several processes on PostgreSQL each groups its own, and the counter row
 * still orders the groups. If a group's transaction fails, each of its requests is
 * applied again alone, so one bad request cannot fail the others.
 */
export class PushQueue {
  private readonly waiting: Waiting[] = [];
  private draining = false;

  constructor(
    private readonly db: SqlClient,
    private readonly maxMutations = MAX_MUTATIONS_PER_GROUP,
  ) {}

  push(request: PushRequest): Promise<PushResult> {
    return new Promise<PushResult>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // One turn of the event loop first: requests whose bytes have already arrived
        // reach the queue too (the embedded database answers without yielding, so
        // otherwise each request would run to its end before the next one is read).
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) await this.apply(this.takeGroup());
    } finally {
      this.draining = false;
    }
  }

  /** The longest run of waiting requests within the size limit, and at least one. */
  private takeGroup(): Waiting[] {
    let size = 0;
    let count = 0;
    for (const { request } of this.waiting) {
      size += request.mutations.length;
      if (count > 0 && size > this.maxMutations) break;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async apply(group: Waiting[]): Promise<void> {
    try {
      const results = await this.db.transaction((tx) =>
        pushBatches(
          tx,
          group.map((w) => w.request),
        ),
      );
      group.forEach((w, i) => {
        const result = results[i];
        if (result) w.resolve(result);
        else w.reject(new Error('the push group answered fewer requests than it held'));
      });
    } catch (error) {
      const [only] = group;
      if (group.length === 1 && only) only.reject(error);
      else for (const w of group) await this.apply([w]);
    }
  }
}
