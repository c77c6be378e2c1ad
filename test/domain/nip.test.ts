import { describe, expect, it } from 'vitest';
import { formatNip, nipSchema } from '../../src/domain/user';

describe('NIP', () => {
  it('is printed grouped as birth date, appointment, sex and number', () => {
    expect(formatNip('196303011986021002')).toBe('19630301 198602 1 002');
  });

  it('must be 18 digits', () => {
    expect(nipSchema.safeParse('196303011986021002').success).toBe(true);
    expect(nipSchema.safeParse('19630301 198602 1 002').error?.issues[0]?.message).toBe(
      'NIP must be exactly 18 digits',
    );
  });
});
