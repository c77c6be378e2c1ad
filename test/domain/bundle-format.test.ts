import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64UrlToBytes, bytesToBase64Url } from '../../src/domain/base64url';
import { formatAckFragment, parseAckFragment } from '../../src/domain/bundle-ack';
import {
  bundleHeaderProblem,
  formatBundleHeader,
  MAX_BUNDLE_MANIFEST_BYTES,
  parseBundleHeader,
} from '../../src/domain/bundle-manifest';
import { formatIndexRanges, parseIndexRanges } from '../../src/domain/index-ranges';

describe('the bundle header line', () => {
  it('reads back what it wrote, and names what it cannot read', () => {
    const line = formatBundleHeader(1234, 64);
    expect(line).toBe('JLBUNDLE 1 1234 64\n');
    const header = parseBundleHeader(line.trimEnd());
    expect(header).toEqual({ formatVersion: 1, manifestBytes: 1234, signatureBytes: 64 });
    expect(bundleHeaderProblem(header!)).toBeNull();
    expect(parseBundleHeader('PK\u0003\u0004')).toBeNull();
    expect(parseBundleHeader('JLBUNDLE 1 -5 64')).toBeNull();
    expect(
      bundleHeaderProblem({ formatVersion: 2, manifestBytes: 10, signatureBytes: 64 }),
    ).toMatch(/bundle format 2 is not supported/);
    expect(
      bundleHeaderProblem({
        formatVersion: 1,
        manifestBytes: MAX_BUNDLE_MANIFEST_BYTES + 1,
        signatureBytes: 64,
      }),
    ).toMatch(/the manifest must be 2 to/);
    expect(
      bundleHeaderProblem({ formatVersion: 1, manifestBytes: 10, signatureBytes: 72 }),
    ).toMatch(/the signature must be 64 bytes/);
  });
});

describe('index ranges', () => {
  it('writes runs as ranges', () => {
    expect(formatIndexRanges([0, 1, 2, 3, 5, 7, 8])).toBe('0-3,5,7-8');
    expect(formatIndexRanges([])).toBe('');
    expect(formatIndexRanges([4, 2, 3, 3])).toBe('2-4');
  });

  it('reads back any set of positions', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 500 })), (indices) => {
        const sorted = [...indices].sort((a, b) => a - b);
        expect(parseIndexRanges(formatIndexRanges(indices), 501)).toEqual(sorted);
      }),
    );
  });

  it('refuses a position beyond the bundle and malformed text', () => {
    expect(parseIndexRanges('0-9', 10)).toHaveLength(10);
    expect(parseIndexRanges('0-10', 10)).toBeNull();
    expect(parseIndexRanges('5-3', 10)).toBeNull();
    expect(parseIndexRanges('1,,2', 10)).toBeNull();
    expect(parseIndexRanges('-1', 10)).toBeNull();
  });
});

describe('base64url and the acknowledgement link', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(base64UrlToBytes(text)).toEqual(bytes);
      }),
    );
    expect(base64UrlToBytes('a+b')).toBeNull();
  });

  it('carries the exact signed text in the link', () => {
    const ack = {
      format: 'jurilapang-ack' as const,
      payload: '{"bundleId":"x","note":"Nilai ✓"}',
      signature: 'A'.repeat(86),
    };
    expect(parseAckFragment(formatAckFragment(ack))).toEqual(ack);
    expect(parseAckFragment('abc')).toBeNull();
    expect(parseAckFragment(`${formatAckFragment(ack)}.extra`)).toBeNull();
  });
});
