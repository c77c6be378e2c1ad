import fc from 'fast-check';
import { expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonical-json';

/** The first implementation, kept as the definition the audit chain's hashes were made with. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => reference(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
  }
  if (
    typeof value === 'undefined' ||
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    typeof value === 'bigint'
  )
    throw new TypeError(`a ${typeof value} has no JSON form`);
  return JSON.stringify(value);
}

/** The text, or the kind of error thrown instead. */
function outcome(run: () => string): { text: string } | { error: string } {
  try {
    return { text: run() };
  } catch (error) {
    return { error: error instanceof Error ? error.name : String(error) };
  }
}

it('gives the same text as the first implementation for any JSON-like value', () => {
  const values = fc.anything({
    withNullPrototype: true,
    withSparseArray: true,
    withBoxedValues: false,
    withBigInt: false,
    withDate: false,
    withMap: false,
    withSet: false,
    withTypedArray: false,
    withObjectString: true,
  });
  fc.assert(
    fc.property(values, (value) => {
      expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => reference(value)));
    }),
    { numRuns: 2000 },
  );
});

it('sorts keys at every level, leaves undefined out, and refuses what JSON cannot hold', () => {
  expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }, undefined], e: null })).toBe(
    '{"a":[{"c":"x"},null],"b":1,"e":null}',
  );
  expect(canonicalJson(Number.NaN)).toBe('null');
  expect(() => canonicalJson(undefined)).toThrow(TypeError);
  expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  expect(() => canonicalJson([() => 1])).toThrow(TypeError);
});
