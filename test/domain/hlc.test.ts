import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatHlc,
  type Hlc,
  HlcError,
  hlcSchema,
  parseHlc,
  receiveHlc,
  tickHlc,
} from '../../src/domain/hlc';
import { DEVICE_LAPTOP, DEVICE_PHONE, T0 } from '../support/scoresheets';

const NUM_RUNS = 1000;
const MAX_WALL = 10 ** 15 - 1;
const MAX_COUNTER = 99_999;

/** (wall, counter, node) order: the order HLCs are meant to have. */
function compareTuples(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const isAfter = (a: Hlc, b: Hlc) => compareTuples(a, b) > 0 && formatHlc(a) > formatHlc(b);

// Walls near one moment make equal walls (the interesting case) common; the full range
// checks the fixed-width encoding up to 15 digits.
const nearWall = fc.integer({ min: -3, max: 3 }).map((d) => T0 + d);
const anyWall = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([hi, lo]) => hi * 1e9 + lo);
const wallArb = fc.oneof(nearWall, anyWall, fc.constantFrom(0, MAX_WALL));
const counterArb = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: MAX_COUNTER - 2, max: MAX_COUNTER }),
  fc.integer({ min: 0, max: MAX_COUNTER }),
);
const nodeArb = fc.oneof(fc.constantFrom(DEVICE_PHONE, DEVICE_LAPTOP), fc.uuid());
const hlcArb: fc.Arbitrary<Hlc> = fc.record({
  wallMs: wallArb,
  counter: counterArb,
  node: nodeArb,
});
/** HLCs a real device holds: the wall near the present, so a tick never leaves 15 digits. */
const liveHlcArb: fc.Arbitrary<Hlc> = fc.record({
  wallMs: nearWall,
  counter: counterArb,
  node: nodeArb,
});
/** Physical time as a phone reports it: near the present, jumping back, fractional. */
const nowArb = fc.oneof(
  nearWall,
  fc.integer({ min: -3, max: 3 }).map((d) => T0 + d + 0.5),
  fc.integer({ min: -86_400_000, max: 86_400_000 }).map((d) => T0 + d),
);

describe('formatHlc and parseHlc', () => {
  it('writes wall, counter and node at fixed width', () => {
    expect(formatHlc({ wallMs: T0, counter: 7, node: DEVICE_PHONE })).toBe(
      `001755482400000-00007-${DEVICE_PHONE}`,
    );
    expect(formatHlc({ wallMs: 0, counter: 0, node: DEVICE_LAPTOP })).toBe(
      `000000000000000-00000-${DEVICE_LAPTOP}`,
    );
    expect(parseHlc(`001755482400000-00007-${DEVICE_PHONE}`)).toEqual({
      wallMs: T0,
      counter: 7,
      node: DEVICE_PHONE,
    });
  });

  it('round-trips every HLC: parse(format(h)) = h, and the text passes hlcSchema', () => {
    fc.assert(
      fc.property(hlcArb, (hlc) => {
        const text = formatHlc(hlc);
        expect(hlcSchema.safeParse(text).success).toBe(true);
        expect(parseHlc(text)).toEqual(hlc);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('round-trips every valid text: format(parse(s)) = s', () => {
    const textArb = fc.stringMatching(/^\d{15}-\d{5}-[0-9a-f-]{36}$/);
    fc.assert(
      fc.property(textArb, (text) => {
        expect(formatHlc(parseHlc(text))).toBe(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('orders the strings exactly as (wall, counter, node)', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const byText = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(byText).toBe(sign(compareTuples(a, b)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('orders a later wall first even when the earlier one has a larger counter', () => {
    const early = formatHlc({ wallMs: 999, counter: MAX_COUNTER, node: DEVICE_LAPTOP });
    const late = formatHlc({ wallMs: 1000, counter: 0, node: DEVICE_PHONE });
    expect(late > early).toBe(true);
    const sameTime = (node: string) => formatHlc({ wallMs: T0, counter: 2, node });
    expect(sameTime(DEVICE_LAPTOP) > sameTime(DEVICE_PHONE)).toBe(DEVICE_LAPTOP > DEVICE_PHONE);
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not a clock'],
    ['a 14-digit wall', `00175548240000-00007-${DEVICE_PHONE}`],
    ['a 16-digit wall', `0001755482400000-00007-${DEVICE_PHONE}`],
    ['a 4-digit counter', `001755482400000-0007-${DEVICE_PHONE}`],
    ['a 6-digit counter', `001755482400000-000007-${DEVICE_PHONE}`],
    ['a negative wall', `-01755482400000-00007-${DEVICE_PHONE}`],
    ['a wall with a letter', `00175548240000a-00007-${DEVICE_PHONE}`],
    ['an upper-case node', `001755482400000-00007-${DEVICE_PHONE.toUpperCase()}`],
    ['a short node', `001755482400000-00007-${DEVICE_PHONE.slice(1)}`],
    ['no node', '001755482400000-00007-'],
    ['a trailing newline', `001755482400000-00007-${DEVICE_PHONE}\n`],
    ['a leading space', ` 001755482400000-00007-${DEVICE_PHONE}`],
    ['an ISO timestamp', '2025-08-18T02:00:00.000Z'],
    ['a NaN wall', formatHlc({ wallMs: Number.NaN, counter: 0, node: DEVICE_PHONE })],
    ['a wall past 15 digits', formatHlc({ wallMs: 10 ** 15, counter: 0, node: DEVICE_PHONE })],
  ])('refuses %s with an HlcError', (_, text) => {
    expect(() => parseHlc(text)).toThrow(HlcError);
    expect(hlcSchema.safeParse(text).success).toBe(false);
  });

  it('refuses any text that is not digits-dash-digits-dash-node at fixed width', () => {
    const valid = /^\d{15}-\d{5}-[0-9a-f-]{36}$/;
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (text) => {
        fc.pre(!valid.test(text));
        expect(() => parseHlc(text)).toThrow(HlcError);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('names the refused text in the error', () => {
    expect(() => parseHlc('garbage')).toThrow(/"garbage" is not an HLC/);
  });
});

describe('tickHlc', () => {
  it('starts a new device at the physical time with counter 0', () => {
    expect(tickHlc(null, T0, DEVICE_PHONE)).toEqual({ wallMs: T0, counter: 0, node: DEVICE_PHONE });
  });

  it('floors a fractional time and clamps a negative one to 0', () => {
    expect(tickHlc(null, T0 + 0.9, DEVICE_PHONE).wallMs).toBe(T0);
    expect(tickHlc(null, -5, DEVICE_PHONE)).toEqual({ wallMs: 0, counter: 0, node: DEVICE_PHONE });
  });

  it('follows the physical clock when it moves forward, resetting the counter', () => {
    const last = { wallMs: T0, counter: 42, node: DEVICE_PHONE };
    expect(tickHlc(last, T0 + 1, DEVICE_PHONE)).toEqual({
      wallMs: T0 + 1,
      counter: 0,
      node: DEVICE_PHONE,
    });
  });

  it('counts up within a millisecond when the clock stands still', () => {
    let hlc = tickHlc(null, T0, DEVICE_PHONE);
    for (let i = 1; i <= 3; i++) {
      hlc = tickHlc(hlc, T0, DEVICE_PHONE);
      expect(hlc).toEqual({ wallMs: T0, counter: i, node: DEVICE_PHONE });
    }
  });

  it('keeps its wall and counts up when the clock goes back (NTP step, manual change)', () => {
    const last = { wallMs: T0, counter: 5, node: DEVICE_PHONE };
    const next = tickHlc(last, T0 - 3_600_000, DEVICE_PHONE);
    expect(next).toEqual({ wallMs: T0, counter: 6, node: DEVICE_PHONE });
    expect(formatHlc(next) > formatHlc(last)).toBe(true);
  });

  it('moves to the next millisecond when the counter would overflow 5 digits', () => {
    const last = { wallMs: T0, counter: MAX_COUNTER, node: DEVICE_PHONE };
    const next = tickHlc(last, T0, DEVICE_PHONE);
    expect(next).toEqual({ wallMs: T0 + 1, counter: 0, node: DEVICE_PHONE });
    expect(formatHlc(next) > formatHlc(last)).toBe(true);
    expect(parseHlc(formatHlc(next))).toEqual(next);
    // …and carries on from there once the physical clock catches up.
    expect(tickHlc(next, T0 + 1, DEVICE_PHONE)).toEqual({
      wallMs: T0 + 1,
      counter: 1,
      node: DEVICE_PHONE,
    });
  });

  it('makes strictly increasing HLCs whatever the physical clock does', () => {
    fc.assert(
      fc.property(
        fc.option(liveHlcArb, { nil: null }),
        fc.array(nowArb, { minLength: 1, maxLength: 40 }),
        (start, nows) => {
          let last: Hlc | null = start;
          for (const now of nows) {
            const next = tickHlc(last, now, DEVICE_PHONE);
            if (last) expect(isAfter(next, last)).toBe(true);
            expect(hlcSchema.safeParse(formatHlc(next)).success).toBe(true);
            last = next;
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('stays at the physical time, running ahead only by an overflowing counter', () => {
    fc.assert(
      fc.property(fc.option(liveHlcArb, { nil: null }), nowArb, (last, now) => {
        const next = tickHlc(last, now, DEVICE_PHONE);
        const physical = Math.floor(now);
        expect(next.wallMs).toBeGreaterThanOrEqual(physical);
        expect(next.wallMs).toBeLessThanOrEqual(Math.max(physical, (last?.wallMs ?? 0) + 1));
        expect(next.node).toBe(DEVICE_PHONE);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('receiveHlc', () => {
  const local = { wallMs: T0, counter: 4, node: DEVICE_PHONE };

  it('takes the physical time when it is ahead of both clocks', () => {
    const remote = { wallMs: T0 + 5, counter: 9, node: DEVICE_LAPTOP };
    expect(receiveHlc(local, remote, T0 + 10, DEVICE_PHONE)).toEqual({
      wallMs: T0 + 10,
      counter: 0,
      node: DEVICE_PHONE,
    });
  });

  it('jumps to a remote clock that is ahead, one count past it', () => {
    const remote = { wallMs: T0 + 5_000, counter: 9, node: DEVICE_LAPTOP };
    expect(receiveHlc(local, remote, T0 + 10, DEVICE_PHONE)).toEqual({
      wallMs: T0 + 5_000,
      counter: 10,
      node: DEVICE_PHONE,
    });
  });

  it('counts past its own clock when that is ahead of the remote and physical time', () => {
    const remote = { wallMs: T0 - 5, counter: 90, node: DEVICE_LAPTOP };
    expect(receiveHlc(local, remote, T0 - 100, DEVICE_PHONE)).toEqual({
      wallMs: T0,
      counter: 5,
      node: DEVICE_PHONE,
    });
  });

  it('counts past the larger counter when all three walls are equal', () => {
    const remote = { wallMs: T0, counter: 11, node: DEVICE_LAPTOP };
    expect(receiveHlc(local, remote, T0, DEVICE_PHONE)).toEqual({
      wallMs: T0,
      counter: 12,
      node: DEVICE_PHONE,
    });
    expect(receiveHlc({ ...local, counter: 20 }, remote, T0, DEVICE_PHONE).counter).toBe(21);
  });

  it('works on a new device that has no clock yet', () => {
    const remote = { wallMs: T0 + 5, counter: 3, node: DEVICE_LAPTOP };
    expect(receiveHlc(null, remote, T0, DEVICE_PHONE)).toEqual({
      wallMs: T0 + 5,
      counter: 4,
      node: DEVICE_PHONE,
    });
    expect(receiveHlc(null, remote, T0 + 5, DEVICE_PHONE).counter).toBe(4);
    expect(receiveHlc(null, remote, T0 + 6, DEVICE_PHONE)).toEqual({
      wallMs: T0 + 6,
      counter: 0,
      node: DEVICE_PHONE,
    });
  });

  it('moves to the next millisecond when the remote counter is full', () => {
    const remote = { wallMs: T0 + 5, counter: MAX_COUNTER, node: DEVICE_LAPTOP };
    const next = receiveHlc(local, remote, T0, DEVICE_PHONE);
    expect(next).toEqual({ wallMs: T0 + 6, counter: 0, node: DEVICE_PHONE });
    expect(isAfter(next, remote)).toBe(true);
  });

  it('orders after both the local and the remote clock, with the local node', () => {
    fc.assert(
      fc.property(fc.option(liveHlcArb, { nil: null }), liveHlcArb, nowArb, (mine, remote, now) => {
        const next = receiveHlc(mine, remote, now, DEVICE_PHONE);
        expect(isAfter(next, remote)).toBe(true);
        if (mine) expect(isAfter(next, mine)).toBe(true);
        expect(next.node).toBe(DEVICE_PHONE);
        expect(next.wallMs).toBeGreaterThanOrEqual(Math.floor(now));
        expect(next.wallMs).toBeLessThanOrEqual(
          Math.max(Math.floor(now), mine?.wallMs ?? 0, remote.wallMs) + 1,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps every HLC a device makes after everything it made or received before', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), now: nowArb }),
      fc.record({ kind: fc.constant('receive' as const), now: nowArb, remote: liveHlcArb }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        let clock: Hlc | null = null;
        const seen: Hlc[] = [];
        for (const s of steps) {
          const next: Hlc =
            s.kind === 'tick'
              ? tickHlc(clock, s.now, DEVICE_PHONE)
              : receiveHlc(clock, s.remote, s.now, DEVICE_PHONE);
          if (s.kind === 'receive') seen.push(s.remote);
          for (const before of seen) expect(isAfter(next, before)).toBe(true);
          seen.push(next);
          clock = next;
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
