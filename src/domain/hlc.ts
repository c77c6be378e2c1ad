import * as z from 'zod/mini';

/**
 * A hybrid logical clock (Kulkarni et al., 2014): a wall-clock part that never goes back
 * and a counter for events within one millisecond, then the device id to break exact ties.
 * Written as a fixed-width string, so comparing two HLCs is comparing two strings.
 *
 * Invariants (kept by tickHlc and receiveHlc):
 * - every HLC a device makes is greater than every HLC it made or received before;
 * - the wall part stays close to the (server-corrected) physical time: it runs ahead only
 *   by the counter within one millisecond, or when a received HLC was ahead.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export const hlcSchema = z
  .string()
  .check(
    z.regex(/^\d{15}-\d{5}-[0-9a-f-]{36}$/, { error: 'must be a hybrid logical clock value' }),
  );

export class HlcError extends Error {
  override readonly name = 'HlcError';
}

export function formatHlc(hlc: Hlc): string {
  return `${String(hlc.wallMs).padStart(WALL_DIGITS, '0')}-${String(hlc.counter).padStart(COUNTER_DIGITS, '0')}-${hlc.node}`;
}

export function parseHlc(text: string): Hlc {
  if (!hlcSchema.safeParse(text).success) throw new HlcError(`"${text}" is not an HLC`);
  return {
    wallMs: Number(text.slice(0, WALL_DIGITS)),
    counter: Number(text.slice(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS)),
    node: text.slice(WALL_DIGITS + 2 + COUNTER_DIGITS),
  };
}

/** The HLC of a local event at physical time `nowMs`, after `last` (null on a new device). */
export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  const now = Math.max(0, Math.floor(nowMs));
  if (!last || now > last.wallMs) return { wallMs: now, counter: 0, node };
  return bump(last.wallMs, last.counter, node);
}

/** Advances the local clock past a received HLC, so later local events order after it. */
export function receiveHlc(local: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  const now = Math.max(0, Math.floor(nowMs));
  const localWall = local?.wallMs ?? -1;
  const wall = Math.max(now, localWall, remote.wallMs);
  if (wall === now && now > localWall && now > remote.wallMs)
    return { wallMs: now, counter: 0, node };
  const counter = Math.max(
    wall === localWall ? (local?.counter ?? 0) : -1,
    wall === remote.wallMs ? remote.counter : -1,
  );
  return bump(wall, counter, node);
}

function bump(wallMs: number, counter: number, node: string): Hlc {
  // 100,000 events in one millisecond cannot happen on a phone; moving on to the next
  // millisecond keeps the order rather than failing the edit.
  return counter >= MAX_COUNTER
    ? { wallMs: wallMs + 1, counter: 0, node }
    : { wallMs, counter: counter + 1, node };
}
