import { describe, expect, it } from 'vitest';
import { idSchema } from '../../src/domain/common';
import { makeUuidV7 } from '../../src/domain/ids';

describe('makeUuidV7', () => {
  it('writes the timestamp, version and variant where RFC 9562 puts them', () => {
    const id = makeUuidV7(0x0190_a1b2_c3d4, new Uint8Array(10).fill(0xff));
    expect(id).toBe('0190a1b2-c3d4-7fff-bfff-ffffffffffff');
    expect(idSchema.safeParse(id).success).toBe(true);
  });

  it('sorts by creation time', () => {
    const random = new Uint8Array(10);
    const ids = [1, 2, 1000, 1_700_000_000_000].map((ms) => makeUuidV7(ms, random));
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses too little randomness or a timestamp out of range', () => {
    expect(() => makeUuidV7(1, new Uint8Array(9))).toThrow(RangeError);
    expect(() => makeUuidV7(-1, new Uint8Array(10))).toThrow(RangeError);
  });
});
