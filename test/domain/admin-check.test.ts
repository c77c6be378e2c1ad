import { describe, expect, it } from 'vitest';
import { adminCheckOutcome, suggestAdminCheck } from '../../src/domain/admin-check';
import { describeIssues } from '../../src/domain/describe-issues';
import { entrySchema, type Entry } from '../../src/domain/entry';
import { makeEntry, testId } from '../support/records';

const entry = makeEntry(testId(1), testId(2), testId(3), { startedOn: '2022-03-01' });

function withCheck(check: unknown): { ok: true; entry: Entry } | { ok: false; message: string } {
  const parsed = entrySchema.safeParse({ ...entry, adminCheck: check });
  return parsed.success
    ? { ok: true, entry: parsed.data }
    : { ok: false, message: describeIssues(parsed.error.issues) };
}

describe('the administrative check kept on the entry, item by item', () => {
  // No contact, no evidence and five months of use: three items the panitia will judge.
  const suggested = suggestAdminCheck(entry, { minMonthsImplemented: 12, today: '2022-08-18' });
  const items = suggested.map((i) => ({ ...i, passed: true }));
  const checkedAt = '2022-08-18T02:00:00.000Z';

  it('keeps each item with its outcome and reason', () => {
    expect(suggested.filter((i) => !i.passed).map((i) => i.item)).toEqual([
      'profile',
      'evidence',
      'implementation',
    ]);
    const failed = items.map((i) =>
      i.item === 'implementation' ? { ...i, passed: false, note: '  Baru 5 bulan  ' } : i,
    );
    const outcome = adminCheckOutcome(failed);
    expect(outcome).toBe('failed');
    const result = withCheck({ outcome, reason: 'Lama penerapan', checkedAt, items: failed });
    expect(result.ok && result.entry.adminCheck?.items?.find((i) => !i.passed)).toEqual({
      item: 'implementation',
      passed: false,
      note: 'Baru 5 bulan',
    });
  });

  it('refuses an outcome the items do not give, and a failed item without its reason', () => {
    const failed = items.map((i) => (i.item === 'unit' ? { ...i, passed: false, note: 'x' } : i));
    expect(withCheck({ outcome: 'passed', reason: '', checkedAt, items: failed })).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        'the outcome must follow the items: passed only when every item passed',
      ) as string,
    });
    const unexplained = failed.map((i) => (i.item === 'unit' ? { ...i, note: ' ' } : i));
    expect(
      withCheck({ outcome: 'failed', reason: '', checkedAt, items: unexplained }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('a failed item needs its reason') as string,
    });
  });

  it('still reads a check recorded before items were kept', () => {
    expect(withCheck({ outcome: 'passed', reason: '', checkedAt })).toMatchObject({ ok: true });
  });
});
